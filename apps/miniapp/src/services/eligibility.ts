import type { DeclareEligibilityInput, ElderSubsidyMonthView, EligibilityStatusView } from '@carecircle/shared'
import { expectRecord } from './guards'
import { api } from './request'

const enc = encodeURIComponent

/** The elder's declared subsidy category and the 街道's decision on it. */
export async function getEligibility(elderId: string): Promise<EligibilityStatusView> {
  return expectRecord<EligibilityStatusView>(await api.get(`/api/elders/${enc(elderId)}/eligibility`), ['elderId', 'category', 'verification'])
}

/** Declares a subsidy category with a note on the evidence; it applies only once the 街道 verifies it. */
export async function declareEligibility(elderId: string, input: DeclareEligibilityInput): Promise<void> {
  expectRecord<{ elderId: string }>(await api.post(`/api/elders/${enc(elderId)}/eligibility`, input), ['elderId'])
}

/** This month's subsidy per rule (or 基本养老服务清单 item): the entitlement, what is used and left, or why there is none. */
export async function getSubsidyMonth(elderId: string): Promise<ElderSubsidyMonthView> {
  return expectRecord<ElderSubsidyMonthView>(await api.get(`/api/elders/${enc(elderId)}/subsidy-month`), ['elderId', 'month', 'standing', 'rules'])
}
