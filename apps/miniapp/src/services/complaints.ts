import type { ComplaintView, FileComplaintInput } from '@carecircle/shared'
import { expectList, expectRecord } from './guards'
import { api } from './request'

const COMPLAINT_KEYS = ['id', 'orderId', 'status', 'statusLabel', 'text', 'createdAt'] as const

/** Files a complaint about an order; the 街道 follows it up and replies. */
export async function fileComplaint(orderId: string, input: FileComplaintInput): Promise<ComplaintView> {
  return expectRecord<ComplaintView>(await api.post(`/api/orders/${encodeURIComponent(orderId)}/complaints`, input), COMPLAINT_KEYS)
}

/** The complaints of every household I belong to, with their status and the 街道's reply. */
export async function listComplaints(): Promise<ComplaintView[]> {
  return expectList<ComplaintView>(await api.get('/api/complaints'))
}
