import { JOB, OutboxEvent, QUEUE, type OrderStatus } from '@carecircle/shared';
import { isOrderNews } from '../notifications/notifications.service.js';
import type { OutboxPayload } from './outbox.entity.js';

export interface OutboxRoute {
  queue: (typeof QUEUE)[keyof typeof QUEUE];
  job: (typeof JOB)[keyof typeof JOB];
  /** The Bull job id when the job may already have been queued another way (Bull drops a second add with the same id). */
  jobId?: (payload: OutboxPayload) => string | null;
  /** Only these events take the route; the rest are marked published without a job. */
  when?: (payload: OutboxPayload) => boolean;
}

/** One dispatch job per order and dispatch time, whoever queues it (the api after its commit, or the relay). */
export function dispatchJobId(orderId: string, dispatchAtMs: number): string {
  return `dispatch-${orderId}-${dispatchAtMs}`;
}

/** Which queue each outbox event is relayed to. Every event needs a route (checked by type). */
export const OUTBOX_ROUTES: Record<OutboxEvent, OutboxRoute[]> = {
  [OutboxEvent.HOUSEHOLD_MEMBER_JOINED]: [{ queue: QUEUE.NOTIFY, job: JOB.SEND_NOTIFICATION }],
  [OutboxEvent.ELDER_ADDED]: [{ queue: QUEUE.NOTIFY, job: JOB.SEND_NOTIFICATION }],
  // The api also queues dispatch right after the commit; this route is the net for a crash in between,
  // under the same job id, so an order the api already queued is not dispatched twice.
  [OutboxEvent.ORDER_CREATED]: [
    { queue: QUEUE.DISPATCH, job: JOB.DISPATCH_ORDER, jobId: (p) => (typeof p.dispatchAtMs === 'number' ? dispatchJobId(String(p.orderId), p.dispatchAtMs) : null) },
  ],
  [OutboxEvent.ORDER_STATUS_CHANGED]: [{ queue: QUEUE.NOTIFY, job: JOB.SEND_NOTIFICATION, when: (p) => isOrderNews(p.status as OrderStatus) }],
  [OutboxEvent.OFFER_MADE]: [{ queue: QUEUE.NOTIFY, job: JOB.SEND_NOTIFICATION }],
  [OutboxEvent.MEAL_SLOT_CANCELLED]: [{ queue: QUEUE.NOTIFY, job: JOB.SEND_NOTIFICATION }],
  [OutboxEvent.WAITLIST_OFFERED]: [{ queue: QUEUE.NOTIFY, job: JOB.SEND_NOTIFICATION }],
  [OutboxEvent.SOS_RAISED]: [{ queue: QUEUE.NOTIFY, job: JOB.SEND_NOTIFICATION }],
  [OutboxEvent.SOS_UNANSWERED]: [{ queue: QUEUE.NOTIFY, job: JOB.SEND_NOTIFICATION }],
  [OutboxEvent.ASSESSMENT_EXPIRING]: [{ queue: QUEUE.NOTIFY, job: JOB.SEND_NOTIFICATION }],
  [OutboxEvent.ELIGIBILITY_EXPIRING]: [{ queue: QUEUE.NOTIFY, job: JOB.SEND_NOTIFICATION }],
};
