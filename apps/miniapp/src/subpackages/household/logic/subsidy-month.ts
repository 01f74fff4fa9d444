import type { ElderSubsidyMonthView, ElderSubsidyRuleMonth } from '@carecircle/shared'
import { ENTITLEMENT_UNIT_LABELS, SUBSIDY_CATEGORY_LABELS, SUBSIDY_STANDING_NOTES, formatFen, type EntitlementUnit, type SubsidyCategory } from '@carecircle/shared'

export interface SubsidyRuleLine {
  key: string
  label: string
  /** 剩 ¥32.00 / 剩 3 次 / 剩 60 分钟 */
  left: string
  /** 本月 4 次，已用 1 次 / 本月上限 ¥40.00，已用 ¥8.00 */
  detail: string
  /** What the family pays or what each use is subsidised (每次自付 ¥3.00 / 每次补贴 ¥8.00 / 补贴 50%). */
  terms: string | null
  usedUp: boolean
}

function amount(value: number, unit: EntitlementUnit): string {
  return unit === 'fen' ? formatFen(value) : `${value} ${ENTITLEMENT_UNIT_LABELS[unit]}`
}

function termsOf(rule: ElderSubsidyRuleMonth): string | null {
  if (rule.copayText) return rule.copayText
  if (rule.kind === 'fixed' && rule.amountFen !== null) return `每次补贴 ${formatFen(rule.amountFen)}`
  if (rule.kind === 'percent' && rule.percent !== null) return `补贴价格的 ${rule.percent}%`
  return null
}

/**
 * One rule as the family reads it: a 基本养老服务清单 item in its own unit (uses, minutes or money),
 * a subsidy-table row in money against its monthly cap.
 */
export function subsidyRuleLine(rule: ElderSubsidyRuleMonth): SubsidyRuleLine {
  const base = { key: rule.ruleKey, label: rule.label, terms: termsOf(rule) }
  if (rule.entitlement) {
    const { unit, perMonth, used, remaining } = rule.entitlement
    return { ...base, left: `剩 ${amount(remaining, unit)}`, detail: `本月 ${amount(perMonth, unit)}，已用 ${amount(used, unit)}`, usedUp: remaining <= 0 }
  }
  if (rule.monthlyCapFen !== null && rule.remainingFen !== null) {
    return { ...base, left: `剩 ${formatFen(rule.remainingFen)}`, detail: `本月上限 ${formatFen(rule.monthlyCapFen)}，已用 ${formatFen(rule.usedFen)}`, usedUp: rule.remainingFen <= 0 }
  }
  return { ...base, left: `已用 ${formatFen(rule.usedFen)}`, detail: '本月不设上限', usedUp: false }
}

function categoryLabel(category: string): string {
  return SUBSIDY_CATEGORY_LABELS[category as SubsidyCategory] ?? category
}

/** Why this month has no subsidy, or null when the rules apply. */
export function noSubsidyReason(view: Pick<ElderSubsidyMonthView, 'standing' | 'standingNote' | 'category' | 'rules'>): string | null {
  if (view.category === 'none') return '还没有申报补贴类别，暂不享受补贴。可在上方「补贴类别」处申报。'
  if (view.standing !== 'verified') return view.standingNote ?? SUBSIDY_STANDING_NOTES[view.standing]
  if (view.rules.length === 0) return `本地区本月没有适用于「${categoryLabel(view.category)}」的补贴项目。`
  return null
}

export function sourceText(view: Pick<ElderSubsidyMonthView, 'source'>): string {
  return view.source === 'basic_service_list' ? '按本地区基本养老服务清单' : '按本地区养老服务补贴标准'
}

/** 2026-11 → 2026年11月 */
export function monthTitle(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return `${y}年${m}月`
}
