import { noSubsidyReason } from '../subsidy-month'

describe('noSubsidyReason', () => {
  it('says to declare a category when none is declared, whatever the standing says', () => {
    expect(noSubsidyReason({ category: 'none', standing: 'unverified', standingNote: '补贴类别待街道核验，核验通过后享受补贴', rules: [] })).toBe('还没有申报补贴类别，暂不享受补贴。可在上方「补贴类别」处申报。')
  })

  it('passes the server’s standing note on, and says so when a verified category has no rule this month', () => {
    expect(noSubsidyReason({ category: 'dibao', standing: 'rejected', standingNote: '补贴类别核验未通过，暂不享受补贴', rules: [] })).toBe('补贴类别核验未通过，暂不享受补贴')
    expect(noSubsidyReason({ category: 'dibao', standing: 'verified', standingNote: null, rules: [] })).toBe('本地区本月没有适用于「低保」的补贴项目。')
    expect(noSubsidyReason({ category: 'dibao', standing: 'verified', standingNote: null, rules: [{}] as never })).toBeNull()
  })
})
