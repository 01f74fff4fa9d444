import type { ElderView, MealBookingView } from '@carecircle/shared'
import { shanghaiDate, subsidyStanding } from '@carecircle/shared'
import { listMealBookings, listSubsidyPolicies } from '../../../services/meals'
import { listRegions } from '../../../services/regions'
import { type MealSubsidyContext, mealRule, policyInForce, regionChain, usedMealSubsidy } from './price'

export interface ElderMealContext {
  subsidy: MealSubsidyContext
  /** The elder's bookings (the checkout warns before booking the same meal twice). */
  bookings: MealBookingView[]
}

/**
 * Gathers what the price estimate needs: the subsidy table in force for the elder's region (walking
 * up to the street and district), the elder's meal rule, and what this month's bookings already used.
 */
export async function loadElderMealContext(elder: ElderView, now: Date = new Date()): Promise<ElderMealContext> {
  // The elder view carries no valid-until date: the server's quote at booking has the last word on an expired category.
  const standing = subsidyStanding(elder.subsidyVerification, null, shanghaiDate(now))
  const [regions, bookings] = await Promise.all([listRegions(), listMealBookings(elder.id)])
  let policy = null
  for (const regionId of regionChain(elder.regionId, regions)) {
    policy = policyInForce(await listSubsidyPolicies(regionId), now)
    if (policy) break
  }
  const rule = mealRule(policy, elder.subsidyCategory)
  return { subsidy: { rule, usedFen: rule ? usedMealSubsidy(bookings, elder.id, now) : 0, standing }, bookings }
}
