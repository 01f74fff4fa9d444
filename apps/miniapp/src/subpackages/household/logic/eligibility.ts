import type { EligibilityStatusView, SubsidyCategory, SubsidyVerification } from '@carecircle/shared'
import { SUBSIDY_CATEGORIES, SUBSIDY_CATEGORY_LABELS } from '@carecircle/shared'
import type { FieldErrors } from '../../../utils/field-errors'
import { textLength } from '../../../utils/text-length'

/** The server's limit (DeclareEligibilityDto). */
export const EVIDENCE_NOTE_MAX = 300

/** 无 is not something one declares; a family drops a category in the elder's profile. */
export const DECLARABLE_OPTIONS = SUBSIDY_CATEGORIES.filter((c) => c !== 'none').map((value) => ({ value, label: SUBSIDY_CATEGORY_LABELS[value] }))

export interface EligibilityFormValues {
  category: SubsidyCategory | null
  evidenceNote: string
}

export const ELIGIBILITY_FORM_KEYS = ['category', 'evidenceNote'] as const

/** Starts from what was declared before, so a 重新申报 after a rejection only changes what the 街道 asked for. */
export function initialEligibilityForm(status: Pick<EligibilityStatusView, 'category' | 'evidenceNote'> | undefined): EligibilityFormValues {
  if (!status || status.category === 'none') return { category: null, evidenceNote: '' }
  return { category: status.category, evidenceNote: status.evidenceNote ?? '' }
}

export function validateEligibilityForm(values: EligibilityFormValues): FieldErrors {
  const errors: FieldErrors = {}
  if (!values.category || values.category === 'none') errors.category = '请选择补贴类别'
  const length = textLength(values.evidenceNote)
  if (length === 0) errors.evidenceNote = '请说明证明材料，例如证件名称和编号'
  else if (length > EVIDENCE_NOTE_MAX) errors.evidenceNote = `最多 ${EVIDENCE_NOTE_MAX} 个字`
  return errors
}

type StatusLike = { category: SubsidyCategory; verification: SubsidyVerification }

export function hasDeclared(status: StatusLike): boolean {
  return status.category !== 'none'
}

export function declareButtonLabel(status: StatusLike): string {
  return hasDeclared(status) ? '重新申报' : '申报补贴类别'
}

/** 2027-11-30 → 2027年11月30日 (a calendar day, no time zone involved). */
export function formatYmdCn(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd)
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : ymd
}

export interface EligibilityLine {
  tone: 'ok' | 'warn' | 'bad'
  text: string
}

/** The one sentence under 补贴类别: until when it applies, why the 街道 said no, or that it still waits. */
export function eligibilityLine(status: Pick<EligibilityStatusView, 'category' | 'verification' | 'validUntil' | 'decisionNote'>): EligibilityLine | null {
  if (!hasDeclared(status)) return null
  switch (status.verification) {
    case 'verified':
      return status.validUntil ? { tone: 'ok', text: `有效期至 ${formatYmdCn(status.validUntil)}` } : { tone: 'ok', text: '街道已核验' }
    case 'rejected':
      return { tone: 'bad', text: status.decisionNote ? `街道说明：${status.decisionNote}` : '街道核验未通过，可补充材料后重新申报。' }
    case 'unverified':
      return { tone: 'warn', text: '已申报，等待街道核验；核验通过后才享受补贴。' }
  }
}
