import type { CancelOrderInput, CreateOrderInput, OrderStreamTicketView, OrderView, RateOrderInput } from '@carecircle/shared'
import { expectList, expectRecord } from './guards'
import { api } from './request'

const enc = encodeURIComponent
const ORDER_KEYS = ['id', 'status', 'serviceName', 'elderName', 'price', 'events'] as const

/**
 * Places an order. The same Idempotency-Key with the same input answers with the same order, so a
 * retry after a lost response never orders twice.
 */
export async function createOrder(input: CreateOrderInput, idempotencyKey: string): Promise<OrderView> {
  const data = await api.request({ method: 'POST', path: '/api/orders', data: input, headers: { 'Idempotency-Key': idempotencyKey } })
  return expectRecord<OrderView>(data, ORDER_KEYS)
}

/** The orders of every household I belong to, newest first. */
export async function listOrders(elderId?: string): Promise<OrderView[]> {
  return expectList<OrderView>(await api.get('/api/orders', elderId ? { elderId } : undefined))
}

export async function getOrder(id: string): Promise<OrderView> {
  return expectRecord<OrderView>(await api.get(`/api/orders/${enc(id)}`), ORDER_KEYS)
}

export async function cancelOrder(id: string, input: CancelOrderInput): Promise<OrderView> {
  return expectRecord<OrderView>(await api.post(`/api/orders/${enc(id)}/cancel`, input), ORDER_KEYS)
}

export async function rateOrder(id: string, input: RateOrderInput): Promise<OrderView> {
  return expectRecord<OrderView>(await api.post(`/api/orders/${enc(id)}/rating`, input), ORDER_KEYS)
}

/**
 * Where the live status stream of an order is, opened with a one-time ticket (H5 EventSource sends
 * no headers, and the access token must never sit in a URL, where logs keep it).
 */
export async function orderStreamUrl(id: string): Promise<string> {
  const { ticket } = expectRecord<OrderStreamTicketView>(await api.post(`/api/orders/${enc(id)}/stream-ticket`), ['ticket', 'expiresInSeconds'] as const)
  return `${API_BASE_URL}/api/orders/${enc(id)}/stream?ticket=${enc(ticket)}`
}
