/** Whole seconds until `expiresAt` (rounded up, never below 0). */
export function secondsLeft(expiresAt: string, nowMs: number): number {
  const end = new Date(expiresAt).getTime()
  if (Number.isNaN(end)) return 0
  return Math.max(0, Math.ceil((end - nowMs) / 1000))
}

/** 45 秒 / 1 分 05 秒 / 已超时: read at a glance, no colon arithmetic. */
export function formatCountdown(seconds: number): string {
  if (seconds <= 0) return '已超时'
  if (seconds < 60) return `${seconds} 秒`
  const m = Math.floor(seconds / 60)
  const s = seconds % 60
  return s === 0 ? `${m} 分钟` : `${m} 分 ${String(s).padStart(2, '0')} 秒`
}

/** The last seconds are urgent: the card says so in words and colour. */
export function isRunningOut(seconds: number): boolean {
  return seconds > 0 && seconds <= 15
}
