import type { DispatchRoundView, OrderView, ProviderStatus, ProviderView } from '@carecircle/shared'
import { expectList, expectRecord } from './guards'
import { api } from './request'

const enc = encodeURIComponent

/** Orders nobody took, waiting for a person to assign them (oldest first). */
export async function listEscalations(): Promise<OrderView[]> {
  return expectList<OrderView>(await api.get('/api/operator/escalations'))
}

/** Who dispatch tried for an order: candidates with scores, those skipped and why. */
export async function listDispatchRounds(orderId: string): Promise<DispatchRoundView[]> {
  return expectList<DispatchRoundView>(await api.get(`/api/orders/${enc(orderId)}/dispatch-rounds`))
}

export function assignOrder(orderId: string, staffId: string): Promise<void> {
  return api.post<void>(`/api/orders/${enc(orderId)}/assign`, { staffId })
}

export function redispatchOrder(orderId: string): Promise<void> {
  return api.post<void>(`/api/orders/${enc(orderId)}/redispatch`)
}

export async function listProviders(): Promise<ProviderView[]> {
  return expectList<ProviderView>(await api.get('/api/providers'))
}

export async function setProviderStatus(providerId: string, status: Extract<ProviderStatus, 'approved' | 'suspended'>): Promise<ProviderView> {
  return expectRecord<ProviderView>(await api.patch(`/api/providers/${enc(providerId)}/status`, { status }), ['id', 'status'])
}
