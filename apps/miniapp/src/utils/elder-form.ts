import type {
  CreateElderInput,
  DietaryNeed,
  ElderView,
  EmergencyContact,
  LivingSituation,
  UpdateElderInput,
} from '@carecircle/shared'
import { SubsidyCategory, isValidIdNumber, isValidMobilePhone, isWithinChina } from '@carecircle/shared'
import type { FieldErrors } from './field-errors'

/** The demo district near 昆山 (GCJ-02), the H5 default until the user types real coordinates. */
export const DEFAULT_LOCATION = { lat: 31.385, lng: 120.981 } as const

export interface ElderFormValues {
  name: string
  /** Empty on edit means "keep the stored number". */
  idNumber: string
  phone: string
  address: string
  /** Text, as typed (H5) or filled by the map picker (weapp). */
  lat: string
  lng: string
  regionId: string | null
  emergencyContacts: EmergencyContact[]
  healthNotes: string
  dietaryNeeds: DietaryNeed[]
  livingSituation: LivingSituation | null
  subsidyCategory: SubsidyCategory
}

export type ElderFormMode = 'create' | 'edit'

/** The server's limits (apps/server CreateElderDto), checked here first. */
export const LIMITS = { name: 40, address: 200, healthNotes: 500, contactName: 40, relation: 20, contacts: 5 } as const

export function emptyElderForm(): ElderFormValues {
  return {
    name: '',
    idNumber: '',
    phone: '',
    address: '',
    lat: String(DEFAULT_LOCATION.lat),
    lng: String(DEFAULT_LOCATION.lng),
    regionId: null,
    emergencyContacts: [],
    healthNotes: '',
    dietaryNeeds: [],
    livingSituation: null,
    subsidyCategory: SubsidyCategory.NONE,
  }
}

export function elderFormFromView(view: ElderView): ElderFormValues {
  return {
    name: view.name,
    idNumber: '',
    // The full number is not sent with the elder (only revealed for a call): like the ID number, typed anew to change it.
    phone: '',
    address: view.address,
    lat: String(view.location.lat),
    lng: String(view.location.lng),
    regionId: view.regionId,
    emergencyContacts: view.emergencyContacts.map((c) => ({ ...c })),
    healthNotes: view.healthNotes ?? '',
    dietaryNeeds: [...view.dietaryNeeds],
    livingSituation: view.livingSituation,
    subsidyCategory: view.subsidyCategory,
  }
}

/** Every key the form can show an error under, for mapping the server's field paths. */
export function elderFormKeys(values: ElderFormValues): string[] {
  const keys = [
    'name', 'idNumber', 'phone', 'address', 'location', 'location.lat', 'location.lng', 'regionId',
    'emergencyContacts', 'healthNotes', 'dietaryNeeds', 'livingSituation', 'subsidyCategory',
  ]
  values.emergencyContacts.forEach((_, i) => {
    keys.push(`emergencyContacts.${i}`, `emergencyContacts.${i}.name`, `emergencyContacts.${i}.phone`, `emergencyContacts.${i}.relation`)
  })
  return keys
}

function parseCoordinate(text: string): number | null {
  const trimmed = text.trim()
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return null
  return Number(trimmed)
}

export function validateElderForm(values: ElderFormValues, mode: ElderFormMode): FieldErrors {
  const errors: FieldErrors = {}
  const name = values.name.trim()
  if (!name) errors.name = '请填写老人姓名'
  else if (name.length > LIMITS.name) errors.name = `姓名不能超过 ${LIMITS.name} 个字`

  const idNumber = values.idNumber.trim()
  if (!idNumber) {
    if (mode === 'create') errors.idNumber = '请填写身份证号'
  } else if (!isValidIdNumber(idNumber)) {
    errors.idNumber = '身份证号格式不正确，请核对 18 位号码（含末位校验码）'
  }

  const phone = values.phone.trim()
  if (phone && !isValidMobilePhone(phone)) errors.phone = '请填写 11 位手机号'

  const address = values.address.trim()
  if (!address) errors.address = '请填写居住地址'
  else if (address.length > LIMITS.address) errors.address = `地址不能超过 ${LIMITS.address} 个字`

  const lat = parseCoordinate(values.lat)
  const lng = parseCoordinate(values.lng)
  if (lat === null) errors['location.lat'] = '请填写纬度，例如 31.385'
  if (lng === null) errors['location.lng'] = '请填写经度，例如 120.981'
  if (lat !== null && lng !== null && !isWithinChina({ lat, lng })) {
    errors.location = '位置不在中国境内，请检查纬度、经度是否填反'
  }

  if (values.emergencyContacts.length > LIMITS.contacts) {
    errors.emergencyContacts = `紧急联系人最多 ${LIMITS.contacts} 位`
  }
  values.emergencyContacts.forEach((contact, i) => {
    if (!contact.name.trim()) errors[`emergencyContacts.${i}.name`] = '请填写联系人姓名'
    else if (contact.name.trim().length > LIMITS.contactName) errors[`emergencyContacts.${i}.name`] = `联系人姓名不能超过 ${LIMITS.contactName} 个字`
    if (!isValidMobilePhone(contact.phone)) errors[`emergencyContacts.${i}.phone`] = '请填写 11 位手机号'
    if (!contact.relation.trim()) errors[`emergencyContacts.${i}.relation`] = '请填写与老人的关系'
    else if (contact.relation.trim().length > LIMITS.relation) errors[`emergencyContacts.${i}.relation`] = `关系不能超过 ${LIMITS.relation} 个字`
  })

  if (values.healthNotes.length > LIMITS.healthNotes) errors.healthNotes = `健康备注不能超过 ${LIMITS.healthNotes} 个字`
  if (!values.livingSituation) errors.livingSituation = '请选择居住情况'
  return errors
}

function trimContacts(contacts: EmergencyContact[]): EmergencyContact[] {
  return contacts.map((c) => ({ name: c.name.trim(), phone: c.phone.trim(), relation: c.relation.trim() }))
}

/** Call only after validateElderForm found nothing. */
export function toCreateElderInput(values: ElderFormValues): CreateElderInput {
  const input: CreateElderInput = {
    name: values.name.trim(),
    idNumber: values.idNumber.trim().toUpperCase(),
    address: values.address.trim(),
    location: { lat: Number(values.lat.trim()), lng: Number(values.lng.trim()) },
    emergencyContacts: trimContacts(values.emergencyContacts),
    dietaryNeeds: [...values.dietaryNeeds],
    livingSituation: values.livingSituation as LivingSituation,
    subsidyCategory: values.subsidyCategory,
  }
  if (values.phone.trim()) input.phone = values.phone.trim()
  if (values.regionId) input.regionId = values.regionId
  if (values.healthNotes.trim()) input.healthNotes = values.healthNotes.trim()
  return input
}

/**
 * Only what changed against the stored elder; the ID number only when a new one was typed.
 * A cleared phone or health note is sent as '' (UpdateElderInput has no null).
 */
export function toUpdateElderInput(values: ElderFormValues, original: ElderView): UpdateElderInput {
  const next = toCreateElderInput(values)
  const patch: UpdateElderInput = {}
  if (values.idNumber.trim()) patch.idNumber = values.idNumber.trim().toUpperCase()
  if (next.name !== original.name) patch.name = next.name
  if (values.phone.trim()) patch.phone = next.phone ?? ''
  if (next.address !== original.address) patch.address = next.address
  if (next.location.lat !== original.location.lat || next.location.lng !== original.location.lng) patch.location = next.location
  if ((next.regionId ?? null) !== (original.regionId ?? null) && next.regionId) patch.regionId = next.regionId
  if (JSON.stringify(next.emergencyContacts) !== JSON.stringify(original.emergencyContacts)) patch.emergencyContacts = next.emergencyContacts
  if ((next.healthNotes ?? '') !== (original.healthNotes ?? '')) patch.healthNotes = next.healthNotes ?? ''
  if ([...next.dietaryNeeds].sort().join() !== [...original.dietaryNeeds].sort().join()) patch.dietaryNeeds = next.dietaryNeeds
  if (next.livingSituation !== original.livingSituation) patch.livingSituation = next.livingSituation
  if (next.subsidyCategory !== original.subsidyCategory) patch.subsidyCategory = next.subsidyCategory
  return patch
}
