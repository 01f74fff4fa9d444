import { useEffect, useState } from 'react'
import type { CanteenDayView, CanteenView, MealMode } from '@carecircle/shared'
import { MEAL_BOOKING_STATUS_LABELS, MEAL_MODES, MEAL_MODE_LABELS, MEAL_PERIOD_LABELS } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import ChoiceChips from '../../../../components/ChoiceChips'
import EmptyState from '../../../../components/EmptyState'
import { labelled } from '../../../../components/FormField'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { useSubmit } from '../../../../hooks/useSubmit'
import { errorMessage } from '../../../../services/api-error'
import { cancelMealSlot, getCanteenDay, listCanteens, markMealServed, pickupByCode } from '../../../../services/meals'
import { todayYmd } from '../../../../utils/dates'
import { toastError, toastSuccess } from '../../../../utils/feedback'
import { confirmCancel } from '../../logic/confirm'
import { type DayBooking, type DayPeriod, cleanCode, deliveryLabel, kitchenSummary } from '../../logic/canteen-day'
import { addDaysYmd, dayName, monthDay } from '../../logic/format'
import { param } from '../../logic/params'
import './index.scss'

const CLOSE_REASONS = ['食材供应中断', '停水停电', '设备故障', '其他原因']

function BookingRow({ booking, onServe, busy }: { booking: DayBooking; onServe: () => void; busy: boolean }) {
  const done = booking.status !== 'booked'
  return (
    <View className={`day-booking${done ? ' day-booking--done' : ''}`}>
      <View className='day-booking__who'>
        <Text className='day-booking__name'>{booking.elderName}</Text>
        <Text className='day-booking__code'>取餐码 {booking.pickupCode}</Text>
      </View>
      {booking.mode === 'delivery' ? (
        <Text className='day-booking__state'>{deliveryLabel(booking)}</Text>
      ) : done ? (
        <Text className='day-booking__state'>✓ {MEAL_BOOKING_STATUS_LABELS[booking.status]}</Text>
      ) : (
        <Button type='primary' size='small' loading={busy} onClick={onServe}>
          {booking.mode === 'dine_in' ? '已用餐' : '已取餐'}
        </Button>
      )}
    </View>
  )
}

function PeriodCard({ canteenId, period, onChanged }: { canteenId: string; period: DayPeriod; onChanged: () => Promise<void> }) {
  const [code, setCode] = useState('')
  const [busyId, setBusyId] = useState<string | null>(null)
  const [closing, setClosing] = useState(false)
  const [reason, setReason] = useState<string | null>(null)
  const summary = kitchenSummary(period)
  const live = period.bookings.filter((b) => b.status !== 'cancelled')

  const { submitting: picking, run: pickup } = useSubmit(async () => {
    if (code.length !== 6) {
      toastError('取餐码为 6 位数字')
      return
    }
    try {
      const b = await pickupByCode(canteenId, period.slotId, code)
      toastSuccess(`${b.elderName} ${b.statusLabel}`)
      setCode('')
      await onChanged()
    } catch (err) {
      toastError(err, '登记失败，请核对取餐码')
    }
  })

  async function serve(b: DayBooking) {
    if (busyId) return
    setBusyId(b.id)
    try {
      await markMealServed(canteenId, b.id)
      toastSuccess(b.mode === 'dine_in' ? '已登记用餐' : '已登记取餐')
      await onChanged()
    } catch (err) {
      toastError(err, '登记失败，请稍后再试')
    } finally {
      setBusyId(null)
    }
  }

  const { submitting: cancelling, run: closeSlot } = useSubmit(async () => {
    if (!reason) {
      toastError('请选择取消原因')
      return
    }
    const ok = await confirmCancel(
      `取消${MEAL_PERIOD_LABELS[period.period]}`,
      live.length > 0
        ? `这一餐的 ${live.length} 份订餐将全部取消并全额退款，系统会通知每一位家属。确定取消吗？`
        : '这一餐还没有人预订。取消后家属将不能再订这一餐。确定取消吗？',
    )
    if (!ok) return
    try {
      await cancelMealSlot(canteenId, period.slotId, reason)
      toastSuccess('已取消，已通知家属')
      setClosing(false)
      await onChanged()
    } catch (err) {
      toastError(err, '取消失败，请稍后再试')
    }
  })

  return (
    <View className='cc-card cc-card--padded day-period'>
      <View className='day-period__head'>
        <Text className='day-period__title'>{MEAL_PERIOD_LABELS[period.period]}</Text>
        {period.cancelled ? <Text className='day-period__cancelled'>已取消</Text> : <Text className='day-period__count'>共 {live.length} 份订餐</Text>}
      </View>

      <Text className='day-period__group'>备餐数量</Text>
      {summary.dishes.length === 0 ? (
        <Text className='day-period__muted'>还没有人订这一餐。</Text>
      ) : (
        summary.dishes.map((d) => (
          <View key={d.dishId} className='day-period__dish'>
            <Text>{d.name}</Text>
            <Text className='day-period__qty'>{d.quantity} 份</Text>
          </View>
        ))
      )}
      <Text className='day-period__modes'>{MEAL_MODES.map((m) => `${MEAL_MODE_LABELS[m]} ${summary.byMode[m]}`).join(' · ')}</Text>

      {!period.cancelled ? (
        <View className='day-period__pickup'>
          <Text className='day-period__group'>凭取餐码登记（自取 / 堂食）</Text>
          <View className='day-period__pickup-row'>
            <View className='day-period__pickup-input'>
              <Input {...labelled('取餐码')} type='digit' value={code} onChange={(v) => setCode(cleanCode(v))} placeholder='输入 6 位取餐码' maxLength={6} />
            </View>
            <Button type='primary' loading={picking} onClick={() => void pickup()}>
              确认
            </Button>
          </View>
        </View>
      ) : null}

      {MEAL_MODES.map((mode: MealMode) => {
        const list = period.bookings.filter((b) => b.mode === mode && b.status !== 'cancelled')
        if (list.length === 0) return null
        return (
          <View key={mode} className='day-period__list'>
            <Text className='day-period__group'>
              {MEAL_MODE_LABELS[mode]}（{list.length}）
            </Text>
            {list.map((b) => (
              <BookingRow key={b.id} booking={b} busy={busyId === b.id} onServe={() => void serve(b)} />
            ))}
          </View>
        )
      })}

      {!period.cancelled ? (
        closing ? (
          <View className='day-period__close'>
            <Text className='day-period__group'>为什么取消这一餐？</Text>
            <ChoiceChips options={CLOSE_REASONS.map((r) => ({ value: r, label: r }))} selected={reason ? [reason] : []} onToggle={setReason} />
            <View className='cc-row-actions day-period__close-actions'>
              <Button onClick={() => setClosing(false)}>不取消</Button>
              <Button type='danger' loading={cancelling} onClick={() => void closeSlot()}>
                取消并退款
              </Button>
            </View>
          </View>
        ) : (
          <Text className='day-period__close-link' onClick={() => setClosing(true)}>
            临时停餐：取消这一餐…
          </Text>
        )
      ) : null}
    </View>
  )
}

export default function CanteenDayPage() {
  const { params } = useRouter()
  const [canteenId, setCanteenId] = useState<string | null>(param(params, 'canteenId'))
  const [date, setDate] = useState(todayYmd())
  const { data: canteens, loading, error, reload } = useLoader(() => listCanteens())
  const [day, setDay] = useState<CanteenDayView | null>(null)
  const [dayError, setDayError] = useState<string | null>(null)

  useEffect(() => {
    if (!canteenId && canteens?.length === 1) setCanteenId(canteens[0].id)
  }, [canteens])

  async function loadDay() {
    if (!canteenId) return
    setDayError(null)
    try {
      setDay(await getCanteenDay(canteenId, date))
    } catch (err) {
      setDay(null)
      setDayError(errorMessage(err, '加载失败'))
    }
  }

  useEffect(() => {
    setDay(null)
    void loadDay()
  }, [canteenId, date])

  usePullDownRefresh(() => {
    void loadDay().finally(() => Taro.stopPullDownRefresh())
  })

  if (!canteens) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  const today = todayYmd()
  const canteen: CanteenView | null = canteens.find((c) => c.id === canteenId) ?? null

  return (
    <View className='cc-page canteen-day'>
      {canteens.length === 0 ? (
        <View className='cc-card cc-card--padded'>
          <EmptyState mark='餐' title='还没有开放的助餐点' description='街道审核通过并设置好餐次后，食堂会出现在这里。' />
        </View>
      ) : (
        <View className='cc-card cc-card--padded'>
          <Text className='canteen-day__group'>选择食堂</Text>
          <ChoiceChips options={canteens.map((c) => ({ value: c.id, label: c.name }))} selected={canteenId ? [canteenId] : []} onToggle={setCanteenId} />
        </View>
      )}

      {canteen ? (
        <>
          <View className='canteen-day__dates'>
            <Button size='small' onClick={() => setDate(addDaysYmd(date, -1))}>
              ‹ 前一天
            </Button>
            <Text className='canteen-day__date'>
              {monthDay(date)} {dayName(date, today)}
            </Text>
            <Button size='small' onClick={() => setDate(addDaysYmd(date, 1))}>
              后一天 ›
            </Button>
          </View>
          {dayError ? (
            <PageState error={dayError} onRetry={() => void loadDay()} />
          ) : !day ? (
            <PageState loading />
          ) : day.periods.length === 0 ? (
            <View className='cc-card cc-card--padded'>
              <EmptyState mark='休' title='这一天没有餐次' description='食堂这天不营业，或还没有发布菜单。' />
            </View>
          ) : (
            day.periods.map((p) => <PeriodCard key={p.slotId} canteenId={canteen.id} period={p} onChanged={loadDay} />)
          )}
        </>
      ) : null}
    </View>
  )
}
