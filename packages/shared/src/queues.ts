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

/**
 * WeChat subscribe messages are asked for at the tap that makes them useful (at most 3 templates
 * per ask): each scene names the notification topics it may bring.
 */
export const SUBSCRIBE_SCENES = {
  /** A family places a home-care order: 已接单, 出发, 服务完成 … */
  order: [OutboxEvent.ORDER_STATUS_CHANGED],
  /** A family books a meal: a canteen closing that day. */
  meal: [OutboxEvent.MEAL_SLOT_CANCELLED],
  /** A parent joins a childcare waitlist: a place held for them. */
  childcare: [OutboxEvent.WAITLIST_OFFERED],
  /** A staff member goes on duty: new job offers. */
  duty: [OutboxEvent.OFFER_MADE],
  /** A family member sets up an elder: SOS, expiring assessments and subsidy eligibility. */
  elder: [OutboxEvent.SOS_RAISED, OutboxEvent.ASSESSMENT_EXPIRING, OutboxEvent.ELIGIBILITY_EXPIRING],
} as const satisfies Record<string, readonly OutboxEvent[]>;
export type SubscribeScene = keyof typeof SUBSCRIBE_SCENES;
export const SUBSCRIBE_SCENE_NAMES = Object.keys(SUBSCRIBE_SCENES) as SubscribeScene[];

export interface SubscribeTemplatesView {
  scene: SubscribeScene;
  /** Template ids registered for the scene's topics (none in dev mode or before they are registered). */
  templateIds: string[];
}

