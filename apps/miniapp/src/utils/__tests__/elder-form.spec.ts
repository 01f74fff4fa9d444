import type { ElderView } from '@carecircle/shared'
import {
  type ElderFormValues,
  elderFormFromView,
  emptyElderForm,
  toCreateElderInput,
  toUpdateElderInput,
  validateElderForm,
} from '../elder-form'
import { withCheckChar } from './id-fixtures'

const ID = withCheckChar('32058319450101002')

function filled(overrides: Partial<ElderFormValues> = {}): ElderFormValues {
  return {
    ...emptyElderForm(),
    name: ' 王建国 ',
    idNumber: ID,
    phone: '',
    address: '玉山镇朝阳新村 12 栋',
    livingSituation: 'alone',
    ...overrides,
  }
}

describe('validateElderForm', () => {
  it('accepts a complete form', () => {
    expect(validateElderForm(filled(), 'create')).toEqual({})
  })

  it('names every missing required field on an empty create form', () => {
    const errors = validateElderForm(emptyElderForm(), 'create')
    expect(Object.keys(errors).sort()).toEqual(['address', 'idNumber', 'livingSituation', 'name'])
  })

  it('checks the ID number with the shared GB 11643 rule (check character included)', () => {
    const wrongCheck = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1')
    expect(validateElderForm(filled({ idNumber: wrongCheck }), 'create').idNumber).toMatch(/身份证号格式不正确/)
    expect(validateElderForm(filled({ idNumber: ID.toLowerCase() }), 'create').idNumber).toBeUndefined()
  })

  it('lets an edit keep the stored ID number by leaving it empty', () => {
    expect(validateElderForm(filled({ idNumber: '' }), 'edit')).toEqual({})
    expect(validateElderForm(filled({ idNumber: '' }), 'create').idNumber).toBeDefined()
  })

  it('checks an optional phone only when given', () => {
    expect(validateElderForm(filled({ phone: '1381234567' }), 'create').phone).toBeDefined()
    expect(validateElderForm(filled({ phone: '13812345678' }), 'create').phone).toBeUndefined()
  })

  it('wants numbers for latitude and longitude, each under its own field', () => {
    const errors = validateElderForm(filled({ lat: '北纬31', lng: '' }), 'create')
    expect(errors['location.lat']).toBeDefined()
    expect(errors['location.lng']).toBeDefined()
  })

  it('refuses coordinates outside China, such as swapped latitude and longitude', () => {
    const errors = validateElderForm(filled({ lat: '120.981', lng: '31.385' }), 'create')
    expect(errors.location).toMatch(/填反/)
  })

  it('validates each emergency contact row under its own dotted key', () => {
    const errors = validateElderForm(
      filled({
        emergencyContacts: [
          { name: '王芳', phone: '13812345678', relation: '女儿' },
          { name: '', phone: '123', relation: ' ' },
        ],
      }),
      'create',
    )
    expect(errors).toEqual({
      'emergencyContacts.1.name': expect.any(String),
      'emergencyContacts.1.phone': expect.any(String),
      'emergencyContacts.1.relation': expect.any(String),
    })
  })
})

describe('toCreateElderInput', () => {
  it('trims text, parses coordinates, upper-cases the ID and leaves out empty optional fields', () => {
    const input = toCreateElderInput(filled({ idNumber: ID.toLowerCase(), lat: ' 31.4 ', lng: '120.9' }))
    expect(input).toEqual({
      name: '王建国',
      idNumber: ID.toUpperCase(),
      address: '玉山镇朝阳新村 12 栋',
      location: { lat: 31.4, lng: 120.9 },
      emergencyContacts: [],
      dietaryNeeds: [],
      livingSituation: 'alone',
      subsidyCategory: 'none',
    })
  })
})

describe('toUpdateElderInput', () => {
  const stored: ElderView = {
    id: 'e1',
    householdId: 'h1',
    name: '王建国',
    gender: 'male',
    age: 81,
    phoneMasked: null,
    address: '玉山镇朝阳新村 12 栋',
    livingSituation: 'alone',
    subsidyCategory: 'advanced_age',
    subsidyVerification: 'unverified',
    idNumberMasked: '3*****************',
    location: { lat: 31.385, lng: 120.981 },
    regionId: null,
    emergencyContacts: [{ name: '王芳', phone: '13812345678', relation: '女儿' }],
    healthNotes: null,
    dietaryNeeds: ['low_salt', 'soft'],
    createdAt: '2026-11-01T00:00:00Z',
    confirmation: { confirmOrders: true, timeoutMinutes: 30, onTimeout: 'proceed' },
    updatedAt: '2026-11-01T00:00:00Z',
  }

  it('is empty when nothing changed (dietary needs in another order count as unchanged)', () => {
    const values = { ...elderFormFromView(stored), dietaryNeeds: ['soft', 'low_salt'] as ElderFormValues['dietaryNeeds'] }
    expect(toUpdateElderInput(values, stored)).toEqual({})
  })

  it('carries only what changed, and the ID number only when a new one was typed', () => {
    const values = { ...elderFormFromView(stored), address: '新地址 3 号', livingSituation: 'with_family' as const, idNumber: ID }
    expect(toUpdateElderInput(values, stored)).toEqual({ address: '新地址 3 号', livingSituation: 'with_family', idNumber: ID })
  })

  it('sends the changed contact list whole', () => {
    const values = elderFormFromView(stored)
    values.emergencyContacts.push({ name: '王强', phone: '13900001111', relation: '儿子' })
    expect(toUpdateElderInput(values, stored).emergencyContacts).toHaveLength(2)
  })
})
