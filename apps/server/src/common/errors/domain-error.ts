import { ErrorCode } from '@carecircle/shared';

/** A business rule said no: a stable code for clients, a Chinese message for people. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`No HTTP status for error code ${String(value)}`);
}

/** Each code maps once to a status; a new code without one fails the type check. */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
    case ErrorCode.BAD_REQUEST:
    case ErrorCode.IDEMPOTENCY_KEY_REQUIRED:
    case ErrorCode.CHILD_TOO_OLD:
      return 400;
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.TOKEN_EXPIRED:
    case ErrorCode.REFRESH_TOKEN_INVALID:
    case ErrorCode.WECHAT_LOGIN_FAILED:
      return 401;
    case ErrorCode.FORBIDDEN_ROLE:
    case ErrorCode.NOT_STAFF:
    case ErrorCode.PICKUP_NOT_AUTHORISED:
    case ErrorCode.HOUSEHOLD_OWNER_ONLY:
    case ErrorCode.STATEMENT_MAKER_CANNOT_APPROVE:
      return 403;
    case ErrorCode.NOT_FOUND:
    case ErrorCode.ROUTE_NOT_FOUND:
    case ErrorCode.HOUSEHOLD_NOT_FOUND:
    case ErrorCode.ELDER_NOT_FOUND:
    case ErrorCode.CHILD_NOT_FOUND:
    case ErrorCode.REGION_NOT_FOUND:
    case ErrorCode.SERVICE_NOT_FOUND:
    case ErrorCode.PROVIDER_NOT_FOUND:
    case ErrorCode.STAFF_NOT_FOUND:
    case ErrorCode.ORDER_NOT_FOUND:
    case ErrorCode.OFFER_NOT_FOUND:
    case ErrorCode.CANTEEN_NOT_FOUND:
    case ErrorCode.MEAL_SLOT_NOT_FOUND:
    case ErrorCode.MEAL_BOOKING_NOT_FOUND:
    case ErrorCode.CENTRE_NOT_FOUND:
    case ErrorCode.CLASS_NOT_FOUND:
    case ErrorCode.ENROLMENT_NOT_FOUND:
    case ErrorCode.WAITLIST_NOT_FOUND:
    case ErrorCode.SOS_NOT_FOUND:
    case ErrorCode.INVITE_INVALID:
      return 404;
    case ErrorCode.CONFLICT:
    case ErrorCode.HOUSEHOLD_ALREADY_MEMBER:
    case ErrorCode.ELDER_ID_NUMBER_TAKEN:
    case ErrorCode.ELDER_REGISTRATION_REVIEW:
    case ErrorCode.PROVIDER_LICENCE_TAKEN:
    case ErrorCode.STAFF_NOT_QUALIFIED:
    case ErrorCode.STAFF_SCHEDULE_CLASH:
    case ErrorCode.MEAL_ALREADY_BOOKED:
    case ErrorCode.CHILDCARE_BOOKING_CLASH:
    case ErrorCode.ORDER_INVALID_TRANSITION:
    case ErrorCode.OFFER_TAKEN:
    case ErrorCode.OFFER_EXPIRED:
    case ErrorCode.OFFER_DECLINED:
    case ErrorCode.OFFER_ALREADY_ACCEPTED:
    case ErrorCode.WAITLIST_NOT_OFFERED:
    case ErrorCode.MEAL_SLOT_FULL:
    case ErrorCode.MEAL_DISH_SOLD_OUT:
    case ErrorCode.MEAL_CUTOFF_PASSED:
    case ErrorCode.MEAL_SLOT_CANCELLED:
    case ErrorCode.MEAL_MENU_EXISTS:
    case ErrorCode.CLASS_FULL:
    case ErrorCode.ALREADY_ENROLLED:
    case ErrorCode.SOS_CANCEL_WINDOW_PASSED:
    case ErrorCode.TIMEBANK_INSUFFICIENT:
    case ErrorCode.PERIOD_ALREADY_SETTLED:
      return 409;
    case ErrorCode.INVITE_EXPIRED:
      return 410;
    case ErrorCode.IDEMPOTENCY_KEY_REUSED:
    case ErrorCode.CHECK_IN_TOO_FAR:
    case ErrorCode.MEAL_OUT_OF_DELIVERY_RANGE:
    case ErrorCode.AGE_DOES_NOT_FIT:
    case ErrorCode.CLASS_CAP_EXCEEDED:
    case ErrorCode.PUHUI_PRICE_TOO_HIGH:
    case ErrorCode.SERVICE_NOT_ALLOWED:
    case ErrorCode.PERIOD_NOT_OVER:
      return 422;
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return 413;
    case ErrorCode.TOO_MANY_REQUESTS:
      return 429;
    case ErrorCode.INTERNAL:
      return 500;
    case ErrorCode.SERVICE_UNAVAILABLE:
      return 503;
    default:
      return assertUnreachable(code);
  }
}
