import type { MealBookingView, MealMode, MealSlotView } from '@carecircle/shared'
import { type Cart, carryByName } from './cart'
import { modeState, slotState, sortSlots } from './slot-state'

export interface RepeatPlan {
  slot: MealSlotView
  cart: Cart
  /** Dishes of the old booking that this menu does not have (or has sold out). */
  missing: string[]
  /** The old way of eating, when it can be booked on this slot; otherwise the family picks one. */
  mode: MealMode | null
}

const PERIOD_ORDER = { lunch: 0, dinner: 1 } as const
const order = (s: Pick<MealSlotView, 'date' | 'period'>) => `${s.date}-${PERIOD_ORDER[s.period]}`

/**
 * 再来一单: the same dishes for the same elder at the same canteen, on the next period that can be
 * booked and serves at least one of them — preferring one where the old way of eating still has
 * room. A booking still to be eaten is repeated after its own period, not on it (that would be the
 * same meal twice). Null when no period this week serves any of the dishes (then the menu opens).
 */
export function planRepeat(
  booking: Pick<MealBookingView, 'items' | 'mode' | 'status' | 'date' | 'period'>,
  slots: readonly MealSlotView[],
  now: Date,
  deliversHere: boolean,
): RepeatPlan | null {
  const items = booking.items.map((i) => ({ name: i.name, quantity: i.quantity }))
  const after = booking.status === 'booked' ? order(booking) : ''
  const candidates = sortSlots(slots)
    .filter((s) => slotState(s, now).bookable && order(s) > after)
    .map((slot) => ({ slot, ...carryByName(items, slot.dishes) }))
    .filter((c) => Object.keys(c.cart).length > 0)
  const withMode = candidates.find((c) => modeState(c.slot, booking.mode, deliversHere).available)
  const chosen = withMode ?? candidates[0]
  if (!chosen) return null
  return { slot: chosen.slot, cart: chosen.cart, missing: chosen.missing, mode: withMode ? booking.mode : null }
}
