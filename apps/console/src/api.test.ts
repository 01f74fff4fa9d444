import type { MeView } from '@carecircle/shared';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient, filenameFrom, memoryStore, withQuery, type Session } from './api';

const operator: MeView = { id: 'u-op', nickname: '吴主任', roles: ['operator'], householdIds: [], elderId: null };
const family: MeView = { id: 'u-fam', nickname: '王芳', roles: ['family'], householdIds: ['h1'], elderId: null };

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

interface Call {
  url: string;
  method: string;
  auth: string | null;
  body: unknown;
}

/** A fake server: `routes` answer in order per "METHOD path"; every call is recorded. */
function fakeFetch(handler: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const call: Call = { url: String(input), method: init?.method ?? 'GET', auth: headers.authorization ?? null, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    return handler(call);
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}

function session(access = 'access-1', refresh = 'refresh-1'): Session {
  return { accessToken: access, refreshToken: refresh, user: operator };
}

describe('ApiError from the server error body', () => {
  it('carries status, code, message, field errors and request id', async () => {
    const { fetch } = fakeFetch(() =>
      json(400, {
        statusCode: 400,
        error: 'VALIDATION_FAILED',
        message: 'validUntil: 核验通过需要填写晚于今天的有效期',
        details: { fields: [{ field: 'validUntil', message: '请填写晚于今天的有效期' }] },
        requestId: 'req-42',
      }),
    );
    const client = createApiClient({ fetch, store: memoryStore(session()) });
    const err = await client.verifyEligibility('e1', { decision: 'verified' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.statusCode).toBe(400);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toBe('validUntil: 核验通过需要填写晚于今天的有效期');
    expect(e.fields).toEqual([{ field: 'validUntil', message: '请填写晚于今天的有效期' }]);
    expect(e.fieldMessage('validUntil')).toBe('请填写晚于今天的有效期');
    expect(e.fieldMessage('note')).toBeUndefined();
    expect(e.requestId).toBe('req-42');
    expect(e.isMissingEndpoint).toBe(false);
  });

  it('recognises an endpoint the server does not have yet', async () => {
    const { fetch } = fakeFetch(() => json(404, { statusCode: 404, error: 'ROUTE_NOT_FOUND', message: '没有这个接口：GET /api/kpi/summary', requestId: 'r1' }));
    const client = createApiClient({ fetch, store: memoryStore(session()) });
    const e = (await client.kpiSummary('r', '2026-11').catch((x: unknown) => x)) as ApiError;
    expect(e.isMissingEndpoint).toBe(true);
    expect(e.fields).toEqual([]);
  });

  it('turns a body that is not the error shape into a readable Chinese message', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'x-request-id': 'gw-1' } }));
    const client = createApiClient({ fetch, store: memoryStore(session()) });
    const e = (await client.providers().catch((x: unknown) => x)) as ApiError;
    expect(e.statusCode).toBe(502);
    expect(e.code).toBe('HTTP_502');
    expect(e.message).toContain('服务器出错了');
    expect(e.requestId).toBe('gw-1');
  });

  it('reports a network failure as NETWORK with status 0', async () => {
    const client = createApiClient({ fetch: (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch, store: memoryStore(session()) });
    const e = (await client.regions().catch((x: unknown) => x)) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect(e.statusCode).toBe(0);
    expect(e.code).toBe('NETWORK');
  });
});

describe('requests', () => {
  it('sends the bearer token, JSON body and query; 204 gives undefined', async () => {
    const { fetch, calls } = fakeFetch((c) => (c.method === 'POST' ? new Response(null, { status: 204 }) : json(200, { month: '2026-11', canteens: [] })));
    const client = createApiClient({ fetch, store: memoryStore(session('tok-A')), baseUrl: '/api' });
    await expect(client.assign('order 1', 'staff-9')).resolves.toBeUndefined();
    expect(calls[0]).toMatchObject({ url: '/api/orders/order%201/assign', method: 'POST', auth: 'Bearer tok-A', body: { staffId: 'staff-9' } });
    await client.mealFigures('2026-11');
    expect(calls[1].url).toBe('/api/kpi/meals?month=2026-11');
    await client.complaints(undefined).catch(() => undefined);
    expect(calls[2].url).toBe('/api/operator/complaints');
  });

  it('withQuery leaves out empty values', () => {
    expect(withQuery('/x', { a: '1', b: undefined, c: null, d: '', e: 0 })).toBe('/x?a=1&e=0');
    expect(withQuery('/x', {})).toBe('/x');
  });
});

describe('refresh then retry, once', () => {
  it('refreshes an expired token and retries the request with the new one', async () => {
    const store = memoryStore(session('old-access', 'old-refresh'));
    const { fetch, calls } = fakeFetch((c) => {
      if (c.url === '/api/auth/refresh') return json(200, { accessToken: 'new-access', refreshToken: 'new-refresh', expiresIn: 900, user: operator });
      if (c.auth === 'Bearer old-access') return json(401, { statusCode: 401, error: 'AUTH.TOKEN_EXPIRED', message: '登录已过期', requestId: 'x' });
      return json(200, [{ id: 'p1' }]);
    });
    const client = createApiClient({ fetch, store });
    await expect(client.providers()).resolves.toEqual([{ id: 'p1' }]);
    expect(calls.map((c) => `${c.method} ${c.url} ${c.auth ?? '-'}`)).toEqual([
      'GET /api/providers Bearer old-access',
      'POST /api/auth/refresh -',
      'GET /api/providers Bearer new-access',
    ]);
    expect(calls[1].body).toEqual({ refreshToken: 'old-refresh' });
    expect(store.get()).toMatchObject({ accessToken: 'new-access', refreshToken: 'new-refresh' });
  });

  it('shares one refresh between concurrent 401s (the old refresh token works only once)', async () => {
    const store = memoryStore(session('old-access', 'old-refresh'));
    let refreshes = 0;
    const { fetch } = fakeFetch(async (c) => {
      if (c.url === '/api/auth/refresh') {
        refreshes += 1;
        await new Promise((r) => setTimeout(r, 5));
        return json(200, { accessToken: 'new-access', refreshToken: 'new-refresh', expiresIn: 900, user: operator });
      }
      if (c.auth !== 'Bearer new-access') return json(401, { statusCode: 401, error: 'AUTH.TOKEN_EXPIRED', message: '登录已过期', requestId: 'x' });
      return json(200, []);
    });
    const client = createApiClient({ fetch, store });
    await Promise.all([client.providers(), client.regions(), client.escalations()]);
    expect(refreshes).toBe(1);
  });

  it('ends the session when the refresh is refused, and does not loop', async () => {
    const store = memoryStore(session('old-access', 'dead-refresh'));
    const ended = vi.fn();
    const { fetch, calls } = fakeFetch((c) =>
      c.url === '/api/auth/refresh'
        ? json(401, { statusCode: 401, error: 'AUTH.REFRESH_TOKEN_INVALID', message: '请重新登录', requestId: 'x' })
        : json(401, { statusCode: 401, error: 'AUTH.TOKEN_EXPIRED', message: '登录已过期', requestId: 'y' }),
    );
    const client = createApiClient({ fetch, store, onSessionEnd: ended });
    const e = (await client.providers().catch((x: unknown) => x)) as ApiError;
    expect(e.statusCode).toBe(401);
    expect(e.code).toBe('AUTH.TOKEN_EXPIRED');
    expect(calls).toHaveLength(2);
    expect(store.get()).toBeNull();
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('does not try to refresh anonymous calls such as a wrong login code', async () => {
    const { fetch, calls } = fakeFetch(() => json(401, { statusCode: 401, error: 'AUTH.WECHAT_LOGIN_FAILED', message: '登录失败', requestId: 'x' }));
    const client = createApiClient({ fetch, store: memoryStore(null) });
    const e = (await client.login('dev:nobody').catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe('AUTH.WECHAT_LOGIN_FAILED');
    expect(calls).toHaveLength(1);
  });
});

describe('login', () => {
  it('keeps the session of an operator', async () => {
    const store = memoryStore(null);
    const { fetch } = fakeFetch(() => json(200, { accessToken: 'a', refreshToken: 'r', expiresIn: 900, user: operator }));
    const client = createApiClient({ fetch, store });
    await expect(client.login('dev:吴主任', (u) => u.roles.includes('operator'))).resolves.toEqual(operator);
    expect(store.get()?.accessToken).toBe('a');
  });

  it('drops the tokens of someone the console is not for, and logs them out on the server', async () => {
    const store = memoryStore(null);
    const { fetch, calls } = fakeFetch((c) => (c.url === '/api/auth/logout' ? new Response(null, { status: 204 }) : json(200, { accessToken: 'fa', refreshToken: 'fr', expiresIn: 900, user: family })));
    const client = createApiClient({ fetch, store });
    const me = await client.login('dev:王芳', (u) => u.roles.includes('operator'));
    expect(me.roles).toEqual(['family']);
    expect(store.get()).toBeNull();
    expect(calls[1]).toMatchObject({ url: '/api/auth/logout', auth: 'Bearer fa', body: { refreshToken: 'fr' } });
  });
});

describe('Excel export', () => {
  it('returns the file with the name the server gives', async () => {
    const { fetch } = fakeFetch(
      () =>
        new Response('PK', {
          status: 200,
          headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': "attachment; filename=\"statement.xlsx\"; filename*=UTF-8''%E7%BB%93%E7%AE%97%E5%8D%95.xlsx" },
        }),
    );
    const client = createApiClient({ fetch, store: memoryStore(session()) });
    const file = await client.exportStatement('s1', 'fallback.xlsx');
    expect(file.filename).toBe('结算单.xlsx');
    expect(await file.blob.text()).toBe('PK');
  });

  it('reads plain and missing filenames', () => {
    expect(filenameFrom('attachment; filename="statement-2026-11-ab12cd34.xlsx"')).toBe('statement-2026-11-ab12cd34.xlsx');
    expect(filenameFrom('attachment; filename=a.xlsx')).toBe('a.xlsx');
    expect(filenameFrom(null)).toBeNull();
    expect(filenameFrom('attachment')).toBeNull();
  });
});
