import type { ComplaintStatus, ComplaintView, OrderView } from '@carecircle/shared'
import { textLength } from '../../../utils/text-length'

/** The server's limit (FileComplaintDto). */
export const COMPLAINT_TEXT_MAX = 1000
/** Ours: a complaint the 街道 can act on says what happened. */
export const COMPLAINT_TEXT_MIN = 5

export function validateComplaintText(text: string): string | null {
  const length = textLength(text)
  if (length === 0) return '请填写投诉内容'
  if (length < COMPLAINT_TEXT_MIN) return `请写清楚发生了什么，至少 ${COMPLAINT_TEXT_MIN} 个字`
  if (length > COMPLAINT_TEXT_MAX) return `最多 ${COMPLAINT_TEXT_MAX} 个字，请精简一下`
  return null
}

/** A complaint is about a provider's service: only once someone has taken the order. */
export function canComplain(order: Pick<OrderView, 'staff'>): boolean {
  return order.staff !== null
}

export function sortNewestFirst(complaints: readonly ComplaintView[]): ComplaintView[] {
  return [...complaints].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
}

/** The order's most recent complaint, which the order page shows instead of a new 投诉 entry. */
export function complaintForOrder(complaints: readonly ComplaintView[], orderId: string): ComplaintView | null {
  return sortNewestFirst(complaints.filter((c) => c.orderId === orderId))[0] ?? null
}

export function isComplaintOpen(status: ComplaintStatus): boolean {
  return status === 'received' || status === 'investigating'
}

/** What the family reads under the complaint while there is no reply yet. */
export function pendingLine(status: ComplaintStatus): string {
  switch (status) {
    case 'received':
      return '街道已受理，会尽快联系服务机构核实，处理后在这里答复您。'
    case 'investigating':
      return '街道正在调查核实，处理后在这里答复您。'
    case 'resolved':
    case 'rejected':
      return '已办结。'
  }
}
