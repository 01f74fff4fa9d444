import type { DeclareEligibilityInput, EligibilityStatusView } from '@carecircle/shared'
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
