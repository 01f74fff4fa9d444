import type {
  CreateHouseholdInput,
  HouseholdSummaryView,
  HouseholdView,
  InviteView,
  JoinHouseholdInput,
} from '@carecircle/shared'
import { expectList, expectRecord } from './guards'
import { api } from './request'

const enc = encodeURIComponent
const HOUSEHOLD_KEYS = ['id', 'name', 'myRole', 'members', 'elders', 'children'] as const

export async function listHouseholds(): Promise<HouseholdSummaryView[]> {
  return expectList<HouseholdSummaryView>(await api.get('/api/households'))
}

export async function createHousehold(input: CreateHouseholdInput): Promise<HouseholdView> {
  return expectRecord<HouseholdView>(await api.post('/api/households', input), ['id', 'name'])
}

export async function getHousehold(id: string): Promise<HouseholdView> {
  return expectRecord<HouseholdView>(await api.get(`/api/households/${enc(id)}`), HOUSEHOLD_KEYS)
}

export async function createInvite(householdId: string): Promise<InviteView> {
  return expectRecord<InviteView>(await api.post(`/api/households/${enc(householdId)}/invites`), ['code', 'expiresAt'])
}

export async function joinHousehold(input: JoinHouseholdInput): Promise<HouseholdView> {
  return expectRecord<HouseholdView>(await api.post('/api/households/join', input), ['id', 'name'])
}
