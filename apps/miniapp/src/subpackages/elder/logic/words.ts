import { shanghaiDate, shanghaiParts } from '@carecircle/shared'

/** Times as people say them: 今天下午 2:30, 明天上午 9:00, 11月30日晚上 6:00. */
export function spokenTime(iso: string | null, now: Date = new Date()): string | null {
  if (!iso) return null
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return null
  return `${spokenDay(at, now)}${spokenClock(at)}`
}

export function spokenDay(at: Date, now: Date): string {
  const dayNumber = (d: Date) => Date.parse(`${shanghaiDate(d)}T00:00:00Z`) / 86_400_000
  const offset = dayNumber(at) - dayNumber(now)
  if (offset === 0) return '今天'
  if (offset === 1) return '明天'
  if (offset === -1) return '昨天'
  const { month, day } = shanghaiParts(at)
  return `${month}月${day}日`
}

/** 上午 9:00 / 中午 12:30 / 下午 2:00 / 晚上 7:00 */
export function spokenClock(at: Date): string {
  const { hour: h, minute } = shanghaiParts(at)
  const m = String(minute).padStart(2, '0')
  if (h < 5) return `凌晨 ${h}:${m}`
  if (h < 11) return `上午 ${h}:${m}`
  if (h < 13) return `中午 ${h}:${m}`
  if (h < 18) return `下午 ${h - 12}:${m}`
  return `晚上 ${h - 12}:${m}`
}

/** "HH:mm" of a canteen's serving hours in the same words: 11:00 → 上午 11:00 */
export function spokenHhmm(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number)
  if (!Number.isFinite(h) || !Number.isFinite(m)) return hhmm
  return spokenClock(new Date(2000, 0, 1, h, m))
}

/** The phone's model for the consent record; never fails. */
export function deviceName(info: () => { brand?: string; model?: string; platform?: string }): string | undefined {
  try {
    const { brand, model, platform } = info()
    const name = [brand, model].filter((s) => typeof s === 'string' && s.trim() !== '').join(' ').trim() || platform || ''
    return name ? name.slice(0, 120) : undefined
  } catch {
    return undefined
  }
}
