import type { ChildView, CreateChildInput, UpdateChildInput } from '@carecircle/shared'
import { expectRecord } from './guards'
import { api } from './request'

const enc = encodeURIComponent
const CHILD_KEYS = ['id', 'name', 'birthDate', 'ageMonths'] as const

export async function createChild(householdId: string, input: CreateChildInput): Promise<ChildView> {
  return expectRecord<ChildView>(await api.post(`/api/households/${enc(householdId)}/children`, input), ['id'])
}

export async function getChild(id: string): Promise<ChildView> {
  return expectRecord<ChildView>(await api.get(`/api/children/${enc(id)}`), CHILD_KEYS)
}

export async function updateChild(id: string, input: UpdateChildInput): Promise<ChildView> {
  return expectRecord<ChildView>(await api.patch(`/api/children/${enc(id)}`, input), ['id'])
}

export function deleteChild(id: string): Promise<void> {
  return api.del(`/api/children/${enc(id)}`)
}
