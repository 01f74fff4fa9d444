import type { CreateElderInput, ElderView, UpdateElderInput } from '@carecircle/shared'
import { expectRecord } from './guards'
import { api } from './request'

const enc = encodeURIComponent
const ELDER_KEYS = [
  'id', 'name', 'gender', 'age', 'idNumberMasked', 'address', 'location',
  'livingSituation', 'subsidyCategory', 'subsidyVerification', 'emergencyContacts', 'dietaryNeeds',
] as const

export async function createElder(householdId: string, input: CreateElderInput): Promise<ElderView> {
  return expectRecord<ElderView>(await api.post(`/api/households/${enc(householdId)}/elders`, input), ['id'])
}

export async function getElder(id: string): Promise<ElderView> {
  return expectRecord<ElderView>(await api.get(`/api/elders/${enc(id)}`), ELDER_KEYS)
}

export async function updateElder(id: string, input: UpdateElderInput): Promise<ElderView> {
  return expectRecord<ElderView>(await api.patch(`/api/elders/${enc(id)}`, input), ['id'])
}

export function deleteElder(id: string): Promise<void> {
  return api.del(`/api/elders/${enc(id)}`)
}
