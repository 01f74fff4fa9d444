/** Bull queue and job names; producers and processors both read them from here. */
export const QUEUE = {
  OUTBOX: 'outbox',
  NOTIFY: 'notify',
} as const;

export const JOB = {
  RELAY_OUTBOX: 'relay-outbox',
  SEND_NOTIFICATION: 'send-notification',
} as const;

/** Outbox event types written in the same transaction as the change they announce. */
export const OutboxEvent = {
  HOUSEHOLD_MEMBER_JOINED: 'household.member_joined',
  ELDER_ADDED: 'elder.added',
} as const;
export type OutboxEvent = (typeof OutboxEvent)[keyof typeof OutboxEvent];
