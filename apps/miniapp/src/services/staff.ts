import type {
  CheckInInput,
  CheckOutInput,
  GeoPoint,
  JobView,
  OfferView,
  OrderView,
  StaffMeView,
} from '@carecircle/shared'
import { expectList, expectRecord } from './guards'
import { api } from './request'

const enc = encodeURIComponent
const STAFF_KEYS = ['id', 'name', 'providerName', 'onDuty'] as const
const JOB_KEYS = ['orderId', 'status', 'address', 'location'] as const
const ORDER_KEYS = ['id', 'status'] as const

/** 403 STAFF.NOT_STAFF when this account is not a staff member. */
export async function getStaffMe(): Promise<StaffMeView> {
  return expectRecord<StaffMeView>(await api.get('/api/staff/me'), STAFF_KEYS)
}

export async function setDuty(onDuty: boolean): Promise<StaffMeView> {
  return expectRecord<StaffMeView>(await api.put('/api/staff/me/duty', { onDuty }), STAFF_KEYS)
}

export function reportLocation(location: GeoPoint): Promise<void> {
  return api.put<void>('/api/staff/me/location', { location })
}

export async function listOffers(): Promise<OfferView[]> {
  return expectList<OfferView>(await api.get('/api/staff/me/offers'))
}

/** 409 OFFER.TAKEN / OFFER.EXPIRED when someone else was faster or the time ran out. */
export async function acceptOffer(offerId: string): Promise<JobView> {
  return expectRecord<JobView>(await api.post(`/api/offers/${enc(offerId)}/accept`), JOB_KEYS)
}

export function declineOffer(offerId: string): Promise<void> {
  return api.post<void>(`/api/offers/${enc(offerId)}/decline`)
}

export async function listJobs(): Promise<JobView[]> {
  return expectList<JobView>(await api.get('/api/staff/me/jobs'))
}

export async function departForJob(orderId: string): Promise<OrderView> {
  return expectRecord<OrderView>(await api.post(`/api/orders/${enc(orderId)}/depart`), ORDER_KEYS)
}

/** 422 ORDER.CHECK_IN_TOO_FAR with details {distanceMeters, allowedMeters} unless overrideReason is given. */
export async function checkIn(orderId: string, input: CheckInInput): Promise<OrderView> {
  return expectRecord<OrderView>(await api.post(`/api/orders/${enc(orderId)}/check-in`, input), ORDER_KEYS)
}

export async function checkOut(orderId: string, input: CheckOutInput): Promise<OrderView> {
  return expectRecord<OrderView>(await api.post(`/api/orders/${enc(orderId)}/check-out`, input), ORDER_KEYS)
}
