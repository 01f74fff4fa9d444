import type { ElderView, ServiceTypeView } from '@carecircle/shared'
import { buildSlotDays } from '../../../../../utils/time-slots'
import { type OrderFormValues, effectiveWhen, emptyOrderForm, toCreateOrderInput, validateOrderForm } from '../order-form'

const cleaning: ServiceTypeView = {
  code: 'cleaning', name: '助洁', description: '居室清洁', durationMinutes: 120, basePriceFen: 8000,
  requiredSkill: 'cleaning', requiredCertificate: null, urgent: false,
}
const emergency: ServiceTypeView = { ...cleaning, code: 'emergency', name: '助急', durationMinutes: 60, requiredSkill: 'emergency', urgent: true }
const elder = {
  id: 'e1', name: '王建国', address: '玉山镇朝阳新村 12 栋 301 室', location: { lat: 31.391, lng: 120.977 },
} as ElderView

const now = new Date(2026, 10, 27, 9, 30)
const days = buildSlotDays(now, 120)
const ctx = { service: cleaning, elder, days }
const filled = (patch: Partial<OrderFormValues> = {}): OrderFormValues => ({ ...emptyOrderForm('e1'), address: elder.address, ...patch })

describe('validateOrderForm', () => {
  it('asks for the elder first and an address', () => {
    expect(validateOrderForm(emptyOrderForm(), ctx)).toEqual({ elderId: '请选择为哪位老人下单', address: '请填写服务地址' })
    expect(validateOrderForm(filled(), ctx)).toEqual({})
  })

  it('needs a window when booking for later, and refuses one that is greyed out', () => {
    expect(validateOrderForm(filled({ when: 'slot' }), ctx).windowStart).toBe('请选择上门时间段，或选「尽快上门」')
    const past = days[0].slots[0]
    expect(validateOrderForm(filled({ when: 'slot', slotKey: past.key }), ctx).windowStart).toBe('这个时间段已过，请换一个')
    expect(validateOrderForm(filled({ when: 'slot', slotKey: days[1].slots[0].key }), ctx)).toEqual({})
  })

  it('limits the notes to what the server accepts', () => {
    expect(validateOrderForm(filled({ notes: '字'.repeat(501) }), ctx).notes).toBe('备注最多 500 个字')
  })
})

describe('toCreateOrderInput', () => {
  it('omits the window for 尽快上门 and the address when it is the elder’s home', () => {
    expect(toCreateOrderInput(filled({ notes: '  请先敲门 ' }), ctx)).toEqual({ elderId: 'e1', serviceCode: 'cleaning', notes: '请先敲门' })
  })

  it('sends the chosen window as ISO times', () => {
    const slot = days[1].slots[2]
    const input = toCreateOrderInput(filled({ when: 'slot', slotKey: slot.key }), ctx)
    expect(input.windowStart).toBe(slot.start.toISOString())
    expect(input.windowEnd).toBe(slot.end.toISOString())
    expect(new Date(input.windowEnd!).getTime() - new Date(input.windowStart!).getTime()).toBeGreaterThanOrEqual(cleaning.durationMinutes * 60_000)
  })

  it('sends an edited address with the elder’s home position (the server needs both)', () => {
    const input = toCreateOrderInput(filled({ address: '玉山镇朝阳新村 12 栋 301 室（二单元）' }), ctx)
    expect(input.address).toBe('玉山镇朝阳新村 12 栋 301 室（二单元）')
    expect(input.location).toEqual(elder.location)
  })

  it('never books 助急 for later: it is dispatched at once', () => {
    const values = filled({ when: 'slot', slotKey: days[1].slots[0].key })
    expect(effectiveWhen(values, emergency)).toBe('asap')
    expect(validateOrderForm(values, { ...ctx, service: emergency })).toEqual({})
    const input = toCreateOrderInput(values, { ...ctx, service: emergency })
    expect(input.windowStart).toBeUndefined()
    expect(input.windowEnd).toBeUndefined()
  })
})
