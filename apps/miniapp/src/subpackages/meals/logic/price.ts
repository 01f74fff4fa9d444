import type { MealBookingView, PriceBreakdown, RegionPolicyView, RegionView, SubsidyCategory, SubsidyRule, SubsidyStanding, SubsidyTable } from '@carecircle/shared'
import { findSubsidyRule, formatFen, priceBreakdown, shanghaiMonth } from '@carecircle/shared'

/** The subsidy rules as the server reads them: the service code of meals. */
export const MEAL_SUBSIDY_SERVICE = 'meal'

/** What the estimate before booking needs to know about the elder's subsidy. */
export interface MealSubsidyContext {
  rule: SubsidyRule | null
  /** Already received this month under the rule (the monthly cap counts it). */
  usedFen: number
  /** Only a verified category (not rejected, not run out) gets a subsidy; the others say why not. */
  standing: SubsidyStanding
}

/** The region itself, then its street, then its district: a community inherits its street's table. */
export function regionChain(regionId: string | null, regions: readonly RegionView[]): string[] {
  const chain: string[] = []
  let current = regions.find((r) => r.id === regionId) ?? null
  while (current && !chain.includes(current.id)) {
    chain.push(current.id)
    current = current.parentId ? regions.find((r) => r.id === current!.parentId) ?? null : null
  }
  return chain
}

/** The table in force at `at` among one region's versions: latest effective date, then latest version. */
export function policyInForce(policies: readonly RegionPolicyView[], at: Date): RegionPolicyView | null {
  const due = policies.filter((p) => Date.parse(p.effectiveFrom) <= at.getTime())
  due.sort((a, b) => Date.parse(b.effectiveFrom) - Date.parse(a.effectiveFrom) || b.version - a.version)
  return due[0] ?? null
}

export function mealRule(policy: RegionPolicyView | null, category: SubsidyCategory): SubsidyRule | null {
  const table = policy && typeof policy.rules === 'object' && policy.rules !== null && Array.isArray((policy.rules as SubsidyTable).rules) ? (policy.rules as SubsidyTable) : null
  return findSubsidyRule(table, category, MEAL_SUBSIDY_SERVICE)
}

/** Meal subsidy this elder has had this month (Asia/Shanghai): bookings not cancelled, which gave theirs back. */
export function usedMealSubsidy(bookings: readonly MealBookingView[], elderId: string, at: Date): number {
  const month = shanghaiMonth(at)
  return bookings
    .filter((b) => b.elderId === elderId && b.status !== 'cancelled' && shanghaiMonth(new Date(b.createdAt)) === month)
    .reduce((sum, b) => sum + b.price.subsidyFen, 0)
}

/**
 * Price, subsidy and what the family pays, worked out as the server will at booking: the rule's
 * amount on the food (and on the delivery fee where the rule covers it), within the month's cap.
 * The booking's own figures are final; this is what the checkout shows before confirming.
 */
export function estimateMealPrice(foodFen: number, deliveryFeeFen: number, ctx: MealSubsidyContext): PriceBreakdown {
  const subsidisable = foodFen + (ctx.rule?.includesDeliveryFee ? deliveryFeeFen : 0)
  const breakdown = priceBreakdown(subsidisable, ctx.rule, ctx.usedFen, ctx.standing)
  const total = foodFen + deliveryFeeFen
  return { ...breakdown, priceFen: total, payFen: total - breakdown.subsidyFen }
}

/** Why the subsidy is what it is, in a family's words: 「高龄」老人每餐补贴 ¥3.00，每月最多 ¥90.00. */
export function subsidyExplanation(price: Pick<PriceBreakdown, 'subsidyNote'>, ctx: MealSubsidyContext, categoryLabel: string): string {
  const rule = ctx.rule
  // The cap and verification notes already say what matters.
  if (!rule || ctx.standing !== 'verified' || price.subsidyNote !== '政府补贴') return price.subsidyNote
  const each = rule.kind === 'fixed' ? `每餐补贴 ${formatFen(rule.amountFen ?? 0)}` : `每餐补贴餐费的 ${rule.percent ?? 0}%`
  return `「${categoryLabel}」老人${each}${rule.includesDeliveryFee ? '（送餐费也可补贴）' : ''}，每月最多 ${formatFen(rule.monthlyCapFen)}`
}

export interface MealPriceLine {
  key: 'food' | 'delivery' | 'subsidy' | 'pay'
  label: string
  value: string
}

/**
 * 餐费 / 送餐费 / 政府补贴 -¥x / 实付, each on its own line. `priceFen` includes the delivery fee (as
 * the booking's price does). Without a breakdown (the subsidy could not be worked out) the subsidy
 * line says when it is decided and the total is the undiscounted price.
 */
export function mealPriceLines(price: Pick<PriceBreakdown, 'priceFen' | 'subsidyFen' | 'payFen'> | null, foodFen: number, deliveryFeeFen: number, estimated: boolean): MealPriceLine[] {
  const lines: MealPriceLine[] = [{ key: 'food', label: '餐费', value: formatFen(foodFen) }]
  if (deliveryFeeFen > 0) lines.push({ key: 'delivery', label: '送餐费', value: formatFen(deliveryFeeFen) })
  if (!price) {
    lines.push({ key: 'subsidy', label: '政府补贴', value: '下单时计算' })
    lines.push({ key: 'pay', label: '合计（未减补贴）', value: formatFen(foodFen + deliveryFeeFen) })
    return lines
  }
  lines.push({ key: 'subsidy', label: estimated ? '政府补贴（预计）' : '政府补贴', value: price.subsidyFen > 0 ? formatFen(-price.subsidyFen) : formatFen(0) })
  lines.push({ key: 'pay', label: estimated ? '预计实付' : '实付', value: formatFen(price.payFen) })
  return lines
}
