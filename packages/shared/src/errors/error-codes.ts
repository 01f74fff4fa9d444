/** Stable error codes: clients branch on these, people read the message beside them. */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  UNAUTHENTICATED: 'AUTH.UNAUTHENTICATED',
  TOKEN_EXPIRED: 'AUTH.TOKEN_EXPIRED',
  REFRESH_TOKEN_INVALID: 'AUTH.REFRESH_TOKEN_INVALID',
  WECHAT_LOGIN_FAILED: 'AUTH.WECHAT_LOGIN_FAILED',
  FORBIDDEN_ROLE: 'AUTH.FORBIDDEN_ROLE',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  HOUSEHOLD_NOT_FOUND: 'HOUSEHOLD.NOT_FOUND',
  HOUSEHOLD_ALREADY_MEMBER: 'HOUSEHOLD.ALREADY_MEMBER',
  HOUSEHOLD_OWNER_ONLY: 'HOUSEHOLD.OWNER_ONLY',
  INVITE_INVALID: 'HOUSEHOLD.INVITE_INVALID',
  INVITE_EXPIRED: 'HOUSEHOLD.INVITE_EXPIRED',
  ELDER_NOT_FOUND: 'ELDER.NOT_FOUND',
  ELDER_ID_NUMBER_TAKEN: 'ELDER.ID_NUMBER_TAKEN',
  CHILD_NOT_FOUND: 'CHILD.NOT_FOUND',
  CHILD_TOO_OLD: 'CHILD.TOO_OLD',
  REGION_NOT_FOUND: 'REGION.NOT_FOUND',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  BAD_REQUEST: 'BAD_REQUEST',
  CONFLICT: 'CONFLICT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldError {
  field: string;
  message: string;
}

/** The body of every error response. */
export interface ApiErrorBody {
  statusCode: number;
  error: ErrorCode | string;
  message: string;
  details?: { fields?: FieldError[] } & Record<string, unknown>;
  requestId: string;
}
