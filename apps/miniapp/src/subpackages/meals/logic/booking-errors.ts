import type { MealPeriod } from '@carecircle/shared'
import { ErrorCode, MEAL_PERIODS } from '@carecircle/shared'
import { ApiError, errorMessage } from '../../../services/api-error'
import { isYmd } from '../../../utils/dates'
import { mealWhen } from './format'

/** The next period with room, as the server offers it with a 已订满 / 已截止 / 已取消. */
export interface NextSlotSuggestion {
  slotId: string
  date: string
  period: MealPeriod
  /** 明天 11月28日 周六 午餐 */
  label: string
}

/** Reads `details.next` of a booking refusal; null when there is none or it is not well-formed. */
export function nextSlotSuggestion(err: unknown, today: string): NextSlotSuggestion | null {
  if (!(err instanceof ApiError)) return null
  const next = (err.details as { next?: unknown } | undefined)?.next
  if (typeof next !== 'object' || next === null) return null
  const { slotId, date, period } = next as Record<string, unknown>
  if (typeof slotId !== 'string' || slotId === '' || typeof date !== 'string' || !isYmd(date)) return null
  if (typeof period !== 'string' || !(MEAL_PERIODS as readonly string[]).includes(period)) return null
  return { slotId, date, period: period as MealPeriod, label: mealWhen(date, period as MealPeriod, today) }
}

export type BookingProblem =
  /** 已订满 / 已截止 / 食堂取消: offer 改订下一餐 when there is one. */
  | { kind: 'slot'; code: string; title: string; message: string; next: NextSlotSuggestion | null }
  | { kind: 'sold_out'; message: string; dishId: string | null }
  | { kind: 'out_of_range'; message: string }
  /** An earlier try with this checkout's key did book something else: look before booking again. */
  | { kind: 'maybe_booked'; message: string }
  /** The elder already has this meal (one per period, at any canteen): the message names the booking. */
  | { kind: 'already_booked'; message: string }
  | { kind: 'other'; message: string }

const SLOT_TITLES: Record<string, string> = {
  [ErrorCode.MEAL_SLOT_FULL]: '这一餐已订满',
  [ErrorCode.MEAL_CUTOFF_PASSED]: '已过预订截止时间',
  [ErrorCode.MEAL_SLOT_CANCELLED]: '食堂已取消这一餐',
}

/** What a refused booking means for the checkout page. */
export function classifyBookingError(err: unknown, today: string): BookingProblem {
  const message = errorMessage(err, '订餐失败，请稍后再试')
  if (!(err instanceof ApiError)) return { kind: 'other', message }
  if (err.error in SLOT_TITLES) return { kind: 'slot', code: err.error, title: SLOT_TITLES[err.error], message, next: nextSlotSuggestion(err, today) }
  if (err.error === ErrorCode.MEAL_DISH_SOLD_OUT) {
    const dishId = (err.details as { dishId?: unknown } | undefined)?.dishId
    return { kind: 'sold_out', message, dishId: typeof dishId === 'string' ? dishId : null }
  }
  if (err.error === ErrorCode.MEAL_OUT_OF_DELIVERY_RANGE) return { kind: 'out_of_range', message }
  if (err.error === ErrorCode.ELDER_NOT_FOUND) return { kind: 'other', message: '只有老人所在家庭的成员可以为老人订餐，请让家人代订' }
  if (err.error === ErrorCode.MEAL_ALREADY_BOOKED) return { kind: 'already_booked', message }
  if (err.error === ErrorCode.IDEMPOTENCY_KEY_REUSED) return { kind: 'maybe_booked', message: '刚才的订餐可能已经成功。为避免重复订餐，请先到「我的订餐」查看。' }
  return { kind: 'other', message }
}
