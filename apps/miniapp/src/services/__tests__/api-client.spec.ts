import { ErrorCode } from '@carecircle/shared'
import { ApiError, NETWORK_ERROR } from '../api-error'
import { type Transport, type TransportRequest, type TransportResponse, createApiClient } from '../api-client'
import type { TokenPair, TokenStore } from '../storage'

/** A token store in memory. */
function memoryTokens(initial: TokenPair | null): TokenStore & { current: TokenPair | null } {
  const store = {
    current: initial,
    getAccess: () => store.current?.accessToken ?? null,
    getRefresh: () => store.current?.refreshToken ?? null,
    save: (t: TokenPair) => {
      store.current = { accessToken: t.accessToken, refreshToken: t.refreshToken }
    },
    clear: () => {
      store.current = null
    },
  }
  return store
}

/** A transport that answers from a handler and records every request. */
function scriptedTransport(handler: (req: TransportRequest) => TransportResponse | Promise<TransportResponse>) {
  const calls: TransportRequest[] = []
  const transport: Transport = async (req) => {
    calls.push(req)
    return handler(req)
  }
  return { transport, calls }
}

const expired = (): TransportResponse => ({
  statusCode: 401,
  data: { statusCode: 401, error: ErrorCode.TOKEN_EXPIRED, message: '登录已过期', requestId: 'r-exp' },
})

const newTokens = { accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900, user: { id: 'u1', nickname: '王芳', roles: ['family'], householdIds: [], elderId: null } }

function setup(handler: Parameters<typeof scriptedTransport>[0], tokens: TokenPair | null = { accessToken: 'access-1', refreshToken: 'refresh-1' }) {
  const { transport, calls } = scriptedTransport(handler)
  const store = memoryTokens(tokens)
  const onLoggedOut = jest.fn()
  const client = createApiClient({ baseUrl: 'https://api.test', transport, tokens: store, onLoggedOut })
  return { client, calls, store, onLoggedOut }
}

describe('createApiClient', () => {
  it('sends the bearer token to base URL + path and returns the body', async () => {
    const { client, calls } = setup(() => ({ statusCode: 200, data: [{ id: 'h1' }] }))
    await expect(client.get('/api/households')).resolves.toEqual([{ id: 'h1' }])
    expect(calls).toHaveLength(1)
    expect(calls[0].url).toBe('https://api.test/api/households')
    expect(calls[0].method).toBe('GET')
    expect(calls[0].header.Authorization).toBe('Bearer access-1')
  })

  it('sends no Authorization header for auth: false requests', async () => {
    const { client, calls } = setup(() => ({ statusCode: 200, data: { ok: true } }))
    await client.request({ method: 'POST', path: '/api/auth/wechat', data: { code: 'c' }, auth: false })
    expect(calls[0].header.Authorization).toBeUndefined()
    expect(calls[0].data).toEqual({ code: 'c' })
  })

  it('turns an error body into an ApiError with its code, message, field errors and request id', async () => {
    const body = {
      statusCode: 400,
      error: ErrorCode.VALIDATION_FAILED,
      message: '提交的内容有误',
      details: { fields: [{ field: 'location.lat', message: '纬度超出范围' }, { field: 'emergencyContacts.0.phone', message: '手机号格式不正确' }] },
      requestId: 'req-42',
    }
    const { client } = setup(() => ({ statusCode: 400, data: body }))
    const err = await client.post('/api/households/h1/elders', {}).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    const apiError = err as ApiError
    expect(apiError.statusCode).toBe(400)
    expect(apiError.error).toBe('VALIDATION_FAILED')
    expect(apiError.message).toBe('提交的内容有误')
    expect(apiError.requestId).toBe('req-42')
    expect(apiError.fieldErrors).toEqual(body.details.fields)
  })

  it('gives a readable ApiError when the error response is not an error body', async () => {
    const { client } = setup(() => ({ statusCode: 502, data: '<html>Bad Gateway</html>' }))
    const err = (await client.get('/api/me').catch((e: unknown) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.statusCode).toBe(502)
    expect(err.message).toBe('服务器开小差了，请稍后再试')
    expect(err.fieldErrors).toEqual([])
  })

  it('returns undefined for an empty 204 body', async () => {
    const { client } = setup(() => ({ statusCode: 204, data: '' }))
    await expect(client.del('/api/elders/e1')).resolves.toBeUndefined()
  })

  it('on AUTH.TOKEN_EXPIRED refreshes once, stores the new tokens and retries with them', async () => {
    const { client, calls, store, onLoggedOut } = setup((req) => {
      if (req.url.endsWith('/api/auth/refresh')) return { statusCode: 200, data: newTokens }
      return req.header.Authorization === 'Bearer access-2' ? { statusCode: 200, data: { id: 'u1' } } : expired()
    })
    await expect(client.get('/api/me')).resolves.toEqual({ id: 'u1' })
    expect(calls.map((c) => c.url.replace('https://api.test', ''))).toEqual(['/api/me', '/api/auth/refresh', '/api/me'])
    expect(calls[1].data).toEqual({ refreshToken: 'refresh-1' })
    expect(calls[1].header.Authorization).toBeUndefined()
    expect(store.current).toEqual({ accessToken: 'access-2', refreshToken: 'refresh-2' })
    expect(onLoggedOut).not.toHaveBeenCalled()
  })

  it('keeps extra headers (Idempotency-Key) on the retry after a refresh, and never on the refresh itself', async () => {
    const { client, calls } = setup((req) => {
      if (req.url.endsWith('/api/auth/refresh')) return { statusCode: 200, data: newTokens }
      return req.header.Authorization === 'Bearer access-2' ? { statusCode: 201, data: { id: 'o1' } } : expired()
    })
    await expect(
      client.request({ method: 'POST', path: '/api/orders', data: { elderId: 'e1' }, headers: { 'Idempotency-Key': 'key-12345678' } }),
    ).resolves.toEqual({ id: 'o1' })
    expect(calls.map((c) => c.header['Idempotency-Key'])).toEqual(['key-12345678', undefined, 'key-12345678'])
  })

  it('sends PUT with a JSON body', async () => {
    const { client, calls } = setup(() => ({ statusCode: 200, data: { onDuty: true } }))
    await client.put('/api/staff/me/duty', { onDuty: true })
    expect(calls[0]).toMatchObject({ method: 'PUT', data: { onDuty: true } })
    expect(calls[0].header['Content-Type']).toBe('application/json')
  })

  it('shares one refresh between requests that expire together', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const { client, calls } = setup(async (req) => {
      if (req.url.endsWith('/api/auth/refresh')) {
        await gate
        return { statusCode: 200, data: newTokens }
      }
      return req.header.Authorization === 'Bearer access-2' ? { statusCode: 200, data: req.url } : expired()
    })
    const both = Promise.all([client.get('/api/me'), client.get('/api/households')])
    await new Promise((r) => setTimeout(r, 0))
    release()
    await expect(both).resolves.toEqual(['https://api.test/api/me', 'https://api.test/api/households'])
    expect(calls.filter((c) => c.url.endsWith('/api/auth/refresh'))).toHaveLength(1)
  })

  it('logs out when the refresh token is refused', async () => {
    const { client, store, onLoggedOut } = setup((req) =>
      req.url.endsWith('/api/auth/refresh')
        ? { statusCode: 401, data: { statusCode: 401, error: ErrorCode.REFRESH_TOKEN_INVALID, message: '请重新登录', requestId: 'r' } }
        : expired(),
    )
    const err = (await client.get('/api/me').catch((e: unknown) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.statusCode).toBe(401)
    expect(store.current).toBeNull()
    expect(onLoggedOut).toHaveBeenCalledTimes(1)
  })

  it('logs out without a refresh when the 401 is not an expiry', async () => {
    const { client, calls, store, onLoggedOut } = setup(() => ({
      statusCode: 401,
      data: { statusCode: 401, error: ErrorCode.UNAUTHENTICATED, message: '请先登录', requestId: 'r' },
    }))
    await expect(client.get('/api/me')).rejects.toMatchObject({ error: ErrorCode.UNAUTHENTICATED })
    expect(calls).toHaveLength(1)
    expect(store.current).toBeNull()
    expect(onLoggedOut).toHaveBeenCalledTimes(1)
  })

  it('retries only once: a second expiry after refreshing logs out', async () => {
    const { client, calls, onLoggedOut } = setup((req) =>
      req.url.endsWith('/api/auth/refresh') ? { statusCode: 200, data: newTokens } : expired(),
    )
    await expect(client.get('/api/me')).rejects.toBeInstanceOf(ApiError)
    expect(calls).toHaveLength(3)
    expect(onLoggedOut).toHaveBeenCalledTimes(1)
  })

  it('keeps the session when the network fails (nothing to log out from)', async () => {
    const { client, store, onLoggedOut } = setup(() => {
      throw ApiError.network()
    })
    await expect(client.get('/api/me')).rejects.toMatchObject({ error: NETWORK_ERROR, statusCode: 0 })
    expect(store.current).not.toBeNull()
    expect(onLoggedOut).not.toHaveBeenCalled()
  })

  it('does not refresh or log out for 401s of auth: false requests (a failed login is just an error)', async () => {
    const { client, calls, onLoggedOut } = setup(() => ({
      statusCode: 401,
      data: { statusCode: 401, error: ErrorCode.WECHAT_LOGIN_FAILED, message: '微信登录失败', requestId: 'r' },
    }))
    await expect(client.request({ method: 'POST', path: '/api/auth/wechat', data: { code: 'x' }, auth: false })).rejects.toMatchObject({
      error: ErrorCode.WECHAT_LOGIN_FAILED,
      message: '微信登录失败',
    })
    expect(calls).toHaveLength(1)
    expect(onLoggedOut).not.toHaveBeenCalled()
  })
})
