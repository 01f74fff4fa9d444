import { TOO_OLD_MESSAGE, toCreateChildInput, validateChildForm } from '../child-form'
import { withCheckChar } from './id-fixtures'

const TODAY = '2026-11-27'

describe('validateChildForm', () => {
  it('accepts a child under three', () => {
    expect(validateChildForm({ name: '王小宝', birthDate: '2025-08-01', idNumber: '' }, TODAY)).toEqual({})
  })

  it('refuses a child who has turned three, with the reason', () => {
    expect(validateChildForm({ name: '王小宝', birthDate: '2023-11-27', idNumber: '' }, TODAY).birthDate).toBe(TOO_OLD_MESSAGE)
    // one day before the third birthday is still 35 months
    expect(validateChildForm({ name: '王小宝', birthDate: '2023-11-28', idNumber: '' }, TODAY).birthDate).toBeUndefined()
  })

  it('refuses birth dates in the future and malformed ones', () => {
    expect(validateChildForm({ name: 'a', birthDate: '2026-11-28', idNumber: '' }, TODAY).birthDate).toMatch(/晚于今天/)
    expect(validateChildForm({ name: 'a', birthDate: '2026-02-30', idNumber: '' }, TODAY).birthDate).toMatch(/格式/)
    expect(validateChildForm({ name: 'a', birthDate: '', idNumber: '' }, TODAY).birthDate).toMatch(/请选择/)
  })

  it('requires a name', () => {
    expect(validateChildForm({ name: '  ', birthDate: '2025-08-01', idNumber: '' }, TODAY).name).toBeDefined()
  })

  it('checks an optional ID number, and that its birth date matches the one entered', () => {
    const id = withCheckChar('32058320250801002')
    expect(validateChildForm({ name: 'a', birthDate: '2025-08-01', idNumber: id }, TODAY)).toEqual({})
    expect(validateChildForm({ name: 'a', birthDate: '2025-08-02', idNumber: id }, TODAY).idNumber).toMatch(/2025-08-01.*不一致/)
    expect(validateChildForm({ name: 'a', birthDate: '2025-08-01', idNumber: '12345' }, TODAY).idNumber).toMatch(/格式不正确/)
  })
})

describe('toCreateChildInput', () => {
  it('leaves out an empty ID number', () => {
    expect(toCreateChildInput({ name: ' 王小宝 ', birthDate: '2025-08-01', idNumber: ' ' })).toEqual({ name: '王小宝', birthDate: '2025-08-01' })
  })
})
