import type { AgeClass } from '@carecircle/shared'
import { ageFit, mismatchShort, shortMismatch, type ChildAge } from './age-fit'

/** The server takes monthly places from this month up to 6 months ahead. */
export const MONTHS_AHEAD = 6
/** Days offered for 计时托 / 临时托 (the server takes any day from today). */
export const DAYS_AHEAD = 14
/** 计时托 hours the picker offers: starts on the hour, and nobody stays past closing. */
export const HOURLY_FIRST_START = 8
export const HOURLY_LAST_END = 18
export const HOURLY_MAX_HOURS = 4

export interface CalendarOption {
  value: string
  label: string
  disabled: boolean
  reason: string | null
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** YYYY-MM plus n months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const total = y * 12 + (m - 1) + n
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`
}

/** YYYY-MM-DD plus n days (calendar arithmetic, no time zone involved). */
export function addDays(ymd: string, n: number): string {
  const [y, m, d] = ymd.split('-').map(Number)
  const date = new Date(Date.UTC(y, m - 1, d + n))
  return date.toISOString().slice(0, 10)
}

/** 2026-05 → 5月 (same year as `today`) or 2027年1月. */
export function monthLabel(month: string, today: string): string {
  const [y, m] = month.split('-').map(Number)
  return y === Number(today.slice(0, 4)) ? `${m}月` : `${y}年${m}月`
}

/** 2026-05 → 2026年5月 */
export function monthLong(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return `${y}年${m}月`
}

/** 2026-05-20 → 5月20日 周三 */
export function dayLabel(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number)
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]
  return `${m}月${d}日 ${weekday}`
}

/**
 * 入托月份: this month and the next six. A month whose first day finds the child outside the class's
 * age band is greyed out with the reason (the server checks the age on the 1st).
 */
export function monthOptions(today: string, child: ChildAge, ageClass: AgeClass): CalendarOption[] {
  const first = today.slice(0, 7)
  return Array.from({ length: MONTHS_AHEAD + 1 }, (_, i) => {
    const value = addMonths(first, i)
    const fit = ageFit(child, ageClass, `${value}-01`)
    const base = monthLabel(value, today)
    return {
      value,
      label: i === 0 ? `${base}（本月）` : base,
      disabled: !fit.fits,
      reason: fit.fits ? null : shortMismatch(fit),
    }
  })
}

/**
 * Days for 计时托 / 临时托: today and the next 13. Greyed out when the child's age does not fit the
 * class that day, or when the server already said the day is 已约满.
 */
export function dayOptions(today: string, child: ChildAge, ageClass: AgeClass, fullDays: readonly string[] = []): CalendarOption[] {
  return Array.from({ length: DAYS_AHEAD }, (_, i) => {
    const value = addDays(today, i)
    const fit = ageFit(child, ageClass, value)
    const full = fullDays.includes(value)
    const label = i === 0 ? `今天 ${dayLabel(value).split(' ')[0]}` : i === 1 ? `明天 ${dayLabel(value).split(' ')[0]}` : dayLabel(value)
    return {
      value,
      label,
      disabled: !fit.fits || full,
      reason: !fit.fits ? shortMismatch(fit) : full ? '已约满' : null,
    }
  })
}

function hhmm(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`
}

/** A centre's 开放时间 ("HH:mm"), as the centre view carries it. */
export interface OpeningHours {
  openTime: string
  closeTime: string
}

/** The whole hours inside the opening hours (07:30–18:00 → starts from 08:00, ends by 18:00); without them 08:00–18:00. */
export function hourlyWindow(opening?: OpeningHours | null): { firstStart: number; lastEnd: number } {
  if (!opening) return { firstStart: HOURLY_FIRST_START, lastEnd: HOURLY_LAST_END }
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))
  return { firstStart: Math.ceil(minutes(opening.openTime) / 60), lastEnd: Math.floor(minutes(opening.closeTime) / 60) }
}

/** Start times on the hour within the opening hours; on today those already past are greyed out (已过). */
export function startTimeOptions(date: string, today: string, nowHour: number, nowMinute: number, opening?: OpeningHours | null): CalendarOption[] {
  const { firstStart, lastEnd } = hourlyWindow(opening)
  const out: CalendarOption[] = []
  for (let h = firstStart; h < lastEnd; h++) {
    const past = date === today && (h < nowHour || (h === nowHour && nowMinute > 0))
    out.push({ value: hhmm(h), label: hhmm(h), disabled: past, reason: past ? '已过' : null })
  }
  return out
}

/** How long: 1–4 hours, greyed out when it would run past closing. */
export function durationOptions(startTime: string | null, opening?: OpeningHours | null): CalendarOption[] {
  const { lastEnd } = hourlyWindow(opening)
  const start = startTime ? Number(startTime.slice(0, 2)) : null
  return Array.from({ length: HOURLY_MAX_HOURS }, (_, i) => {
    const hours = i + 1
    const late = start !== null && start + hours > lastEnd
    return { value: String(hours), label: `${hours} 小时`, disabled: late, reason: late ? `超过 ${hhmm(lastEnd)}` : null }
  })
}

/** 09:00 + 3 → 12:00 */
export function endTimeOf(startTime: string, hours: number): string {
  return hhmm(Number(startTime.slice(0, 2)) + hours)
}

export interface ClassAvailability {
  /** fits: fits today; later: fits from a coming month; no: not within the booking window. */
  state: 'fits' | 'later' | 'no'
  /** Shown on the class row when it is not `fits`. */
  reason: string | null
}

/**
 * Can this child take this class? By today's age (the shared rule), or from a coming month when
 * they grow into it within the months one can book; otherwise greyed out with the reason.
 */
export function classAvailability(child: ChildAge, ageClass: AgeClass, today: string): ClassAvailability {
  if (ageFit(child, ageClass, today).fits) return { state: 'fits', reason: null }
  const later = monthOptions(today, child, ageClass).find((m) => !m.disabled)
  if (later) return { state: 'later', reason: `${monthLong(later.value)}起可入托（届时满 ${ageFit(child, ageClass, `${later.value}-01`).months} 个月）` }
  return { state: 'no', reason: mismatchShort(child, ageClass, today) }
}

/** 计时托 on today: once no start time is left, today is greyed out too (已过今日可约时段). */
export function withHourlyCutoff(days: CalendarOption[], today: string, nowHour: number, nowMinute: number, opening?: OpeningHours | null): CalendarOption[] {
  const todayOpen = startTimeOptions(today, today, nowHour, nowMinute, opening).some((o) => !o.disabled)
  return days.map((d) => (d.value === today && !d.disabled && !todayOpen ? { ...d, disabled: true, reason: '今日时段已过' } : d))
}
