import { useEffect, useRef, useState } from 'react'
import type { CanteenView, CreateMealBookingInput, ElderView, MealBookingView, MealMode, MealSlotView } from '@carecircle/shared'
import { DIETARY_NEED_LABELS, MEAL_MODES, MEAL_MODE_LABELS, SUBSIDY_CATEGORY_LABELS, formatFen } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import ChoiceChips from '../../../../components/ChoiceChips'
import EmptyState from '../../../../components/EmptyState'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { useSubmit } from '../../../../hooks/useSubmit'
import { askToSubscribe, prepareSubscribe } from '../../../../services/subscribe'
import { getElder } from '../../../../services/elders'
import { mealRoutes } from '../../../../services/meal-routes'
import { createMealBooking, listCanteens, listMealSlots } from '../../../../services/meals'
import { navigate, replace } from '../../../../services/navigation'
import { todayYmd } from '../../../../utils/dates'
import { toastError } from '../../../../utils/feedback'
import { createIdempotentSubmitter } from '../../../../utils/idempotency'
import MealPrice from '../../components/MealPrice'
import { type BookingProblem, classifyBookingError } from '../../logic/booking-errors'
import { type Cart, cartClashes, cartFoodFen, cartLines, carryCart, decodeCart, encodeCart, maxFor, toBookingItems } from '../../logic/cart'
import { clock, mealWhen } from '../../logic/format'
import { param } from '../../logic/params'
import { estimateMealPrice, subsidyExplanation } from '../../logic/price'
import { modeState, slotState } from '../../logic/slot-state'
import { type ElderMealContext, loadElderMealContext } from '../../logic/subsidy-context'
import './index.scss'

interface CheckoutData {
  slots: MealSlotView[]
  canteen: CanteenView | null
  elder: ElderView
}

async function loadCheckout(canteenId: string, elderId: string, date: string): Promise<CheckoutData> {
  const [slots, canteens, elder] = await Promise.all([listMealSlots(canteenId, elderId, date), listCanteens(elderId), getElder(elderId)])
  return { slots, canteen: canteens.find((c) => c.id === canteenId) ?? null, elder }
}

const MODE_HINTS: Record<MealMode, string> = {
  dine_in: '到食堂用餐，凭取餐码核对',
  pickup: '供餐时间内到食堂窗口取餐，凭取餐码',
  delivery: '送餐员送到老人家中，凭取餐码核对',
}

function isMode(value: string | null): value is MealMode {
  return value !== null && (MEAL_MODES as readonly string[]).includes(value)
}

export default function CheckoutPage() {
  const { params } = useRouter()
  const elderId = param(params, 'elderId') ?? ''
  const canteenId = param(params, 'canteenId') ?? ''
  const slotId = param(params, 'slotId') ?? ''
  const date = param(params, 'date') ?? todayYmd()
  const missing = param(params, 'missing')
  const askedMode = param(params, 'mode')
  const { data, loading, error, reload } = useLoader(() => loadCheckout(canteenId, elderId, date), { enabled: Boolean(elderId && canteenId && slotId) })
  useEffect(() => {
    void prepareSubscribe('meal')
  }, [])

  const [cart] = useState<Cart>(() => decodeCart(param(params, 'items')))
  const [mode, setMode] = useState<MealMode | null>(isMode(askedMode) ? askedMode : null)
  const [context, setContext] = useState<ElderMealContext | null>(null)
  const [subsidyFailed, setSubsidyFailed] = useState(false)
  const [outOfRange, setOutOfRange] = useState(false)
  const [modeError, setModeError] = useState<string | null>(null)
  // One Idempotency-Key per checkout: every retry of this checkout reuses it, so a booking whose
  // response was lost is answered with that booking instead of a second one.
  const submitter = useRef(createIdempotentSubmitter<CreateMealBookingInput, MealBookingView>(createMealBooking))

  const elder = data?.elder ?? null
  useEffect(() => {
    if (!elder) return
    let live = true
    setSubsidyFailed(false)
    loadElderMealContext(elder)
      .then((ctx) => live && setContext(ctx))
      .catch(() => live && setSubsidyFailed(true))
    return () => {
      live = false
    }
  }, [elder?.id])

  const slot = data?.slots.find((s) => s.id === slotId) ?? null
  const deliversHere = (data?.canteen?.deliversHere ?? false) && !outOfRange

  // A way of eating chosen before (再来一单) that is full now is not kept silently.
  useEffect(() => {
    if (slot && mode && !modeState(slot, mode, deliversHere).available) setMode(null)
  }, [slot, deliversHere])

  const { submitting, run: submit } = useSubmit(async () => {
    if (!data || !slot) return
    const lines = cartLines(cart, slot.dishes)
    if (lines.length === 0) {
      toastError('请先选菜')
      return
    }
    if (!mode) {
      setModeError('请选择用餐方式')
      toastError('请选择用餐方式')
      return
    }
    try {
      const booking = await submitter.current.submit({ elderId, slotId: slot.id, mode, items: toBookingItems(lines) })
      replace(mealRoutes.booking(booking.id, true))
    } catch (err) {
      await handleProblem(classifyBookingError(err, todayYmd()))
    }
  })

  async function handleProblem(problem: BookingProblem) {
    if (!data || !slot) return
    if (problem.kind === 'slot') {
      void reload()
      const next = problem.next
      const res = await Taro.showModal({
        title: problem.title,
        content: next ? `${problem.message}。${next.label}还有空位，改订这一餐吗？` : `${problem.message}。这周后面的餐次也没有空位了，可以换一种用餐方式或换一家助餐点。`,
        confirmText: next ? '去改订' : '知道了',
        cancelText: '留在本页',
        showCancel: Boolean(next),
      })
      if (next && res.confirm) await switchTo(next.slotId, next.date)
      return
    }
    if (problem.kind === 'sold_out') {
      toastError(problem.message)
      void reload()
      return
    }
    if (problem.kind === 'out_of_range') {
      setOutOfRange(true)
      setMode(null)
      setModeError('老人住址超出送餐范围，请改选堂食或自取')
      await Taro.showModal({ title: '超出送餐范围', content: `${problem.message}。`, confirmText: '知道了', showCancel: false })
      return
    }
    if (problem.kind === 'already_booked') {
      const res = await Taro.showModal({ title: '这一餐已经订过了', content: problem.message, confirmText: '查看订餐', cancelText: '留在本页' })
      if (res.confirm) replace(mealRoutes.bookings(elderId))
      return
    }
    if (problem.kind === 'maybe_booked') {
      const res = await Taro.showModal({ title: '订餐可能已提交', content: problem.message, confirmText: '去看看', cancelText: '留在本页' })
      if (res.confirm) replace(mealRoutes.bookings(elderId))
      return
    }
    toastError(problem.message)
  }

  /** 改订下一餐: the same dishes (by name) and way of eating on the period the server offered. */
  async function switchTo(nextSlotId: string, nextDate: string) {
    if (!slot) return
    try {
      const slots = await listMealSlots(canteenId, elderId, nextDate)
      const next = slots.find((s) => s.id === nextSlotId)
      const carried = next ? carryCart(cart, slot.dishes, next.dishes) : null
      if (!next || !carried || Object.keys(carried.cart).length === 0) {
        replace(mealRoutes.menu(canteenId, elderId, nextSlotId))
        return
      }
      replace(mealRoutes.checkout({ elderId, canteenId, slotId: next.id, date: next.date, items: encodeCart(carried.cart), mode, missing: carried.missing }))
    } catch (err) {
      toastError(err, '加载失败，请稍后再试')
    }
  }

  function changeDishes() {
    const pages = Taro.getCurrentPages()
    const previous = pages[pages.length - 2]?.route ?? ''
    if (previous.includes('meals/pages/menu')) Taro.navigateBack()
    else replace(mealRoutes.menu(canteenId, elderId, slotId, encodeCart(cart)))
  }

  if (!elderId || !canteenId || !slotId) {
    return (
      <View className='cc-page'>
        <EmptyState mark='餐' title='订餐信息不完整' description='请从「老年助餐」重新选择助餐点和菜品。'>
          <Button type='primary' block onClick={() => navigate(mealRoutes.canteens())}>
            去订餐
          </Button>
        </EmptyState>
      </View>
    )
  }

  if (!data) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  const today = todayYmd()
  const state = slot ? slotState(slot, new Date()) : null
  if (!slot || !state?.bookable) {
    return (
      <View className='cc-page'>
        <View className='cc-card cc-card--padded'>
          <EmptyState
            mark='餐'
            title={!slot ? '没有找到这一餐' : `这一餐${state?.label}`}
            description={slot ? `${mealWhen(slot.date, slot.period, today)}不能再预订了，请选择其他餐次。` : '菜单可能已更新，请重新选择餐次。'}
          >
            <Button type='primary' block onClick={() => replace(mealRoutes.menu(canteenId, elderId))}>
              选择其他餐次
            </Button>
          </EmptyState>
        </View>
      </View>
    )
  }

  const lines = cartLines(cart, slot.dishes)
  const shortLines = lines.filter((l) => l.quantity > maxFor(l.dish))
  const clashes = cartClashes(lines)
  const foodFen = cartFoodFen(lines)
  const feeFen = mode === 'delivery' ? data.canteen?.deliveryFeeFen ?? 0 : 0
  const subsidy = context?.subsidy ?? null
  const price = subsidy ? estimateMealPrice(foodFen, feeFen, subsidy) : null
  const note = price && subsidy ? subsidyExplanation(price, subsidy, SUBSIDY_CATEGORY_LABELS[data.elder.subsidyCategory]) : null
  const already = context?.bookings.find((b) => b.slotId === slot.id && b.elderId === elderId && b.status === 'booked') ?? null
  const needs = data.elder.dietaryNeeds.map((n) => DIETARY_NEED_LABELS[n])
  const modeOptions = MEAL_MODES.map((m) => {
    const s = modeState(slot, m, deliversHere)
    const fee = m === 'delivery' && (data.canteen?.deliveryFeeFen ?? 0) > 0 ? ` +${formatFen(data.canteen?.deliveryFeeFen ?? 0)}` : ''
    return { value: m, label: `${MEAL_MODE_LABELS[m]}${fee}`, disabled: !s.available, reason: s.reason }
  })

  return (
    <View className='cc-page meals-checkout'>
      <View className='cc-card cc-card--padded'>
        <Text className='meals-checkout__group'>为谁订餐</Text>
        <Text className='meals-checkout__big'>{data.elder.name}</Text>
        {needs.length ? <Text className='meals-checkout__text'>饮食需求：{needs.join('、')}</Text> : null}
        <Text className='meals-checkout__text'>住址：{data.elder.address}</Text>
      </View>

      <View className='cc-card cc-card--padded'>
        <Text className='meals-checkout__group'>哪一餐</Text>
        <Text className='meals-checkout__big'>{mealWhen(slot.date, slot.period, today)}</Text>
        <Text className='meals-checkout__text'>
          {data.canteen?.name ?? slot.canteenName} · {slot.serveStart}–{slot.serveEnd} 供餐
        </Text>
        <Text className='meals-checkout__text'>{clock(slot.cutoffAt)} 前可以取消，之后订餐锁定</Text>
        {already ? (
          <Text className='cc-note'>
            {data.elder.name}已经订了这一餐（取餐码 {already.pickupCode}）。如果是想多要一份，可以继续；否则请到「我的订餐」查看。
          </Text>
        ) : null}
      </View>

      <View className='cc-card cc-card--padded'>
        <View className='meals-checkout__group-row'>
          <Text className='meals-checkout__group'>菜品</Text>
          <Text className='meals-checkout__change' onClick={changeDishes}>
            修改菜品 ›
          </Text>
        </View>
        {missing ? <Text className='cc-note'>这一餐的菜单里没有：{missing}，已为您选好其余的菜。</Text> : null}
        {lines.length === 0 ? (
          <Text className='meals-checkout__text'>还没有选菜，请点「修改菜品」。</Text>
        ) : (
          lines.map((l) => (
            <View key={l.dish.id} className='meals-checkout__item'>
              <Text className='meals-checkout__item-name'>
                {l.dish.name} × {l.quantity}
              </Text>
              <Text className='meals-checkout__item-price'>{formatFen(l.subtotalFen)}</Text>
            </View>
          ))
        )}
        {shortLines.map((l) => (
          <Text key={l.dish.id} className='meals-checkout__warn'>
            {maxFor(l.dish) === 0 ? `「${l.dish.name}」已售罄，请修改菜品` : `「${l.dish.name}」只剩 ${maxFor(l.dish)} 份，请修改份数`}
          </Text>
        ))}
        {clashes.length > 0 ? (
          <View className='meals-checkout__clash'>
            <Text className='meals-checkout__clash-title'>⚠ 与{data.elder.name}的饮食需求不符</Text>
            {clashes.map((c) => (
              <Text key={c.dishName} className='meals-checkout__clash-line'>
                {c.dishName}：不是{c.needs.join('、')}
              </Text>
            ))}
            <Text className='meals-checkout__clash-line'>如确需这道菜，可以继续下单；也可以点「修改菜品」换一道。</Text>
          </View>
        ) : null}
      </View>

      <View className={`cc-card cc-card--padded${modeError ? ' meals-checkout__card--error' : ''}`}>
        <Text className='meals-checkout__group'>用餐方式</Text>
        <ChoiceChips
          size='large'
          options={modeOptions}
          selected={mode ? [mode] : []}
          onToggle={(m) => {
            setMode(m)
            setModeError(null)
          }}
        />
        {modeError ? <Text className='meals-checkout__error'>{modeError}</Text> : null}
        {mode ? <Text className='meals-checkout__text meals-checkout__hint'>{MODE_HINTS[mode]}</Text> : null}
        {!deliversHere ? <Text className='meals-checkout__text meals-checkout__hint'>老人住址不在这家食堂的送餐范围内，可以堂食或自取。</Text> : null}
      </View>

      <View className='cc-card cc-card--padded'>
        <Text className='meals-checkout__group'>费用</Text>
        {subsidy || subsidyFailed ? <MealPrice price={price} foodFen={foodFen} deliveryFeeFen={feeFen} estimated note={note} /> : <Text className='meals-checkout__text'>正在计算补贴…</Text>}
      </View>

      <View className='cc-actions'>
        <Button type='primary' size='large' block loading={submitting} disabled={lines.length === 0 || shortLines.length > 0}
          onClick={() => {
            askToSubscribe('meal')
            void submit()
          }}
        >
          {price ? `确认订餐 · 实付 ${formatFen(price.payFen)}` : '确认订餐'}
        </Button>
      </View>
    </View>
  )
}
