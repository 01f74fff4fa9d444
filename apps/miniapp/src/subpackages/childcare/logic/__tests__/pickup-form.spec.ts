import { toPickupInput, validatePickupForm } from '../pickup-form'

describe('pick-up person form', () => {
  it('asks for a name, an 11-digit mobile and the relation', () => {
    expect(validatePickupForm({ name: ' ', phone: '', relation: '' })).toEqual({ name: '请填写接送人姓名', phone: '请填写手机号', relation: '请选择或填写与孩子的关系' })
    expect(validatePickupForm({ name: '李奶奶', phone: '1390000111', relation: '奶奶' })).toEqual({ phone: '手机号应为 11 位手机号码' })
    expect(validatePickupForm({ name: '李奶奶', phone: '13900001111', relation: '奶奶' })).toEqual({})
  })

  it('sends trimmed values', () => {
    expect(toPickupInput({ name: ' 李奶奶 ', phone: '13900001111 ', relation: ' 奶奶' })).toEqual({ name: '李奶奶', phone: '13900001111', relation: '奶奶' })
  })
})
