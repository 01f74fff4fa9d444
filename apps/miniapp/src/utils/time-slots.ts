import { shanghaiClock, shanghaiDate, shanghaiParts } from '@carecircle/shared'

/**
 * The visit windows a family can book: a few fixed windows a day over the next week, on
 * Asia/Shanghai's clock whatever zone the phone is in. A window that has begun or starts within the
 * hour is shown greyed out with the reason, like a full slot.
 */
export const SLOT_START_HOURS = [8, 10, 14, 16] as const
export const MIN_SLOT_HOURS = 2
/** The dispatcher needs time to find someone; nearer than this, 尽快上门 is the right choice. */
export const MIN_LEAD_MINUTES = 60
export const DAYS_AHEAD = 7

export interface TimeSlot {
  /** The start as an ISO string: unique and stable while the page is open. */
  key: string
  start: Date
  end: Date
  label: string
  available: boolean
  /** Why it cannot be chosen (已过 / 来不及), null when it can. */
  reason: string | null
}

export interface SlotDay {
  key: string
  label: string
  slots: TimeSlot[]
  available: boolean
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
const hhmm = shanghaiClock
const SHANGHAI_OFFSET_MS = 8 * 3600_000

/** hour:00 in Shanghai on the day `offset` days after `now`'s Shanghai day. */
function shanghaiAt(now: Date, offset: number, hour: number): Date {
  const { year, month, day } = shanghaiParts(now)
  return new Date(Date.UTC(year, month - 1, day + offset, hour) - SHANGHAI_OFFSET_MS)
}

/** Whole Shanghai days from `now` to `at` (0 = the same day). */
function daysFrom(now: Date, at: Date): number {
  return Math.round((Date.parse(shanghaiDate(at)) - Date.parse(shanghaiDate(now))) / 86_400_000)
}

function dayLabel(date: Date, offset: number): string {
  const { month, day, weekday } = shanghaiParts(date)
  const name = offset === 0 ? '今天' : offset === 1 ? '明天' : offset === 2 ? '后天' : WEEKDAYS[weekday]
  return `${name} ${month}/${day}`
}

/** Long services get a window long enough to fit them (the server refuses a shorter one). */
export function slotHours(durationMinutes: number): number {
  return Math.max(MIN_SLOT_HOURS, Math.ceil(durationMinutes / 60))
}

export function buildSlotDays(now: Date, durationMinutes: number, days: number = DAYS_AHEAD): SlotDay[] {
  const hours = slotHours(durationMinutes)
  const earliest = now.getTime() + MIN_LEAD_MINUTES * 60_000
  const result: SlotDay[] = []
  for (let offset = 0; offset < days; offset++) {
    const day = shanghaiAt(now, offset, 0)
    const slots = SLOT_START_HOURS.map((hour): TimeSlot => {
      const start = shanghaiAt(now, offset, hour)
      const end = new Date(start.getTime() + hours * 3600_000)
      const past = start.getTime() <= now.getTime()
      const tooSoon = !past && start.getTime() < earliest
      return {
        key: start.toISOString(),
        start,
        end,
        label: `${hhmm(start)}–${hhmm(end)}`,
        available: !past && !tooSoon,
        reason: past ? '已过' : tooSoon ? '来不及' : null,
      }
    })
    result.push({
      key: shanghaiDate(day),
      label: dayLabel(day, offset),
      slots,
      available: slots.some((s) => s.available),
    })
  }
  return result
}

export function findSlot(days: readonly SlotDay[], key: string | null): TimeSlot | null {
  if (!key) return null
  for (const day of days) {
    const slot = day.slots.find((s) => s.key === key)
    if (slot) return slot
  }
  return null
}

/** 今天 10:00–12:00 / 11月28日 14:00–16:00; 尽快上门 when there is no window. */
export function formatWindow(windowStart: string | null, windowEnd: string | null, now: Date = new Date()): string {
  if (!windowStart) return '尽快上门'
  const start = new Date(windowStart)
  if (Number.isNaN(start.getTime())) return windowStart
  const end = windowEnd ? new Date(windowEnd) : null
  const diff = daysFrom(now, start)
  const { month, day: date } = shanghaiParts(start)
  const day = diff === 0 ? '今天' : diff === 1 ? '明天' : diff === 2 ? '后天' : `${month}月${date}日`
  return `${day} ${hhmm(start)}${end && !Number.isNaN(end.getTime()) ? `–${hhmm(end)}` : ''}`
}

/** 14:05 today, 11月27日 14:05 on another day: for timelines. */
export function formatEventTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  if (daysFrom(now, at) === 0) return hhmm(at)
  const { month, day } = shanghaiParts(at)
  return `${month}月${day}日 ${hhmm(at)}`
}

/** 约 45 分钟 / 约 1 小时 / 约 1.5 小时 */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return `约 ${minutes} 分钟`
  const hours = Math.round((minutes / 60) * 2) / 2
  return `约 ${hours} 小时`
}
