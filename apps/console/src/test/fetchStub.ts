import { vi } from 'vitest';

export interface StubCall {
  method: string;
  path: string;
  body: unknown;
}

/**
 * Stands in for the server at the network boundary (global fetch): each route answers with the
 * JSON given for the first matching path prefix (or a function of the call); calls are recorded.
 */
export function stubServer(routes: Record<string, unknown | ((call: StubCall) => unknown)>): StubCall[] {
  const calls: StubCall[] = [];
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const url = String(input);
    const path = url.replace(/^\/api/, '');
    const method = init?.method ?? 'GET';
    const call = { method, path, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    const key = Object.keys(routes).find((k) => {
      const [m, p] = k.includes(' ') ? k.split(' ') : ['GET', k];
      return m === method && path.startsWith(p);
    });
    if (!key) return new Response(JSON.stringify({ statusCode: 404, error: 'ROUTE_NOT_FOUND', message: `no stub for ${method} ${path}` }), { status: 404 });
    const answer = routes[key];
    const body = typeof answer === 'function' ? (answer as (c: StubCall) => unknown)(call) : answer;
    if (body instanceof Response) return body;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}
