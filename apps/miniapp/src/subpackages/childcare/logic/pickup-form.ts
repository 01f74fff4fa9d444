import { isValidMobilePhone, type PickupPersonInput } from '@carecircle/shared'

export interface PickupFormValues {
  name: string
  phone: string
  relation: string
}

export const PICKUP_FORM_KEYS = ['name', 'phone', 'relation'] as const
export const RELATIONS = ['爸爸', '妈妈', '爷爷', '奶奶', '外公', '外婆'] as const

export function emptyPickupForm(): PickupFormValues {
  return { name: '', phone: '', relation: '' }
}

/** The same limits the server checks (name ≤ 40, relation ≤ 20, an 11-digit mainland mobile). */
export function validatePickupForm(v: PickupFormValues): Record<string, string> {
  const errors: Record<string, string> = {}
  const name = v.name.trim()
  if (!name) errors.name = '请填写接送人姓名'
  else if (name.length > 40) errors.name = '姓名最多 40 个字'
  if (!v.phone.trim()) errors.phone = '请填写手机号'
  else if (!isValidMobilePhone(v.phone)) errors.phone = '手机号应为 11 位手机号码'
  const relation = v.relation.trim()
  if (!relation) errors.relation = '请选择或填写与孩子的关系'
  else if (relation.length > 20) errors.relation = '关系最多 20 个字'
  return errors
}

export function toPickupInput(v: PickupFormValues): PickupPersonInput {
  return { name: v.name.trim(), phone: v.phone.trim(), relation: v.relation.trim() }
}
