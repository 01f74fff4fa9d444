import type { AuthTokensView } from '@carecircle/shared'
import { ErrorCode } from '@carecircle/shared'
import { ApiError, isApiErrorBody } from './api-error'
import type { TokenStore } from './storage'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface TransportRequest {
  url: string
  method: HttpMethod
  data?: unknown
  header: Record<string, string>
}

export interface TransportResponse {
  statusCode: number
  data: unknown
}

/** Sends one HTTP request. Resolves for every HTTP status; rejects (with ApiError.network()) only when nothing came back. */
export type Transport = (req: TransportRequest) => Promise<TransportResponse>

export interface ApiClientDeps {
  baseUrl: string
  transport: Transport
  tokens: TokenStore
  /** Called once the session is gone for good (no refresh token, or the refresh was refused). */
  onLoggedOut: () => void
}

export interface RequestOptions {
  method: HttpMethod
  path: string
  data?: unknown
  /** false for the login endpoints: no Authorization header, no refresh. */
  auth?: boolean
  /** Extra request headers (e.g. `Idempotency-Key`); kept on the retry after a token refresh. */
  headers?: Record<string, string>
}

export interface ApiClient {
  request<T>(options: RequestOptions): Promise<T>
  get<T>(path: string, data?: Record<string, unknown>): Promise<T>
  post<T>(path: string, data?: unknown): Promise<T>
  put<T>(path: string, data?: unknown): Promise<T>
  patch<T>(path: string, data?: unknown): Promise<T>
  del<T = void>(path: string): Promise<T>
}

const REFRESH_PATH = '/api/auth/refresh'

function isTokens(data: unknown): data is AuthTokensView {
  const d = data as Partial<AuthTokensView> | null
  return typeof d === 'object' && d !== null && typeof d.accessToken === 'string' && typeof d.refreshToken === 'string'
}

function isSuccess(statusCode: number): boolean {
  return statusCode >= 200 && statusCode < 300
}

/**
 * The one request pipeline: adds the bearer token, unwraps the JSON body, turns error bodies into
 * ApiError, and on `AUTH.TOKEN_EXPIRED` refreshes once (shared by concurrent requests) and retries.
 */
export function createApiClient(deps: ApiClientDeps): ApiClient {
  let refreshing: Promise<boolean> | null = null

  function send(method: HttpMethod, path: string, data: unknown, token: string | null, extra?: Record<string, string>): Promise<TransportResponse> {
    const header: Record<string, string> = { ...extra, 'Content-Type': 'application/json' }
    if (token) header.Authorization = `Bearer ${token}`
    return deps.transport({ url: deps.baseUrl + path, method, data, header })
  }

  /** true when new tokens are stored; false when the server refused the refresh token. Network errors propagate. */
  function refreshTokens(): Promise<boolean> {
    if (!refreshing) {
      refreshing = (async () => {
        try {
          const refreshToken = deps.tokens.getRefresh()
          if (!refreshToken) return false
          const res = await send('POST', REFRESH_PATH, { refreshToken }, null)
          if (isSuccess(res.statusCode) && isTokens(res.data)) {
            deps.tokens.save(res.data)
            return true
          }
          if (res.statusCode >= 500) throw ApiError.fromResponse(res.statusCode, res.data)
          return false
        } finally {
          refreshing = null
        }
      })()
    }
    return refreshing
  }

  function loggedOut(res: TransportResponse): ApiError {
    deps.tokens.clear()
    deps.onLoggedOut()
    return ApiError.fromResponse(res.statusCode, res.data)
  }

  async function request<T>({ method, path, data, auth = true, headers }: RequestOptions): Promise<T> {
    let res = await send(method, path, data, auth ? deps.tokens.getAccess() : null, headers)

    if (auth && res.statusCode === 401) {
      const expired = isApiErrorBody(res.data) && res.data.error === ErrorCode.TOKEN_EXPIRED
      const noAccessToken = deps.tokens.getAccess() === null
      if ((expired || noAccessToken) && deps.tokens.getRefresh()) {
        const refreshed = await refreshTokens()
        if (!refreshed) throw loggedOut(res)
        res = await send(method, path, data, deps.tokens.getAccess(), headers)
      }
      if (res.statusCode === 401) throw loggedOut(res)
    }

    if (isSuccess(res.statusCode)) {
      // 204 arrives as null (H5) or '' (weapp).
      return (res.data === '' || res.data === null ? undefined : res.data) as T
    }
    throw ApiError.fromResponse(res.statusCode, res.data)
  }

  return {
    request,
    get: <T>(path: string, data?: Record<string, unknown>) => request<T>({ method: 'GET', path, data }),
    post: <T>(path: string, data?: unknown) => request<T>({ method: 'POST', path, data: data ?? {} }),
    put: <T>(path: string, data?: unknown) => request<T>({ method: 'PUT', path, data: data ?? {} }),
    patch: <T>(path: string, data?: unknown) => request<T>({ method: 'PATCH', path, data: data ?? {} }),
    del: <T = void>(path: string) => request<T>({ method: 'DELETE', path }),
  }
}
