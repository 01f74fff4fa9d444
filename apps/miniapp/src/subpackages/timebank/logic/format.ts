import { shanghaiParts } from '@carecircle/shared'

/** 150 → 2 小时 30 分；45 → 45 分；120 → 2 小时 */
export function formatMinutes(total: number): string {
  const minutes = Math.max(0, Math.floor(total))
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h === 0) return `${m} 分`
  return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分`
}

export const ENTRY_LABELS: Record<string, string> = {
  earn: '志愿服务获得',
  spend: '支付服务',
  give_out: '转赠家人',
  give_in: '家人转赠',
  refund: '订单取消退回',
}

const INCOMING = new Set(['earn', 'give_in', 'refund'])

/** +1 小时 / −30 分 */
export function signedMinutes(kind: string, minutes: number): string {
  return `${INCOMING.has(kind) ? '+' : '−'}${formatMinutes(minutes)}`
}

export function isIncoming(kind: string): boolean {
  return INCOMING.has(kind)
}

/** Light services a volunteer may take (the server accepts only these). */
export const VOLUNTEER_SKILLS = [
  { value: 'visit', label: '探访关爱' },
  { value: 'companionship', label: '精神慰藉' },
  { value: 'shopping', label: '助购' },
  { value: 'mobility', label: '助行' },
  { value: 'meal_delivery', label: '送餐' },
] as const

/** The minutes typed for a gift: a whole number from 1 to the balance; an error message otherwise. */
export function parseGiveMinutes(text: string, balance: number): { minutes: number } | { error: string } {
  const trimmed = text.trim()
  if (!trimmed) return { error: '请输入要转赠的分钟数' }
  if (!/^\d+$/.test(trimmed)) return { error: '分钟数应为整数' }
  const minutes = Number(trimmed)
  if (minutes < 1) return { error: '至少转赠 1 分钟' }
  if (minutes > balance) return { error: `余额不足，最多可转赠 ${balance} 分钟` }
  return { minutes }
}

/** The current year in Asia/Shanghai. */
export function shanghaiYear(now: Date = new Date()): number {
  return shanghaiParts(now).year
}

/** 出生年份 for a volunteer: four digits, and 18 to 75 years old this year (as the server checks). */
export function parseBirthYear(text: string, now: Date = new Date()): { birthYear: number } | { error: string } {
  const trimmed = text.trim()
  if (!trimmed) return { error: '请输入出生年份' }
  if (!/^\d{4}$/.test(trimmed)) return { error: '出生年份应为四位数字，如 1962' }
  const birthYear = Number(trimmed)
  const age = shanghaiYear(now) - birthYear
  if (age < 18 || age > 75) return { error: '时间银行志愿者须年满 18 周岁、不超过 75 周岁' }
  return { birthYear }
}
