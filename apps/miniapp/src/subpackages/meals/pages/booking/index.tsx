import { useState } from 'react'
import type { MealBookingView, MealMode } from '@carecircle/shared'
import { MEAL_MODE_LABELS, formatFen } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import ChoiceChips from '../../../../components/ChoiceChips'
import { labelled } from '../../../../components/FormField'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { useSubmit } from '../../../../hooks/useSubmit'
import { mealRoutes } from '../../../../services/meal-routes'
import { cancelMealBooking, getMealBooking } from '../../../../services/meals'
import { goHome, navigate } from '../../../../services/navigation'
import { todayYmd } from '../../../../utils/dates'
import { toastError, toastSuccess } from '../../../../utils/feedback'
import { confirmCancel } from '../../logic/confirm'
import MealPrice from '../../components/MealPrice'
import QrCode from '../../components/QrCode'
import { clock, mealWhen } from '../../logic/format'
import { param } from '../../logic/params'
import { orderAgain } from '../../logic/repeat-order'
import './index.scss'

const CODE_HINTS: Record<MealMode, string> = {
  dine_in: '到食堂用餐时，把取餐码报给工作人员或出示二维码',
  pickup: '到食堂窗口取餐时，把取餐码报给工作人员或出示二维码',
  delivery: '送餐员送到时会核对这个取餐码',
}

const REASONS = ['老人临时外出', '不想吃了', '订错了', '其他原因']
const OTHER = '其他原因'

function CancelPanel({ booking, onDone, onClose }: { booking: MealBookingView; onDone: (b: MealBookingView) => void; onClose: () => void }) {
  const [reason, setReason] = useState<string | null>(null)
  const [other, setOther] = useState('')
  const { submitting, run } = useSubmit(async () => {
    const text = reason === OTHER ? other.trim() : reason
    if (!text) {
      toastError(reason === OTHER ? '请填写取消原因' : '请选择取消原因')
      return
    }
    if (!(await confirmCancel('取消订餐', `取消${mealWhen(booking.date, booking.period, todayYmd())}的订餐？实付的 ${formatFen(booking.price.payFen)} 会全额退回。`))) return
    try {
      const updated = await cancelMealBooking(booking.id, text)
      onDone(updated)
      toastSuccess('已取消订餐')
    } catch (err) {
      toastError(err, '取消失败，请稍后再试')
    }
  })
  return (
    <View className='cc-card cc-card--padded'>
      <Text className='meal-booking__group'>取消原因</Text>
      <ChoiceChips options={REASONS.map((r) => ({ value: r, label: r }))} selected={reason ? [reason] : []} onToggle={setReason} />
      {reason === OTHER ? (
        <View className='meal-booking__other'>
          <Input {...labelled('取消原因')} value={other} onChange={setOther} placeholder='请填写取消原因' maxLength={200} />
        </View>
      ) : null}
      <View className='cc-row-actions meal-booking__cancel-actions'>
        <Button onClick={onClose}>不取消了</Button>
        <Button type='danger' loading={submitting} onClick={() => void run()}>
          确认取消
        </Button>
      </View>
    </View>
  )
}

export default function BookingPage() {
  const { params } = useRouter()
  const id = param(params, 'id') ?? ''
  const created = param(params, 'created') === '1'
  const { data: booking, loading, error, reload, setData } = useLoader(() => getMealBooking(id), { enabled: Boolean(id) })
  const [cancelling, setCancelling] = useState(false)
  const [again, setAgain] = useState(false)

  if (!booking) {
    return (
      <View className='cc-page'>
        <PageState loading={loading && Boolean(id)} error={id ? error : '没有指定订餐'} onRetry={id ? reload : undefined} />
      </View>
    )
  }

  const today = todayYmd()
  const when = mealWhen(booking.date, booking.period, today)
  const live = booking.status === 'booked'
  const foodFen = booking.price.priceFen - booking.deliveryFeeFen

  async function repeat() {
    if (!booking || again) return
    setAgain(true)
    try {
      await orderAgain(booking)
    } finally {
      setAgain(false)
    }
  }

  return (
    <View className='cc-page meal-booking'>
      {created && live ? (
        <View className='meal-booking__done'>
          <Text className='meal-booking__done-mark'>✓</Text>
          <View>
            <Text className='meal-booking__done-title'>订餐成功</Text>
            <Text className='meal-booking__done-text'>
              已为{booking.elderName}订好{when}（{MEAL_MODE_LABELS[booking.mode]}）
            </Text>
          </View>
        </View>
      ) : null}

      <View className={`cc-card cc-card--padded meal-booking__code-card${live ? '' : ' meal-booking__code-card--off'}`}>
        <View className='meal-booking__status-row'>
          <Text className='meal-booking__group'>取餐码</Text>
          <Text className={`meal-booking__status meal-booking__status--${booking.status}`}>{booking.statusLabel}</Text>
        </View>
        <Text className='meal-booking__code' aria-label={`取餐码 ${booking.pickupCode.split('').join(' ')}`}>
          {booking.pickupCode}
        </Text>
        {live ? (
          <>
            <View className='meal-booking__qr'>
              <QrCode value={booking.pickupCode} size={184} />
            </View>
            <Text className='meal-booking__code-hint'>{CODE_HINTS[booking.mode]}</Text>
          </>
        ) : null}
      </View>

      <View className='cc-card cc-card--padded'>
        <View className='meal-booking__row'>
          <Text className='meal-booking__key'>老人</Text>
          <Text className='meal-booking__value'>{booking.elderName}</Text>
        </View>
        <View className='meal-booking__row'>
          <Text className='meal-booking__key'>时间</Text>
          <Text className='meal-booking__value'>{when}</Text>
        </View>
        <View className='meal-booking__row'>
          <Text className='meal-booking__key'>助餐点</Text>
          <Text className='meal-booking__value'>{booking.canteenName}</Text>
        </View>
        <View className='meal-booking__row'>
          <Text className='meal-booking__key'>方式</Text>
          <Text className='meal-booking__value'>{MEAL_MODE_LABELS[booking.mode]}</Text>
        </View>
        <View className='meal-booking__row meal-booking__row--top'>
          <Text className='meal-booking__key'>菜品</Text>
          <View className='meal-booking__value'>
            {booking.items.map((i) => (
              <View key={i.dishId} className='meal-booking__item'>
                <Text>
                  {i.name} × {i.quantity}
                </Text>
                <Text>{formatFen(i.priceFen * i.quantity)}</Text>
              </View>
            ))}
          </View>
        </View>
        {booking.dietaryClashes.length > 0 ? (
          <Text className='meal-booking__clash'>
            ⚠ 与{booking.elderName}饮食需求不符：{booking.dietaryClashes.map((c) => `${c.dishName}（${c.needs.join('、')}）`).join('；')}
          </Text>
        ) : null}
      </View>

      <View className='cc-card cc-card--padded'>
        <Text className='meal-booking__group'>费用</Text>
        <MealPrice price={booking.price} foodFen={foodFen} deliveryFeeFen={booking.deliveryFeeFen} />
        {booking.refundFen > 0 ? <Text className='meal-booking__refund'>已退款 {formatFen(booking.refundFen)}</Text> : null}
      </View>

      {live && !booking.canChange ? (
        <Text className='cc-note'>已过预订截止时间（{clock(booking.cutoffAt)}），订餐已锁定，不能再取消。如有变化请直接联系助餐点。</Text>
      ) : null}
      {live && booking.canChange ? <Text className='meal-booking__muted'>{clock(booking.cutoffAt)} 前可以取消，取消后全额退款。</Text> : null}

      {cancelling ? (
        <CancelPanel
          booking={booking}
          onClose={() => setCancelling(false)}
          onDone={(b) => {
            setData(b)
            setCancelling(false)
          }}
        />
      ) : null}

      <View className='cc-actions'>
        {live ? null : (
          <Button type='primary' size='large' block loading={again} onClick={() => void repeat()}>
            再来一单
          </Button>
        )}
        {live && booking.canChange && !cancelling ? (
          <Button block onClick={() => setCancelling(true)}>
            取消订餐
          </Button>
        ) : null}
        {live ? (
          <Button block loading={again} onClick={() => void repeat()}>
            再来一单（下一餐）
          </Button>
        ) : null}
        <Button block onClick={() => navigate(mealRoutes.bookings())}>
          我的订餐
        </Button>
        {created ? (
          <Button block onClick={goHome}>
            返回首页
          </Button>
        ) : null}
      </View>
    </View>
  )
}
