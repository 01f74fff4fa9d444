import type { CanteenDayView, MealMode } from '@carecircle/shared'
import { MEAL_MODES, ORDER_STATUS_LABELS } from '@carecircle/shared'

export type DayPeriod = CanteenDayView['periods'][number]
export type DayBooking = DayPeriod['bookings'][number]

/** The kitchen's totals: portions per dish, most first, and how many people come each way. */
export function kitchenSummary(period: DayPeriod): { dishes: DayPeriod['dishCounts']; portions: number; byMode: Record<MealMode, number> } {
  const live = period.bookings.filter((b) => b.status !== 'cancelled')
  const byMode = Object.fromEntries(MEAL_MODES.map((m) => [m, live.filter((b) => b.mode === m).length])) as Record<MealMode, number>
  const dishes = [...period.dishCounts].sort((a, b) => b.quantity - a.quantity)
  return { dishes, portions: dishes.reduce((sum, d) => sum + d.quantity, 0), byMode }
}

/** Where a delivery stands, in words (its dispatch order's status). */
export function deliveryLabel(b: DayBooking): string {
  if (b.status === 'cancelled') return '已取消'
  if (b.status === 'delivered') return '已送达'
  if (!b.deliveryOrderStatus) return '截止后派单'
  return (ORDER_STATUS_LABELS as Record<string, string>)[b.deliveryOrderStatus] ?? b.deliveryOrderStatus
}

/** A 取餐码 as typed: digits only, at most 6. */
export function cleanCode(input: string): string {
  return input.replace(/\D/g, '').slice(0, 6)
}
