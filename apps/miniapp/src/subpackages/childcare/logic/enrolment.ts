import type { EnrolmentView } from '@carecircle/shared'
import { CARE_TYPE_LABELS } from '@carecircle/shared'
import { dayLabel, monthLong } from './calendar'
import { enrolmentPriceText, isMonthly } from './price'

/** 2026年5月起 全日托 / 5月20日 周三 09:00–12:00 计时托 */
export function enrolmentWhen(e: Pick<EnrolmentView, 'careType' | 'startMonth' | 'date' | 'startTime' | 'endTime'>): string {
  const label = CARE_TYPE_LABELS[e.careType]
  if (isMonthly(e.careType)) return e.startMonth ? `${monthLong(e.startMonth)}起 ${label}` : label
  const day = e.date ? dayLabel(e.date.slice(0, 10)) : ''
  const time = e.startTime && e.endTime ? ` ${e.startTime.slice(0, 5)}–${e.endTime.slice(0, 5)}` : ''
  return `${day}${time} ${label}`
}

export function enrolmentPrice(e: Pick<EnrolmentView, 'careType' | 'priceFen'>): string {
  return enrolmentPriceText(e.careType, e.priceFen)
}

/** Active places first (newest first within each group). */
export function sortEnrolments<T extends Pick<EnrolmentView, 'status' | 'createdAt'>>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => Number(b.status === 'active') - Number(a.status === 'active') || b.createdAt.localeCompare(a.createdAt))
}

/** 在托 / 已退托 for a monthly place; 已预约 / 已取消 for a day of 计时托 or 临时托. */
export function enrolmentStatusText(e: Pick<EnrolmentView, 'careType' | 'status'>): string {
  const monthly = isMonthly(e.careType)
  if (e.status === 'active') return monthly ? '在托' : '已预约'
  return monthly ? '已退托' : '已取消'
}

/** What ending it is called: 退托 (a monthly place) or 取消预约 (a day). */
export function withdrawLabel(e: Pick<EnrolmentView, 'careType'>): string {
  return isMonthly(e.careType) ? '退托' : '取消预约'
}

/** The child's active monthly place, if any (a second one is refused: 如需换班请先退托). */
export function activeMonthlyPlace<T extends Pick<EnrolmentView, 'childId' | 'careType' | 'status'>>(list: readonly T[], childId: string): T | null {
  return list.find((e) => e.childId === childId && e.status === 'active' && isMonthly(e.careType)) ?? null
}
