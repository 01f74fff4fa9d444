/** Bull queue and job names; producers and processors both read them from here. */
export const QUEUE = {
  OUTBOX: 'outbox',
  NOTIFY: 'notify',
  DISPATCH: 'dispatch',
} as const;

export const JOB = {
  RELAY_OUTBOX: 'relay-outbox',
  SEND_NOTIFICATION: 'send-notification',
  DISPATCH_ORDER: 'dispatch-order',
  OFFER_EXPIRY: 'offer-expiry',
  DISPATCH_SWEEP: 'dispatch-sweep',
  MEAL_CUTOFF_SWEEP: 'meal-cutoff-sweep',
  CHILDCARE_SWEEP: 'childcare-sweep',
  CHILDCARE_AGE_MOVES: 'childcare-age-moves',
  ELDER_SWEEP: 'elder-sweep',
  SOS_BROADCAST: 'sos-broadcast',
  VISIT_PLANS: 'visit-plans',
  ASSESSMENT_REMINDERS: 'assessment-reminders',
  ELIGIBILITY_REMINDERS: 'eligibility-reminders',
} as const;

/** Outbox event types written in the same transaction as the change they announce. */
export const OutboxEvent = {
  HOUSEHOLD_MEMBER_JOINED: 'household.member_joined',
  ELDER_ADDED: 'elder.added',
  ORDER_CREATED: 'order.created',
  ORDER_STATUS_CHANGED: 'order.status_changed',
  OFFER_MADE: 'offer.made',
  MEAL_SLOT_CANCELLED: 'meal.slot_cancelled',
  WAITLIST_OFFERED: 'waitlist.offered',
  SOS_RAISED: 'sos.raised',
  SOS_UNANSWERED: 'sos.unanswered',
  ASSESSMENT_EXPIRING: 'assessment.expiring',
  ELIGIBILITY_EXPIRING: 'eligibility.expiring',
} as const;
export type OutboxEvent = (typeof OutboxEvent)[keyof typeof OutboxEvent];
