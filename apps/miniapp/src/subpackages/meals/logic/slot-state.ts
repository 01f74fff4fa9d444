import type { MealMode, MealSlotView } from '@carecircle/shared'
import { MEAL_MODES } from '@carecircle/shared'
import { addDaysYmd, dayName, monthDay } from './format'

export type SlotStatus = 'open' | 'full' | 'closed' | 'cancelled'

export interface SlotState {
  status: SlotStatus
  /** 可订 / 已订满 / 已截止 / 已取消: shown on the card, so colour is never the only cue. */
  label: string
  bookable: boolean
}

const LABELS: Record<SlotStatus, string> = { open: '可订', full: '已订满', closed: '已截止', cancelled: '已取消' }

function state(status: SlotStatus): SlotState {
  return { status, label: LABELS[status], bookable: status === 'open' }
}

/** Past its cut-off by the server's word, or by the clock since the page loaded. */
export function isPastCutoff(slot: Pick<MealSlotView, 'open' | 'cutoffAt' | 'cancelled'>, now: Date): boolean {
  if (!slot.open && !slot.cancelled) return true
  const cutoff = Date.parse(slot.cutoffAt)
  return !Number.isNaN(cutoff) && now.getTime() >= cutoff
}

/** What a 午餐/晚餐 card says: cancelled by the canteen, past the cut-off, no place left in any mode, or bookable. */
export function slotState(slot: MealSlotView, now: Date): SlotState {
  if (slot.cancelled) return state('cancelled')
  if (isPastCutoff(slot, now)) return state('closed')
  if (MEAL_MODES.every((mode) => (slot.remaining[mode] ?? 0) <= 0)) return state('full')
  return state('open')
}

export interface ModeState {
  mode: MealMode
  available: boolean
  /** 已订满 / 超出送餐范围, null when it can be chosen. */
  reason: string | null
  remaining: number
}

/** Whether one way of eating can be booked for this slot (delivery also needs the elder within range). */
export function modeState(slot: MealSlotView, mode: MealMode, deliversHere: boolean): ModeState {
  const remaining = Math.max(0, slot.remaining[mode] ?? 0)
  if (mode === 'delivery' && !deliversHere) return { mode, available: false, reason: '超出送餐范围', remaining }
  if (remaining <= 0) return { mode, available: false, reason: '已订满', remaining }
  return { mode, available: true, reason: null, remaining }
}

export interface MealDay {
  date: string
  /** 今天 / 明天 / 周六 */
  name: string
  /** 11月28日 */
  monthDay: string
  slots: MealSlotView[]
  /** Any period of the day can still be booked. */
  bookable: boolean
}

const PERIOD_ORDER = { lunch: 0, dinner: 1 } as const

export function sortSlots(slots: readonly MealSlotView[]): MealSlotView[] {
  return [...slots].sort((a, b) => (a.date === b.date ? PERIOD_ORDER[a.period] - PERIOD_ORDER[b.period] : a.date < b.date ? -1 : 1))
}

/** The day tabs of the week view: every day from `from`, with its periods (none on a day the canteen is closed). */
export function buildMealDays(slots: readonly MealSlotView[], from: string, now: Date, days = 7): MealDay[] {
  const sorted = sortSlots(slots)
  const out: MealDay[] = []
  for (let i = 0; i < days; i++) {
    const date = addDaysYmd(from, i)
    const own = sorted.filter((s) => s.date === date)
    out.push({ date, name: dayName(date, from), monthDay: monthDay(date), slots: own, bookable: own.some((s) => slotState(s, now).bookable) })
  }
  return out
}

/** The word under a day tab: 可订 / 休息 (closed that day) / 截止 / 订满 / 停餐. */
export function dayStatus(day: MealDay, now: Date): string {
  if (day.slots.length === 0) return '休息'
  if (day.bookable) return '可订'
  const states = day.slots.map((s) => slotState(s, now).status)
  if (states.every((s) => s === 'cancelled')) return '停餐'
  if (states.includes('full')) return '订满'
  return '截止'
}

export function firstBookableSlot(slots: readonly MealSlotView[], now: Date): MealSlotView | null {
  return sortSlots(slots).find((s) => slotState(s, now).bookable) ?? null
}
