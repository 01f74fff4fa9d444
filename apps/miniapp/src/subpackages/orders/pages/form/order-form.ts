import type { CreateOrderInput, ElderView, ServiceTypeView } from '@carecircle/shared'
import type { FieldErrors } from '../../../../utils/field-errors'
import { type SlotDay, findSlot } from '../../../../utils/time-slots'

export type When = 'asap' | 'slot'

export interface OrderFormValues {
  elderId: string | null
  /** Prefilled from the elder's home; the family may add a building or room number. */
  address: string
  when: When
  slotKey: string | null
  notes: string
}

export const LIMITS = { address: 200, notes: 500 } as const

/** Server field paths the form shows, and where: the window's end under the time picker, the location under the address. */
export const ORDER_FORM_KEYS = ['elderId', 'address', 'location', 'windowStart', 'windowEnd', 'notes'] as const

export function emptyOrderForm(elderId: string | null = null): OrderFormValues {
  return { elderId, address: '', when: 'asap', slotKey: null, notes: '' }
}

/** 助急 is dispatched at once to everyone nearby: it cannot be booked for later. */
export function effectiveWhen(values: OrderFormValues, service: ServiceTypeView): When {
  return service.urgent ? 'asap' : values.when
}

export interface OrderFormContext {
  service: ServiceTypeView
  /** The chosen elder's record (home address and position); null until loaded. */
  elder: ElderView | null
  days: readonly SlotDay[]
}

export function validateOrderForm(values: OrderFormValues, ctx: OrderFormContext): FieldErrors {
  const errors: FieldErrors = {}
  if (!values.elderId) errors.elderId = '请选择为哪位老人下单'
  const address = values.address.trim()
  if (!address) errors.address = '请填写服务地址'
  else if (address.length > LIMITS.address) errors.address = `地址最多 ${LIMITS.address} 个字`
  if (effectiveWhen(values, ctx.service) === 'slot') {
    const slot = findSlot(ctx.days, values.slotKey)
    if (!slot) errors.windowStart = '请选择上门时间段，或选「尽快上门」'
    else if (!slot.available) errors.windowStart = `这个时间段${slot.reason ?? '不可选'}，请换一个`
  }
  if (values.notes.trim().length > LIMITS.notes) errors.notes = `备注最多 ${LIMITS.notes} 个字`
  return errors
}

/**
 * The request body. A window only when one is booked (omitted = 尽快上门). The address goes only
 * when the family changed it, with the elder's home position, which dispatch and check-in use.
 */
export function toCreateOrderInput(values: OrderFormValues, ctx: OrderFormContext): CreateOrderInput {
  if (!values.elderId) throw new Error('elderId is required')
  const input: CreateOrderInput = { elderId: values.elderId, serviceCode: ctx.service.code }
  if (effectiveWhen(values, ctx.service) === 'slot') {
    const slot = findSlot(ctx.days, values.slotKey)
    if (slot) {
      input.windowStart = slot.start.toISOString()
      input.windowEnd = slot.end.toISOString()
    }
  }
  const address = values.address.trim()
  if (ctx.elder && address && address !== ctx.elder.address.trim()) {
    input.address = address
    input.location = ctx.elder.location
  }
  const notes = values.notes.trim()
  if (notes) input.notes = notes
  return input
}
