import type {
  ChildcareCentreView,
  EnrolInput,
  EnrolmentView,
  EnrolResultView,
  GeoPoint,
  PickupPersonInput,
  PickupPersonView,
  PriorityFactDecisionInput,
  RosterView,
  WaitlistEntryView,
} from '@carecircle/shared'
import { invalidResponse } from './api-error'
import { expectList, expectRecord } from './guards'
import { api } from './request'

const enc = encodeURIComponent
const ENROLMENT_KEYS = ['id', 'childId', 'classId', 'careType', 'status'] as const
const WAITLIST_KEYS = ['id', 'childId', 'classId', 'status', 'reasons'] as const
const ROSTER_KEYS = ['classId', 'date', 'children'] as const

/** One line of a waitlist entry's history, as the centre sees it. */
export interface WaitlistLogLine {
  event: string
  note: string | null
  at: string
}

export type CentreWaitlistEntryView = WaitlistEntryView & { log: WaitlistLogLine[] }

/**
 * A roster child. `pickupPersons` is read when the server sends it (the authorised list for the
 * check-out choice); today's server does not, see `listPickupPersons` for the fallback.
 */
export type RosterChild = RosterView['children'][number]
export type Roster = Omit<RosterView, 'children'> & { children: RosterChild[] }

/** Centres nearest first (distance only when a point is given), with their classes, places and prices. */
export async function listCentres(from?: GeoPoint | null): Promise<ChildcareCentreView[]> {
  const query = from ? { lat: from.lat, lng: from.lng } : undefined
  return expectList<ChildcareCentreView>(await api.get('/api/childcare/centres', query))
}

/**
 * Books a monthly place or a day, or joins the waitlist (`waitlistIfFull`). The same key with the
 * same input answers with what was already made, so a retry never books twice.
 */
export async function enrol(input: EnrolInput, idempotencyKey: string): Promise<EnrolResultView> {
  const data = await api.request({ method: 'POST', path: '/api/childcare/enrolments', data: input, headers: { 'Idempotency-Key': idempotencyKey } })
  const result = expectRecord<EnrolResultView>(data, [])
  if (!result.enrolment && !result.waitlist) throw invalidResponse()
  return result
}

/** Places of every household I belong to, newest first. */
export async function listEnrolments(): Promise<EnrolmentView[]> {
  return expectList<EnrolmentView>(await api.get('/api/childcare/enrolments'))
}

/** 退托: the place goes to the first child on the waitlist. */
export async function withdrawEnrolment(id: string): Promise<EnrolmentView> {
  return expectRecord<EnrolmentView>(await api.post(`/api/childcare/enrolments/${enc(id)}/withdraw`), ENROLMENT_KEYS)
}

/** My waitlist entries: position, score and the reasons for the order. */
export async function listWaitlist(): Promise<WaitlistEntryView[]> {
  return expectList<WaitlistEntryView>(await api.get('/api/childcare/waitlist'))
}

/** 确认入托: the held place becomes an enrolment. */
export async function acceptOffer(entryId: string): Promise<EnrolmentView> {
  return expectRecord<EnrolmentView>(await api.post(`/api/childcare/waitlist/${enc(entryId)}/accept`), ENROLMENT_KEYS)
}

/** 放弃 the held place: it goes to the next child. */
export async function declineOffer(entryId: string): Promise<WaitlistEntryView> {
  return expectRecord<WaitlistEntryView>(await api.post(`/api/childcare/waitlist/${enc(entryId)}/decline`), WAITLIST_KEYS)
}

export async function leaveWaitlist(entryId: string): Promise<WaitlistEntryView> {
  return expectRecord<WaitlistEntryView>(await api.post(`/api/childcare/waitlist/${enc(entryId)}/leave`), WAITLIST_KEYS)
}

/** A child's authorised pick-up persons (phones masked). Household members only. */
export async function listPickupPersons(childId: string): Promise<PickupPersonView[]> {
  return expectList<PickupPersonView>(await api.get(`/api/children/${enc(childId)}/pickup-persons`))
}

export async function addPickupPerson(childId: string, input: PickupPersonInput): Promise<PickupPersonView> {
  return expectRecord<PickupPersonView>(await api.post(`/api/children/${enc(childId)}/pickup-persons`, input), ['id', 'name'])
}

export function removePickupPerson(childId: string, personId: string): Promise<void> {
  return api.del(`/api/children/${enc(childId)}/pickup-persons/${enc(personId)}`)
}

// ---- centre staff and operators ------------------------------------------------------------------

/** A class's children on a day (today when no date), with check-in/out times and who picked them up. */
export async function getRoster(classId: string, date?: string): Promise<Roster> {
  return expectRecord<Roster>(await api.get(`/api/childcare/classes/${enc(classId)}/roster`, date ? { date } : undefined), ROSTER_KEYS)
}

export async function checkIn(classId: string, childId: string): Promise<Roster> {
  return expectRecord<Roster>(await api.post(`/api/childcare/classes/${enc(classId)}/check-in`, { childId }), ROSTER_KEYS)
}

/** 403 CHILDCARE.PICKUP_NOT_AUTHORISED when the person is not on the child's list (nothing changes then). */
export async function checkOut(classId: string, childId: string, pickupPersonId: string | null): Promise<Roster> {
  const body = pickupPersonId ? { childId, pickupPersonId } : { childId }
  return expectRecord<Roster>(await api.post(`/api/childcare/classes/${enc(classId)}/check-out`, body), ROSTER_KEYS)
}

/** The centre's waitlist, in queue order, each entry with its history. */
export async function listCentreWaitlist(centreId: string): Promise<CentreWaitlistEntryView[]> {
  return expectList<CentreWaitlistEntryView>(await api.get(`/api/childcare/centres/${enc(centreId)}/waitlist`))
}

/**
 * 核验 a declared priority: verified scores it, refused needs a note saying what the family should
 * bring. The entry's score changes, so the centre's queue re-ranks.
 */
export async function decidePriorityFact(entryId: string, fact: string, input: PriorityFactDecisionInput): Promise<WaitlistEntryView> {
  return expectRecord<WaitlistEntryView>(await api.post(`/api/childcare/waitlist/${enc(entryId)}/facts/${enc(fact)}/decision`, input), WAITLIST_KEYS)
}
