import { ErrorCode } from '@carecircle/shared'
import { ApiError } from '../../services/api-error'
import { formErrorsFromApi } from '../api-form-errors'
import { elderFormKeys, emptyElderForm } from '../elder-form'
import { clearFieldErrors, firstError, mapFieldErrors } from '../field-errors'

describe('mapFieldErrors', () => {
  const keys = ['name', 'location', 'location.lat', 'location.lng', 'emergencyContacts', 'emergencyContacts.0.phone']

  it('puts each message under the field whose key is its path', () => {
    const { byField, general } = mapFieldErrors(
      [
        { field: 'name', message: '请填写姓名' },
        { field: 'location.lat', message: '纬度超出范围' },
        { field: 'emergencyContacts.0.phone', message: '手机号格式不正确' },
      ],
      keys,
    )
    expect(byField).toEqual({ name: '请填写姓名', 'location.lat': '纬度超出范围', 'emergencyContacts.0.phone': '手机号格式不正确' })
    expect(general).toEqual([])
  })

  it('falls back to the longest key that is a dotted prefix of the path', () => {
    const { byField } = mapFieldErrors(
      [
        { field: 'location.accuracy', message: '位置精度不足' },
        { field: 'emergencyContacts.1.name', message: '请填写联系人姓名' },
      ],
      keys,
    )
    expect(byField).toEqual({ location: '位置精度不足', emergencyContacts: '请填写联系人姓名' })
  })

  it('does not treat a key as a prefix of a longer word (name ≠ nameInitials)', () => {
    const { byField, general } = mapFieldErrors([{ field: 'nameInitials', message: '无效' }], keys)
    expect(byField).toEqual({})
    expect(general).toEqual(['无效'])
  })

  it('sends paths the form does not show to the general list, once each', () => {
    const { general } = mapFieldErrors(
      [
        { field: 'body', message: '请求体不是有效的 JSON' },
        { field: 'body', message: '请求体不是有效的 JSON' },
      ],
      keys,
    )
    expect(general).toEqual(['请求体不是有效的 JSON'])
  })

  it('keeps the first message when a field has several', () => {
    const { byField } = mapFieldErrors(
      [
        { field: 'name', message: '第一条' },
        { field: 'name', message: '第二条' },
      ],
      keys,
    )
    expect(byField.name).toBe('第一条')
  })

  it('maps the server paths of an elder form with contact rows', () => {
    const values = { ...emptyElderForm(), emergencyContacts: [{ name: '', phone: '', relation: '' }, { name: '', phone: '', relation: '' }] }
    const { byField } = mapFieldErrors([{ field: 'emergencyContacts.1.relation', message: '请填写关系' }], elderFormKeys(values))
    expect(byField).toEqual({ 'emergencyContacts.1.relation': '请填写关系' })
  })
})

describe('clearFieldErrors and firstError', () => {
  it('clears a field and what lies under it, and nothing else', () => {
    const errors = { location: 'a', 'location.lat': 'b', locationNote: 'c', name: 'd' }
    expect(clearFieldErrors(errors, 'location')).toEqual({ locationNote: 'c', name: 'd' })
  })

  it('returns the same object when nothing was cleared (no needless re-render)', () => {
    const errors = { name: 'x' }
    expect(clearFieldErrors(errors, 'phone')).toBe(errors)
  })

  it('finds the first message among several keys', () => {
    expect(firstError({ 'location.lng': '经度有误' }, 'location', 'location.lat', 'location.lng')).toBe('经度有误')
    expect(firstError({}, 'location')).toBeUndefined()
  })
})

describe('formErrorsFromApi', () => {
  const keys = ['name', 'idNumber', 'regionId']

  it('uses the field list when the server sent one', () => {
    const err = new ApiError({
      statusCode: 400,
      error: ErrorCode.VALIDATION_FAILED,
      message: '提交的内容有误',
      details: { fields: [{ field: 'idNumber', message: '身份证号校验位不正确' }] },
    })
    expect(formErrorsFromApi(err, keys)).toEqual({ byField: { idNumber: '身份证号校验位不正确' }, general: [] })
  })

  it('puts an error code that is about one field under that field', () => {
    const err = new ApiError({ statusCode: 409, error: ErrorCode.ELDER_ID_NUMBER_TAKEN, message: '这位老人已在其他家庭登记' })
    expect(formErrorsFromApi(err, keys, { [ErrorCode.ELDER_ID_NUMBER_TAKEN]: 'idNumber' })).toEqual({
      byField: { idNumber: '这位老人已在其他家庭登记' },
      general: [],
    })
  })

  it('returns anything else as a general message', () => {
    const err = new ApiError({ statusCode: 403, error: ErrorCode.HOUSEHOLD_OWNER_ONLY, message: '只有创建者可以这样做' })
    expect(formErrorsFromApi(err, keys, { [ErrorCode.ELDER_ID_NUMBER_TAKEN]: 'idNumber' })).toEqual({
      byField: {},
      general: ['只有创建者可以这样做'],
    })
    expect(formErrorsFromApi(new Error('boom'), keys).general).toEqual(['boom'])
  })
})
