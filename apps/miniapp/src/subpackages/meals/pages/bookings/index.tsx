import { useState } from 'react'
import type { MealBookingView } from '@carecircle/shared'
import { MEAL_MODE_LABELS, formatFen } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import EmptyState from '../../../../components/EmptyState'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { mealRoutes } from '../../../../services/meal-routes'
import { listMealBookings } from '../../../../services/meals'
import { navigate } from '../../../../services/navigation'
import { todayYmd } from '../../../../utils/dates'
import { itemsSummary, splitBookings } from '../../logic/bookings-list'
import { mealWhen } from '../../logic/format'
import { param } from '../../logic/params'
import { orderAgain } from '../../logic/repeat-order'
import './index.scss'

function BookingCard({ booking, today, busy, onAgain }: { booking: MealBookingView; today: string; busy: boolean; onAgain: () => void }) {
  const live = booking.status === 'booked'
  return (
    <View className='meal-card'>
      <View role='button' className='meal-card__body' onClick={() => navigate(mealRoutes.booking(booking.id))}>
        <View className='meal-card__head'>
          <Text className='meal-card__when'>{mealWhen(booking.date, booking.period, today)}</Text>
          <Text className={`meal-card__status meal-card__status--${booking.status}`}>{booking.statusLabel}</Text>
        </View>
        <Text className='meal-card__line'>
          {booking.elderName} · {MEAL_MODE_LABELS[booking.mode]} · {booking.canteenName}
        </Text>
        <Text className='meal-card__line meal-card__items'>{itemsSummary(booking)}</Text>
        <View className='meal-card__foot'>
          {live ? <Text className='meal-card__code'>取餐码 {booking.pickupCode}</Text> : <Text />}
          <Text className='meal-card__pay'>实付 {formatFen(booking.price.payFen)}</Text>
        </View>
      </View>
      <View className='cc-row-actions meal-card__actions'>
        {live ? <Button onClick={() => navigate(mealRoutes.booking(booking.id))}>查看取餐码</Button> : null}
        <Button type='primary' fill='outline' loading={busy} onClick={onAgain}>
          再来一单
        </Button>
      </View>
    </View>
  )
}

export default function BookingsPage() {
  const { params } = useRouter()
  const elderId = param(params, 'elderId')
  const { data, loading, error, reload } = useLoader(() => listMealBookings(elderId))
  const [busyId, setBusyId] = useState<string | null>(null)

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (!data) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  const today = todayYmd()
  const { upcoming, past } = splitBookings(data, today)

  async function again(b: MealBookingView) {
    if (busyId) return
    setBusyId(b.id)
    try {
      await orderAgain(b)
    } finally {
      setBusyId(null)
    }
  }

  const card = (b: MealBookingView) => <BookingCard key={b.id} booking={b} today={today} busy={busyId === b.id} onAgain={() => void again(b)} />

  return (
    <View className='cc-page meal-bookings'>
      <Button type='primary' size='large' block onClick={() => navigate(mealRoutes.canteens(elderId))}>
        ＋ 订餐
      </Button>
      {error ? <Text className='cc-note'>刷新失败：{error}</Text> : null}
      {data.length === 0 ? (
        <View className='cc-card cc-card--padded meal-bookings__empty'>
          <EmptyState mark='餐' title='还没有订过餐' description='为家中老人订午餐、晚餐：可以到社区食堂堂食、自取，也可以送餐上门，政府补贴自动减免。' />
        </View>
      ) : (
        <>
          <Text className='meal-bookings__section'>待用餐（{upcoming.length}）</Text>
          {upcoming.length === 0 ? <Text className='meal-bookings__none'>没有待用餐的订餐。</Text> : upcoming.map(card)}
          {past.length > 0 ? <Text className='meal-bookings__section'>历史订餐</Text> : null}
          {past.map(card)}
        </>
      )}
    </View>
  )
}
