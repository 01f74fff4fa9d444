import { shanghaiClock, shanghaiDate, shanghaiParts } from '@carecircle/shared'

// Every instant is shown on Asia/Shanghai's clock, whatever zone the phone or browser is set to.

/** Today in Asia/Shanghai, as YYYY-MM-DD. */
export function todayYmd(now: Date = new Date()): string {
  return shanghaiDate(now)
}

export function isYmd(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** 8个月 / 1岁3个月 / 2岁 */
export function formatChildAge(ageMonths: number): string {
  if (ageMonths < 1) return '不满1个月'
  const years = Math.floor(ageMonths / 12)
  const months = ageMonths % 12
  if (years === 0) return `${months}个月`
  return months === 0 ? `${years}岁` : `${years}岁${months}个月`
}

/** 2026-11-27T08:00:00Z → 2026年11月27日 */
export function formatDateCn(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const { year, month, day } = shanghaiParts(date)
  return `${year}年${month}月${day}日`
}

/** 2026-11-27T08:00:00Z → 11月27日 16:00 */
export function formatDateTimeCn(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const { month, day } = shanghaiParts(date)
  return `${month}月${day}日 ${shanghaiClock(date)}`
}

/** 2026-11-27T08:05:00Z → 2026年11月27日 16:05 (for ledgers that span years). */
export function formatFullDateTimeCn(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return `${formatDateCn(iso)} ${shanghaiClock(date)}`
}

/** The hour in Asia/Shanghai, for greetings. */
export function shanghaiHour(now: Date = new Date()): number {
  return shanghaiParts(now).hour
}

export function greeting(hour: number): string {
  if (hour < 5) return '夜深了'
  if (hour < 11) return '早上好'
  if (hour < 13) return '中午好'
  if (hour < 18) return '下午好'
  return '晚上好'
}
