import type {
  CanteenDayView,
  CanteenView,
  CreateMealBookingInput,
  MealBookingView,
  MealFiguresView,
  MealSlotView,
  RegionPolicyView,
} from '@carecircle/shared'
import { expectList, expectRecord } from './guards'
import { api } from './request'

const enc = encodeURIComponent
const BOOKING_KEYS = ['id', 'status', 'pickupCode', 'items', 'price', 'canteenName', 'date', 'period', 'mode'] as const

/** 助餐点 nearest the elder first (distance, whether they deliver there, hours). Without an elder: every canteen. */
export async function listCanteens(elderId?: string | null): Promise<CanteenView[]> {
  return expectList<CanteenView>(await api.get('/api/canteens', elderId ? { elderId } : undefined))
}

/** A week of 午餐/晚餐 from `from` (default today), with places left per mode and the elder's dietary clashes per dish. */
export async function listMealSlots(canteenId: string, elderId: string | null, from?: string): Promise<MealSlotView[]> {
  const query: Record<string, string> = {}
  if (from) query.from = from
  if (elderId) query.elderId = elderId
  return expectList<MealSlotView>(await api.get(`/api/canteens/${enc(canteenId)}/slots`, query))
}

/**
 * Books a meal. The same Idempotency-Key with the same input answers with the booking already made,
 * so a retry after a lost response never books (or pays) twice.
 */
export async function createMealBooking(input: CreateMealBookingInput, idempotencyKey: string): Promise<MealBookingView> {
  const data = await api.request({ method: 'POST', path: '/api/meal-bookings', data: input, headers: { 'Idempotency-Key': idempotencyKey } })
  return expectRecord<MealBookingView>(data, BOOKING_KEYS)
}

/** The meal bookings of every household I belong to. */
export async function listMealBookings(elderId?: string | null): Promise<MealBookingView[]> {
  return expectList<MealBookingView>(await api.get('/api/meal-bookings', elderId ? { elderId } : undefined))
}

export async function getMealBooking(id: string): Promise<MealBookingView> {
  return expectRecord<MealBookingView>(await api.get(`/api/meal-bookings/${enc(id)}`), BOOKING_KEYS)
}

/** Before the cut-off only; the place, the portions and the subsidy go back. */
export async function cancelMealBooking(id: string, reason: string): Promise<MealBookingView> {
  return expectRecord<MealBookingView>(await api.post(`/api/meal-bookings/${enc(id)}/cancel`, { reason }), BOOKING_KEYS)
}

/** The subsidy tables of a region (the meal price estimate before booking reads them). */
export async function listSubsidyPolicies(regionId: string): Promise<RegionPolicyView[]> {
  return expectList<RegionPolicyView>(await api.get(`/api/regions/${enc(regionId)}/policies`, { kind: 'subsidy' }))
}

// ---- canteen staff and operators ------------------------------------------------------------

/** 今日备餐: per period what to cook and who comes how. */
export async function getCanteenDay(canteenId: string, date?: string): Promise<CanteenDayView> {
  return expectRecord<CanteenDayView>(await api.get(`/api/canteens/${enc(canteenId)}/day`, date ? { date } : undefined), ['canteenId', 'date', 'periods'])
}

/** 堂食 checked off as eaten, or 自取 handed over, from the list. */
export async function markMealServed(canteenId: string, bookingId: string): Promise<MealBookingView> {
  return expectRecord<MealBookingView>(await api.post(`/api/canteens/${enc(canteenId)}/bookings/${enc(bookingId)}/served`), BOOKING_KEYS)
}

/** Hands a meal over by its 取餐码. */
export async function pickupByCode(canteenId: string, slotId: string, code: string): Promise<MealBookingView> {
  return expectRecord<MealBookingView>(await api.post(`/api/canteens/${enc(canteenId)}/slots/${enc(slotId)}/pickups`, { code }), BOOKING_KEYS)
}

/** The canteen closes one period: every booking is cancelled and refunded in full, families are told. */
export async function cancelMealSlot(canteenId: string, slotId: string, reason: string): Promise<MealSlotView> {
  return expectRecord<MealSlotView>(await api.post(`/api/canteens/${enc(canteenId)}/slots/${enc(slotId)}/cancel`, { reason }), ['id', 'cancelled'])
}

/** 助餐指标 of a month (operators). */
export async function getMealFigures(month?: string): Promise<MealFiguresView> {
  return expectRecord<MealFiguresView>(await api.get('/api/kpi/meals', month ? { month } : undefined), ['month', 'canteens'])
}
