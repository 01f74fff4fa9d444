import { useMemo, useState } from 'react'
import type { CanteenView, MealBookingView, PriceBreakdown } from '@carecircle/shared'
import { MEAL_MODE_LABELS, formatDistance, formatFen } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import ElderButton from '../../../../components/ElderButton'
import ElderConfirm from '../../../../components/ElderConfirm'
import ElderPage, { ElderPageState } from '../../../../components/ElderPage'
import { useLoader } from '../../../../hooks/useLoader'
import { errorMessage } from '../../../../services/api-error'
import { getMe } from '../../../../services/auth'
import { getDeviceElderMode } from '../../../../services/elder-mode'
import { elderRoutes } from '../../../../services/elder-routes'
import { getElder } from '../../../../services/elders'
import { cancelMealBooking, createMealBooking, listCanteens, listMealBookings, listMealSlots } from '../../../../services/meals'
import { navigate } from '../../../../services/navigation'
import { todayYmd } from '../../../../utils/dates'
import { createIdempotentSubmitter } from '../../../../utils/idempotency'
import { estimateMealPrice } from '../../../meals/logic/price'
import { type ElderMealContext, loadElderMealContext } from '../../../meals/logic/subsidy-context'
import { backToElderHome, exitFor, useModeParams } from '../../data'
import { type MealChoice, bookingInput, chooseCanteen, lastBooking, planElderMeals } from '../../logic/meal-plan'
import { spokenHhmm } from '../../logic/words'
import './index.scss'

interface MealData {
  elderId: string
  elderName: string
  canteen: CanteenView | null
  choices: MealChoice[]
  /** For the price estimate; null when the subsidy table could not be read (the booking has the real figures). */
  priceContext: ElderMealContext | null
}

async function loadMeals(elderIdParam: string | null): Promise<MealData> {
  const me = await getMe()
  const elderId = elderIdParam ?? me.elderId ?? getDeviceElderMode()?.elderId ?? null
  if (!elderId) throw new Error('还没有绑定老人，请家人在「我的 › 长辈版」里生成绑定码')
  const [bookings, canteens, elder] = await Promise.all([listMealBookings(elderId), listCanteens(elderId), getElder(elderId)])
  const canteen = chooseCanteen(canteens, lastBooking(bookings, elderId))
  const now = new Date()
  const [slots, priceContext] = await Promise.all([
    canteen ? listMealSlots(canteen.id, elderId) : Promise.resolve([]),
    loadElderMealContext(elder, now).catch(() => null),
  ])
  const choices = canteen ? planElderMeals({ slots, bookings, elderId, deliversHere: canteen.deliversHere, now, today: todayYmd(now) }) : []
  return { elderId, elderName: elder.name, canteen, choices, priceContext }
}

function serveText(choice: MealChoice): string {
  const from = spokenHhmm(choice.slot.serveStart)
  const verb = choice.mode === 'delivery' ? '送到家' : choice.mode === 'pickup' ? '去食堂取' : '去食堂吃'
  return `${from} 起${verb}`
}

function estimate(choice: MealChoice, data: MealData): PriceBreakdown | null {
  if (!data.priceContext || !data.canteen) return null
  const delivery = choice.mode === 'delivery' ? data.canteen.deliveryFeeFen : 0
  return estimateMealPrice(choice.dish.priceFen, delivery, data.priceContext.subsidy)
}

export default function ElderMealPage() {
  const params = useModeParams()
  const { data, loading, error, reload } = useLoader(() => loadMeals(params.elderId ?? null))
  const [picked, setPicked] = useState<MealChoice | null>(null)
  const [booking, setBooking] = useState<MealBookingView | null>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [undoing, setUndoing] = useState(false)
  const [cancelled, setCancelled] = useState(false)
  const submitter = useMemo(
    () => createIdempotentSubmitter((input: Parameters<typeof createMealBooking>[0], key: string) => createMealBooking(input, key)),
    // A new card is a new booking: a new idempotency key.
    [picked?.slot.id, picked?.dish.id, picked?.mode],
  )
  const homeUrl = elderRoutes.home(params)

  if (!data) {
    return (
      <ElderPage>
        <ElderPageState loading={loading} error={error} onRetry={() => void reload()} exit={exitFor(params)} />
      </ElderPage>
    )
  }

  async function confirm(choice: MealChoice) {
    if (!data || busy) return
    if (params.preview) {
      setFailure('这是预览，不会真的订餐。')
      return
    }
    setBusy(true)
    setFailure(null)
    try {
      const result = await submitter.submit(bookingInput(choice, data.elderId))
      setBooking(result)
    } catch (err) {
      setFailure(errorMessage(err, '没有订上，请再试一次'))
    } finally {
      setBusy(false)
    }
  }

  async function undo() {
    if (!booking || busy) return
    setBusy(true)
    setFailure(null)
    try {
      await cancelMealBooking(booking.id, '老人在长辈版取消')
      setCancelled(true)
      setUndoing(false)
    } catch (err) {
      setFailure(errorMessage(err, '没有取消成功'))
    } finally {
      setBusy(false)
    }
  }

  function startOver() {
    setPicked(null)
    setBooking(null)
    setCancelled(false)
    setFailure(null)
    void reload()
  }

  const back = (
    <View className='elder-meal__back'>
      <ElderButton kind='plain' onClick={() => backToElderHome(homeUrl)}>
        返回首页
      </ElderButton>
    </View>
  )

  const familyLink = (
    <ElderButton kind='plain' onClick={() => navigate(elderRoutes.family(params))}>
      打电话请家人帮忙
    </ElderButton>
  )

  // 3. Booked: the pick-up code, big; until the cut-off it can be taken back.
  if (booking) {
    return (
      <ElderPage previewOf={params.preview ? data.elderName : null} className='elder-meal'>
        <Text className='elder__title'>{cancelled ? '已取消这顿饭' : '订好了'}</Text>
        <View className='elder-card'>
          <Text className='elder-card__title'>{picked?.when ?? ''}</Text>
          <Text className='elder-card__line'>
            {booking.items.map((i) => i.name).join('、')} · {MEAL_MODE_LABELS[booking.mode]}
          </Text>
          <Text className='elder-card__line'>{booking.canteenName}</Text>
          {cancelled ? (
            <Text className='elder-card__line'>钱会退回，补贴也退回。</Text>
          ) : (
            <>
              <Text className='elder-card__meta'>取餐码</Text>
              <Text className='elder-card__code'>{booking.pickupCode}</Text>
              <Text className='elder-card__line'>
                您付 {formatFen(booking.price.payFen)}
                {booking.price.subsidyFen > 0 ? `（政府补贴了 ${formatFen(booking.price.subsidyFen)}）` : ''}
              </Text>
            </>
          )}
        </View>
        {failure ? <Text className='elder__error'>{failure}</Text> : null}
        {cancelled ? (
          <ElderButton kind='primary' onClick={startOver}>
            重新订一顿
          </ElderButton>
        ) : undoing ? (
          <ElderConfirm
            question='确定不要这顿饭了吗？'
            detail='取消后钱会退回。'
            yesLabel='是的，取消'
            yesKind='danger'
            busy={busy}
            onYes={() => void undo()}
            onNo={() => setUndoing(false)}
          />
        ) : booking.canChange ? (
          <ElderButton kind='plain' onClick={() => setUndoing(true)}>
            订错了？取消这顿
          </ElderButton>
        ) : null}
        {back}
      </ElderPage>
    )
  }

  // 2. One card chosen: what, when, how, and what it costs, then 确认.
  if (picked) {
    const price = estimate(picked, data)
    const deliveryFee = picked.mode === 'delivery' && data.canteen ? data.canteen.deliveryFeeFen : 0
    return (
      <ElderPage previewOf={params.preview ? data.elderName : null} className='elder-meal'>
        <Text className='elder__title'>订{picked.when}，对吗？</Text>
        <View className='elder-card'>
          <Text className='elder-card__title'>{picked.dish.name}</Text>
          <Text className='elder-card__line'>{MEAL_MODE_LABELS[picked.mode]} · 1 份</Text>
          <Text className='elder-card__line'>{serveText(picked)}</Text>
          <Text className='elder-card__meta'>{picked.slot.canteenName}</Text>
          {picked.dish.clashes.length > 0 ? (
            <Text className='elder-card__meta elder-meal__clash'>注意：这道菜不是{picked.dish.clashes.join('、')}</Text>
          ) : null}
        </View>
        <View className='elder-card elder-meal__price'>
          <View className='elder-meal__price-line'>
            <Text>餐费</Text>
            <Text>{formatFen(picked.dish.priceFen)}</Text>
          </View>
          {deliveryFee > 0 ? (
            <View className='elder-meal__price-line'>
              <Text>送餐费</Text>
              <Text>{formatFen(deliveryFee)}</Text>
            </View>
          ) : null}
          {price ? (
            <>
              <View className='elder-meal__price-line'>
                <Text>政府补贴</Text>
                <Text>{price.subsidyFen > 0 ? formatFen(-price.subsidyFen) : formatFen(0)}</Text>
              </View>
              <View className='elder-meal__price-line elder-meal__price-line--pay'>
                <Text>您付（约）</Text>
                <Text>{formatFen(price.payFen)}</Text>
              </View>
            </>
          ) : (
            <Text className='elder-card__meta'>政府补贴订好后算出来。</Text>
          )}
        </View>
        {failure ? <Text className='elder__error'>{failure}</Text> : null}
        <View className='elder__stack'>
          <ElderButton size='xl' kind='primary' loading={busy} onClick={() => void confirm(picked)}>
            确认订餐
          </ElderButton>
          <ElderButton kind='plain' disabled={busy} onClick={() => setPicked(null)}>
            不对，换一顿
          </ElderButton>
          {failure ? familyLink : null}
        </View>
      </ElderPage>
    )
  }

  // 1. The meals of today and tomorrow, each ready to book.
  const open = data.choices.filter((c) => !c.booked)
  const done = data.choices.filter((c) => c.booked)
  return (
    <ElderPage previewOf={params.preview ? data.elderName : null} className='elder-meal'>
      <Text className='elder__title'>订哪一顿？</Text>
      {error ? <Text className='elder__error'>没有刷新成功：{error}</Text> : null}
      {data.canteen ? (
        <Text className='elder__hint elder-meal__canteen'>
          {data.canteen.name}
          {data.canteen.distanceMeters !== null ? `，离您 ${formatDistance(data.canteen.distanceMeters)}` : ''}
        </Text>
      ) : null}

      {open.length === 0 ? (
        <View className='elder-card'>
          <Text className='elder-card__title'>{data.canteen ? '今天、明天都订不了了' : '附近没有助餐食堂'}</Text>
          <Text className='elder-card__line'>{data.canteen ? '可能已经过了订餐时间，或者订满了。' : '请家人帮您找找。'}</Text>
          <View className='elder-meal__help'>{familyLink}</View>
        </View>
      ) : (
        <View className='elder__stack'>
          {open.map((c) => (
            <ElderButton
              key={c.slot.id}
              size='xl'
              kind='plain'
              className='elder-meal__choice'
              detail={`${c.dish.name} · ${MEAL_MODE_LABELS[c.mode]}${c.sameAsLast ? '\n和上次一样' : ''}`}
              onClick={() => setPicked(c)}
            >
              {c.when}
            </ElderButton>
          ))}
        </View>
      )}

      {done.length > 0 ? <Text className='elder__heading'>已经订好的</Text> : null}
      {done.map((c) => (
        <View key={c.slot.id} className='elder-card'>
          <Text className='elder-card__title'>{c.when}</Text>
          <Text className='elder-card__line'>
            {c.booked?.items.map((i) => i.name).join('、')} · {MEAL_MODE_LABELS[c.mode]}
          </Text>
          <Text className='elder-card__meta'>取餐码 {c.booked?.pickupCode}</Text>
        </View>
      ))}
      {back}
    </ElderPage>
  )
}
