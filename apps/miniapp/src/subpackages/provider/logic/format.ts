/** 2026-11 → 2026年11月 */
export function formatMonthCn(month: string): string {
  const [year, m] = month.split('-')
  return `${year}年${Number(m)}月`
}

/** 2026-11-27 → 11月27日 */
export function formatDayCn(day: string): string {
  const [, m, d] = day.split('-')
  return `${Number(m)}月${Number(d)}日`
}

export const STATUS_LABELS: Record<'draft' | 'approved', string> = { draft: '待街道审批', approved: '已审批' }
