import type { CanteenView, CreateMealBookingInput, DishView, MealBookingView, MealMode, MealSlotView } from '@carecircle/shared'
import { MEAL_PERIOD_LABELS } from '@carecircle/shared'
import { addDaysYmd } from '../../meals/logic/format'
import { modeState, slotState, sortSlots } from '../../meals/logic/slot-state'

/**
 * 长辈版 订餐 in three taps: 订餐 → a ready-made card (今天午餐 / 明天午餐 …, the usual dish and way
 * of eating already chosen) → 确认. "The usual" is the elder's last booking; without one, the
 * nearest canteen's set meal that suits their diet.
 */

/** When nothing was booked before: the easiest way to get a meal, delivery first. */
const MODE_PREFERENCE: readonly MealMode[] = ['delivery', 'dine_in', 'pickup']

/** Cards for today and tomorrow only: one screen, no scrolling through a week. */
const DAYS_SHOWN = 2

export interface MealChoice {
  slot: MealSlotView
  /** 今天午餐 / 明天晚餐 */
  when: string
  dish: DishView
  mode: MealMode
  /** Dish and way of eating are those of the last booking (和上次一样). */
  sameAsLast: boolean
  /** Already booked for this meal: shown, not offered again. */
  booked: MealBookingView | null
}

/** The booking "the usual" is taken from: the latest one not cancelled, else the latest. */
export function lastBooking(bookings: readonly MealBookingView[], elderId: string): MealBookingView | null {
  const own = bookings.filter((b) => b.elderId === elderId).sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
  return own.find((b) => b.status !== 'cancelled') ?? own[0] ?? null
}

/** The canteen of the last booking when it is still listed, else the nearest (the list comes nearest first). */
export function chooseCanteen(canteens: readonly CanteenView[], last: MealBookingView | null): CanteenView | null {
  return (last && canteens.find((c) => c.id === last.canteenId)) || canteens[0] || null
}

const available = (d: DishView) => d.remaining === null || d.remaining > 0

/** The last booking's dish by name (menus change ids every day), else a suitable set meal, else any dish left. */
export function chooseDish(dishes: readonly DishView[], last: MealBookingView | null): { dish: DishView; sameAsLast: boolean } | null {
  const usual = last?.items[0]?.name
  const same = usual ? dishes.find((d) => d.name === usual && available(d)) : undefined
  if (same) return { dish: same, sameAsLast: true }
  const left = dishes.filter(available)
  const fits = left.filter((d) => d.clashes.length === 0)
  const dish = fits.find((d) => d.isSetMeal) ?? fits[0] ?? left.find((d) => d.isSetMeal) ?? left[0]
  return dish ? { dish, sameAsLast: false } : null
}

export function chooseMode(slot: MealSlotView, deliversHere: boolean, last: MealBookingView | null): { mode: MealMode; sameAsLast: boolean } | null {
  if (last && modeState(slot, last.mode, deliversHere).available) return { mode: last.mode, sameAsLast: true }
  const mode = MODE_PREFERENCE.find((m) => modeState(slot, m, deliversHere).available)
  return mode ? { mode, sameAsLast: false } : null
}

/** 今天午餐 / 明天晚餐 */
export function mealWhenShort(slot: Pick<MealSlotView, 'date' | 'period'>, today: string): string {
  const day = slot.date === today ? '今天' : slot.date === addDaysYmd(today, 1) ? '明天' : slot.date
  return `${day}${MEAL_PERIOD_LABELS[slot.period]}`
}

export interface PlanInput {
  slots: readonly MealSlotView[]
  /** Every booking of the elder (to find the last one and what is already booked). */
  bookings: readonly MealBookingView[]
  elderId: string
  deliversHere: boolean
  now: Date
  /** YYYY-MM-DD on the phone's calendar. */
  today: string
}

/**
 * The cards of the 订餐 screen, in time order: every meal of today and tomorrow that can still be
 * booked, each with a dish and a way of eating chosen, plus the meals already booked.
 */
export function planElderMeals({ slots, bookings, elderId, deliversHere, now, today }: PlanInput): MealChoice[] {
  const last = lastBooking(bookings, elderId)
  const lastDay = addDaysYmd(today, DAYS_SHOWN - 1)
  const out: MealChoice[] = []
  for (const slot of sortSlots(slots)) {
    if (slot.date < today || slot.date > lastDay) continue
    const booked = bookings.find((b) => b.elderId === elderId && b.slotId === slot.id && b.status !== 'cancelled') ?? null
    const when = mealWhenShort(slot, today)
    if (booked) {
      const dish = slot.dishes.find((d) => d.id === booked.items[0]?.dishId) ?? slot.dishes[0]
      if (dish) out.push({ slot, when, dish, mode: booked.mode, sameAsLast: false, booked })
      continue
    }
    if (!slotState(slot, now).bookable) continue
    const dish = chooseDish(slot.dishes, last)
    const mode = chooseMode(slot, deliversHere, last)
    if (!dish || !mode) continue
    out.push({ slot, when, dish: dish.dish, mode: mode.mode, sameAsLast: dish.sameAsLast && mode.sameAsLast, booked: null })
  }
  return out
}

/** The booking a card makes when 确认 is tapped: one portion of its dish, its way of eating. */
export function bookingInput(choice: Pick<MealChoice, 'slot' | 'dish' | 'mode'>, elderId: string): CreateMealBookingInput {
  return { elderId, slotId: choice.slot.id, mode: choice.mode, items: [{ dishId: choice.dish.id, quantity: 1 }] }
}
