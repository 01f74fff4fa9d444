import type { MealBookingView } from '@carecircle/shared'

const PERIOD_ORDER = { lunch: 0, dinner: 1 } as const

function when(b: MealBookingView): string {
  return `${b.date}-${PERIOD_ORDER[b.period]}`
}

/** 待用餐 (booked, today or later) soonest first; then everything else, latest first. */
export function splitBookings(bookings: readonly MealBookingView[], today: string): { upcoming: MealBookingView[]; past: MealBookingView[] } {
  const upcoming = bookings.filter((b) => b.status === 'booked' && b.date >= today).sort((a, b) => (when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : 0))
  const past = bookings
    .filter((b) => !upcoming.includes(b))
    .sort((a, b) => (when(a) > when(b) ? -1 : when(a) < when(b) ? 1 : b.createdAt.localeCompare(a.createdAt)))
  return { upcoming, past }
}

/** 番茄炒蛋套餐×1、香菇青菜×2 */
export function itemsSummary(b: Pick<MealBookingView, 'items'>): string {
  return b.items.map((i) => `${i.name}×${i.quantity}`).join('、')
}
