import type { CanteenPeriodInput, DishTag, MealPeriod } from '@carecircle/shared'
import { DIETARY_NEED_LABELS, MEAL_PERIOD_LABELS, formatDistance, shanghaiClock } from '@carecircle/shared'

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
const pad = (n: number) => String(n).padStart(2, '0')

/** YYYY-MM-DD as a local calendar day (the users and their phones are in China). */
export function parseYmd(ymd: string): Date {
  const [y, m, d] = ymd.split('-').map(Number)
  return new Date(y, m - 1, d)
}

export function addDaysYmd(ymd: string, days: number): string {
  const date = parseYmd(ymd)
  date.setDate(date.getDate() + days)
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

function dayOffset(ymd: string, today: string): number {
  return Math.round((parseYmd(ymd).getTime() - parseYmd(today).getTime()) / 86_400_000)
}

/** 今天 / 明天 / 后天 / 周六 */
export function dayName(ymd: string, today: string): string {
  const offset = dayOffset(ymd, today)
  if (offset === 0) return '今天'
  if (offset === 1) return '明天'
  if (offset === 2) return '后天'
  return WEEKDAYS[parseYmd(ymd).getDay()]
}

/** 11月28日 */
export function monthDay(ymd: string): string {
  const date = parseYmd(ymd)
  return `${date.getMonth() + 1}月${date.getDate()}日`
}

/** 明天 11月28日 周六 午餐 (the weekday only when the day name is not already one). */
export function mealWhen(ymd: string, period: MealPeriod, today: string): string {
  const name = dayName(ymd, today)
  const weekday = WEEKDAYS[parseYmd(ymd).getDay()]
  const day = name === weekday ? `${monthDay(ymd)} ${weekday}` : `${name} ${monthDay(ymd)} ${weekday}`
  return `${day} ${MEAL_PERIOD_LABELS[period]}`
}

/** An ISO instant as HH:mm on Shanghai's clock (10:00 for a lunch cut-off). */
export function clock(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return shanghaiClock(date)
}

/** 午餐 11:00–12:30 · 10:00 前预订 */
export function periodHours(p: Pick<CanteenPeriodInput, 'period' | 'serveStart' | 'serveEnd' | 'cutoff'>): string {
  return `${MEAL_PERIOD_LABELS[p.period]} ${p.serveStart}–${p.serveEnd} · ${p.cutoff} 前预订`
}

/** ISO weekdays (1 = Monday … 7 = Sunday) in words: 每天 / 周一至周六 / 周一、周三、周五. */
export function formatOpenDays(days: readonly number[]): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b)
  if (sorted.length === 0) return '暂停营业'
  if (sorted.length === 7) return '每天'
  const name = (d: number) => WEEKDAYS[d % 7]
  const contiguous = sorted.every((d, i) => i === 0 || d === sorted[i - 1] + 1)
  if (contiguous && sorted.length >= 3) return `${name(sorted[0])}至${name(sorted[sorted.length - 1])}`
  return sorted.map(name).join('、')
}

/** 离您 350 米 (the elder's own login) / 离老人住处 350 米 (a family member ordering for them). */
export function distanceText(meters: number | null, forSelf: boolean): string | null {
  if (meters === null) return null
  return `${forSelf ? '离您' : '离老人住处'} ${formatDistance(meters)}`
}

/** 低盐 / 软食 …: dish tags share their codes with elders' dietary needs. */
export function dishTagLabel(tag: DishTag): string {
  return (DIETARY_NEED_LABELS as Record<string, string>)[tag] ?? tag
}
