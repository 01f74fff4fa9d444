import { useEffect, useMemo, useState } from 'react'
import type { CanteenView, DishView, ElderView, MealSlotView } from '@carecircle/shared'
import { DIETARY_NEED_LABELS, MEAL_MODES, MEAL_MODE_LABELS, MEAL_PERIOD_LABELS, formatFen } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import EmptyState from '../../../../components/EmptyState'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { getElder } from '../../../../services/elders'
import { mealRoutes } from '../../../../services/meal-routes'
import { listCanteens, listMealSlots } from '../../../../services/meals'
import { navigate } from '../../../../services/navigation'
import { todayYmd } from '../../../../utils/dates'
import { toastError } from '../../../../utils/feedback'
import QuantityStepper from '../../components/QuantityStepper'
import { type Cart, cartCount, cartFoodFen, cartLines, carryCart, decodeCart, encodeCart, maxFor, setQuantity } from '../../logic/cart'
import { clock, dishTagLabel } from '../../logic/format'
import { param } from '../../logic/params'
import { type MealDay, buildMealDays, dayStatus, firstBookableSlot, modeState, slotState } from '../../logic/slot-state'
import './index.scss'

interface MenuData {
  slots: MealSlotView[]
  canteen: CanteenView | null
  elder: ElderView
  today: string
}

async function loadMenu(canteenId: string, elderId: string): Promise<MenuData> {
  const today = todayYmd()
  const [slots, canteens, elder] = await Promise.all([listMealSlots(canteenId, elderId, today), listCanteens(elderId), getElder(elderId)])
  return { slots, canteen: canteens.find((c) => c.id === canteenId) ?? null, elder, today }
}

function SlotCard({ slot, selected, deliversHere, now, onClick }: { slot: MealSlotView; selected: boolean; deliversHere: boolean; now: Date; onClick: () => void }) {
  const state = slotState(slot, now)
  return (
    <View role='button' className={`slot-card slot-card--${state.status}${selected ? ' slot-card--on' : ''}`} onClick={onClick}>
      <View className='slot-card__head'>
        <Text className='slot-card__period'>
          {selected ? '✓ ' : ''}
          {MEAL_PERIOD_LABELS[slot.period]}
        </Text>
        <Text className={`slot-card__state slot-card__state--${state.status}`}>{state.label}</Text>
      </View>
      <Text className='slot-card__time'>
        {slot.serveStart}–{slot.serveEnd} 供餐 · {clock(slot.cutoffAt)} 截止预订
      </Text>
      {state.status === 'open' || state.status === 'full' ? (
        <View className='slot-card__modes'>
          {MEAL_MODES.map((mode) => {
            const m = modeState(slot, mode, deliversHere)
            return (
              <Text key={mode} className={`slot-card__mode${m.available ? '' : ' slot-card__mode--off'}`}>
                {MEAL_MODE_LABELS[mode]} {m.available ? `余${m.remaining}` : m.reason}
              </Text>
            )
          })}
        </View>
      ) : null}
    </View>
  )
}

function DishCard({ dish, quantity, elderName, onChange }: { dish: DishView; quantity: number; elderName: string; onChange: (q: number) => void }) {
  const max = maxFor(dish)
  return (
    <View className={`dish-card${quantity > 0 ? ' dish-card--on' : ''}`}>
      <View className='dish-card__top'>
        <View className='dish-card__main'>
          <Text className='dish-card__name'>{dish.name}</Text>
          <View className='dish-card__tags'>
            {dish.isSetMeal ? <Text className='dish-card__tag dish-card__tag--set'>套餐</Text> : null}
            {dish.tags.map((t) => (
              <Text key={t} className='dish-card__tag'>
                {dishTagLabel(t)}
              </Text>
            ))}
            {dish.remaining !== null ? <Text className='dish-card__left'>{dish.remaining > 0 ? `剩 ${dish.remaining} 份` : '已售罄'}</Text> : null}
          </View>
          <Text className='dish-card__price'>{formatFen(dish.priceFen)}</Text>
        </View>
        <View className='dish-card__side'>
          <QuantityStepper value={quantity} max={max} name={dish.name} onChange={onChange} />
        </View>
      </View>
      {dish.clashes.length > 0 ? (
        <Text className='dish-card__clash'>
          ⚠ 与{elderName}饮食需求不符：{dish.clashes.join('、')}
        </Text>
      ) : null}
    </View>
  )
}

function DayTab({ day, selected, onClick }: { day: MealDay; selected: boolean; onClick: () => void }) {
  return (
    <View role='tab' aria-selected={selected} className={`day-tab${selected ? ' day-tab--on' : ''}${day.bookable ? '' : ' day-tab--off'}`} onClick={onClick}>
      <Text className='day-tab__name'>{day.name}</Text>
      <Text className='day-tab__date'>{day.date.slice(8).replace(/^0/, '')}日</Text>
      <Text className='day-tab__status'>{dayStatus(day, new Date())}</Text>
    </View>
  )
}

export default function MenuPage() {
  const { params } = useRouter()
  const canteenId = param(params, 'canteenId') ?? ''
  const elderId = param(params, 'elderId') ?? ''
  const askedSlot = param(params, 'slotId')
  const { data, loading, error, reload } = useLoader(() => loadMenu(canteenId, elderId), { enabled: Boolean(canteenId && elderId) })
  const [date, setDate] = useState<string | null>(null)
  const [slotId, setSlotId] = useState<string | null>(null)
  const [cart, setCart] = useState<Cart>(() => decodeCart(param(params, 'items')))
  const now = new Date()

  const days = useMemo(() => (data ? buildMealDays(data.slots, data.today, now) : []), [data])
  const slot = data?.slots.find((s) => s.id === slotId) ?? null

  // First visit: the slot asked for (改订下一餐), else the first one that can be booked.
  useEffect(() => {
    if (!data || slotId) return
    const start = data.slots.find((s) => s.id === askedSlot && slotState(s, new Date()).bookable) ?? firstBookableSlot(data.slots, new Date())
    if (start) {
      setSlotId(start.id)
      setDate(start.date)
    } else {
      setDate(data.today)
    }
  }, [data])

  function chooseSlot(next: MealSlotView) {
    const state = slotState(next, new Date())
    if (!state.bookable) {
      toastError(state.status === 'closed' ? `已过 ${clock(next.cutoffAt)} 的预订截止时间` : state.status === 'full' ? '这一餐各方式都已订满' : '食堂已取消这一餐')
      return
    }
    if (slot && next.id !== slot.id && Object.keys(cart).length > 0) {
      // Same dishes where the other menu has them (dishes belong to one menu).
      const carried = carryCart(cart, slot.dishes, next.dishes)
      setCart(carried.cart)
      if (carried.missing.length) toastError(`这一餐没有：${carried.missing.join('、')}`)
    }
    setSlotId(next.id)
  }

  function chooseDay(day: MealDay) {
    setDate(day.date)
    const first = day.slots.find((s) => slotState(s, new Date()).bookable)
    if (first && first.id !== slotId) chooseSlot(first)
  }

  if (!canteenId || !elderId) {
    return (
      <View className='cc-page'>
        <EmptyState mark='餐' title='没有选择助餐点' description='请从「老年助餐」选择老人和助餐点。'>
          <Button type='primary' block onClick={() => navigate(mealRoutes.canteens())}>
            去选择
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

  const day = days.find((d) => d.date === date) ?? days[0]
  const lines = slot ? cartLines(cart, slot.dishes) : []
  const count = cartCount(lines)
  const deliversHere = data.canteen?.deliversHere ?? false
  const needs = data.elder.dietaryNeeds.map((n) => DIETARY_NEED_LABELS[n])

  function checkout() {
    if (!slot || lines.length === 0) {
      toastError('请先选菜')
      return
    }
    navigate(
      mealRoutes.checkout({
        elderId,
        canteenId,
        slotId: slot.id,
        date: slot.date,
        items: encodeCart(Object.fromEntries(lines.map((l) => [l.dish.id, l.quantity]))),
      }),
    )
  }

  return (
    <View className='cc-page meals-menu'>
      <View className='cc-card cc-card--padded meals-menu__who'>
        <Text className='meals-menu__canteen'>{data.canteen?.name ?? slot?.canteenName ?? '助餐点'}</Text>
        <Text className='meals-menu__for'>
          为 {data.elder.name} 订餐{needs.length ? ` · 饮食需求：${needs.join('、')}` : ''}
        </Text>
      </View>

      <View className='meals-menu__days' role='tablist'>
        {days.map((d) => (
          <DayTab key={d.date} day={d} selected={d.date === day?.date} onClick={() => chooseDay(d)} />
        ))}
      </View>

      {day && day.slots.length === 0 ? (
        <View className='cc-card cc-card--padded'>
          <EmptyState mark='休' title={`${day.name}（${day.monthDay}）食堂不供餐`} description='请选择其他日期。' />
        </View>
      ) : (
        day?.slots.map((s) => <SlotCard key={s.id} slot={s} selected={s.id === slotId} deliversHere={deliversHere} now={now} onClick={() => chooseSlot(s)} />)
      )}

      {data.slots.length > 0 && !data.slots.some((s) => slotState(s, now).bookable) ? (
        <View className='cc-card cc-card--padded'>
          <EmptyState mark='满' title='这周的餐次都不能再订了' description='都已截止或订满。可以换一家助餐点，或明天再来看看。'>
            <Button block onClick={() => navigate(mealRoutes.canteens(elderId))}>
              换一家助餐点
            </Button>
          </EmptyState>
        </View>
      ) : null}

      {slot && slot.date === day?.date ? (
        <>
          <Text className='meals-menu__section'>
            {MEAL_PERIOD_LABELS[slot.period]}菜单 · 每道菜最多 5 份
          </Text>
          {slot.dishes.length === 0 ? (
            <View className='cc-card cc-card--padded'>
              <EmptyState mark='菜' title='这一餐还没有发布菜单' description='食堂发布菜单后才能预订，请选择其他餐次。' />
            </View>
          ) : (
            slot.dishes.map((d) => (
              <DishCard key={d.id} dish={d} quantity={cart[d.id] ?? 0} elderName={data.elder.name} onChange={(q) => setCart((c) => setQuantity(c, d, q))} />
            ))
          )}
        </>
      ) : null}

      <View className='meals-menu__spacer' />
      <View className='meals-menu__bar'>
        <View className='meals-menu__bar-sum'>
          <Text className='meals-menu__bar-count'>{count > 0 ? `已选 ${count} 份` : '还没有选菜'}</Text>
          {count > 0 ? <Text className='meals-menu__bar-price'>餐费 {formatFen(cartFoodFen(lines))}</Text> : null}
        </View>
        <Button type='primary' size='large' onClick={checkout}>
          去结算
        </Button>
      </View>
    </View>
  )
}
