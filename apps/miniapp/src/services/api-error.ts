import type { ApiErrorBody, FieldError } from '@carecircle/shared'

/** Error code used when no HTTP response arrived at all. */
export const NETWORK_ERROR = 'NETWORK'

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求有误',
  401: '请先登录',
  403: '没有权限进行此操作',
  404: '未找到',
  409: '操作冲突，请刷新后重试',
  410: '已失效',
  413: '提交的内容过大',
  429: '操作过于频繁，请稍后再试',
}

/** What the server said went wrong, in the shape of ApiErrorBody. */
export class ApiError extends Error {
  readonly statusCode: number
  readonly error: string
  readonly details?: ApiErrorBody['details']
  readonly requestId?: string

  constructor(body: { statusCode: number; error: string; message: string; details?: ApiErrorBody['details']; requestId?: string }) {
    super(body.message)
    this.name = 'ApiError'
    this.statusCode = body.statusCode
    this.error = body.error
    this.details = body.details
    this.requestId = body.requestId
    Object.setPrototypeOf(this, ApiError.prototype)
  }

  /** Per-field messages (`location.lat`, `emergencyContacts.0.phone`), empty when there are none. */
  get fieldErrors(): FieldError[] {
    const fields = this.details?.fields
    return Array.isArray(fields) ? fields.filter(isFieldError) : []
  }

  /** Builds the error from whatever came back: an ApiErrorBody when the server sent one, a generic one otherwise. */
  static fromResponse(statusCode: number, data: unknown): ApiError {
    if (isApiErrorBody(data)) {
      return new ApiError({
        statusCode: typeof data.statusCode === 'number' ? data.statusCode : statusCode,
        error: data.error,
        message: data.message,
        details: data.details,
        requestId: data.requestId,
      })
    }
    const message = statusCode >= 500 ? '服务器开小差了，请稍后再试' : STATUS_MESSAGES[statusCode] ?? `请求失败（${statusCode}）`
    return new ApiError({ statusCode, error: statusCode >= 500 ? 'INTERNAL' : 'HTTP_' + statusCode, message })
  }

  static network(): ApiError {
    return new ApiError({ statusCode: 0, error: NETWORK_ERROR, message: '网络连接失败，请检查网络后重试' })
  }
}

export function isApiErrorBody(data: unknown): data is ApiErrorBody {
  if (typeof data !== 'object' || data === null) return false
  const body = data as Record<string, unknown>
  return typeof body.error === 'string' && typeof body.message === 'string'
}

function isFieldError(value: unknown): value is FieldError {
  return typeof value === 'object' && value !== null &&
    typeof (value as FieldError).field === 'string' && typeof (value as FieldError).message === 'string'
}

/** A sentence for a toast, whatever was thrown. */
export function errorMessage(err: unknown, fallback = '操作失败，请稍后再试'): string {
  if (err instanceof ApiError) return err.message || fallback
  if (err instanceof Error && err.message) return err.message
  return fallback
}

/** A 2xx response whose body is not what the endpoint promises (a proxy page, an old server…). */
export const INVALID_RESPONSE = 'INVALID_RESPONSE'

export function invalidResponse(): ApiError {
  return new ApiError({ statusCode: 200, error: INVALID_RESPONSE, message: '服务器返回的数据有误，请稍后再试' })
}
