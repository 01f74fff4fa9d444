import { DECLARABLE_OPTIONS, declareButtonLabel, eligibilityLine, formatYmdCn, initialEligibilityForm, validateEligibilityForm } from '../eligibility'

const base = { category: 'dibao' as const, verification: 'unverified' as const, validUntil: null, decisionNote: null }

describe('validateEligibilityForm', () => {
  it('asks for a category and a note on the evidence', () => {
    expect(validateEligibilityForm({ category: null, evidenceNote: '  ' })).toEqual({
      category: '请选择补贴类别',
      evidenceNote: '请说明证明材料，例如证件名称和编号',
    })
  })

  it('refuses a note over the server’s 300 characters and accepts one at the limit', () => {
    expect(validateEligibilityForm({ category: 'dibao', evidenceNote: '证'.repeat(301) })).toEqual({ evidenceNote: '最多 300 个字' })
    expect(validateEligibilityForm({ category: 'dibao', evidenceNote: '证'.repeat(300) })).toEqual({})
  })

  it('does not offer 无 as a category to declare', () => {
    expect(DECLARABLE_OPTIONS.map((o) => o.value)).not.toContain('none')
    expect(DECLARABLE_OPTIONS.find((o) => o.value === 'dibao')?.label).toBe('低保')
  })
})

describe('initialEligibilityForm', () => {
  it('starts empty when nothing was declared, from the last declaration otherwise', () => {
    expect(initialEligibilityForm({ category: 'none', evidenceNote: null })).toEqual({ category: null, evidenceNote: '' })
    expect(initialEligibilityForm({ category: 'tekun', evidenceNote: '特困证 123' })).toEqual({ category: 'tekun', evidenceNote: '特困证 123' })
  })
})

describe('eligibilityLine', () => {
  it('shows the validity of a verified category', () => {
    expect(eligibilityLine({ ...base, verification: 'verified', validUntil: '2027-11-30' })).toEqual({ tone: 'ok', text: '有效期至 2027年11月30日' })
  })

  it('shows the 街道’s note on a rejection, or says what to do without one', () => {
    expect(eligibilityLine({ ...base, verification: 'rejected', decisionNote: '请补充低保证复印件' })).toEqual({ tone: 'bad', text: '街道说明：请补充低保证复印件' })
    expect(eligibilityLine({ ...base, verification: 'rejected' })?.text).toContain('重新申报')
  })

  it('says a declaration waits for the 街道, and nothing when no category is declared', () => {
    expect(eligibilityLine(base)?.text).toBe('已申报，等待街道核验；核验通过后才享受补贴。')
    expect(eligibilityLine({ ...base, category: 'none' })).toBeNull()
  })
})

describe('labels', () => {
  it('offers 申报 first and 重新申报 once a category is declared', () => {
    expect(declareButtonLabel({ category: 'none', verification: 'unverified' })).toBe('申报补贴类别')
    expect(declareButtonLabel({ category: 'dibao', verification: 'rejected' })).toBe('重新申报')
  })

  it('writes a calendar day in Chinese', () => {
    expect(formatYmdCn('2027-01-05')).toBe('2027年1月5日')
  })
})
