import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DispatchFixture, offset, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** What the stream answers: status, content type, and the body (up to the first event of an open stream). */
interface FirstResponse {
  status: number;
  contentType: string;
  body: string;
}

describe('order stream tickets', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let port = 0;

  beforeAll(async () => {
    t = await createTestApp();
    d = await new DispatchFixture(t).setup();
    const server = t.app.getHttpServer() as http.Server;
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.set(new Date()));

  const corner = (n: number) => offset(n * 30_000, -30_000);

  function open(orderId: string, query: string, headers: Record<string, string> = {}): Promise<FirstResponse> {
    return new Promise((resolve, reject) => {
      const req = http.get(`http://127.0.0.1:${port}/api/orders/${orderId}/stream?${query}`, { headers }, (res) => {
        res.setEncoding('utf8');
        let body = '';
        const done = () => {
          resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body });
          req.destroy();
        };
        // A refusal ends; a stream stays open, so it is read up to its first event.
        res.on('data', (chunk: string) => {
          body += chunk;
          if (/^data: .*\n\n/m.test(body)) done();
        });
        res.on('end', done);
      });
      req.on('error', (err) => (err.message === 'socket hang up' ? undefined : reject(err)));
    });
  }

  async function ticketFor(orderId: string, auth: Auth): Promise<string> {
    const res = await t.http.post(`/api/orders/${orderId}/stream-ticket`).set(auth).expect(201);
    expect(res.body.expiresInSeconds).toBe(60);
    return res.body.ticket as string;
  }

  it('opens the stream once: the same ticket a second time is refused', async () => {
    const family = await d.family({ at: corner(1) });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    const ticket = await ticketFor(order.id, family.auth);

    const first = await open(order.id, `ticket=${ticket}`);
    expect(first.status).toBe(200);
    expect(first.contentType).toContain('text/event-stream');
    expect(first.body).toContain('event: status');
    expect(first.body).toContain(`"orderId":"${order.id}"`);

    const again = await open(order.id, `ticket=${ticket}`);
    expect(again.status).toBe(401);
    expect(JSON.parse(again.body)).toMatchObject({ error: 'AUTH.UNAUTHENTICATED', message: expect.stringContaining('请重新打开订单页面') });
  });

  it('expires 60 s after it was issued', async () => {
    const family = await d.family({ at: corner(2) });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    const inTime = await ticketFor(order.id, family.auth);
    t.clock.advance(59_000);
    expect((await open(order.id, `ticket=${inTime}`)).status).toBe(200);

    const late = await ticketFor(order.id, family.auth);
    t.clock.advance(61_000);
    expect((await open(order.id, `ticket=${late}`)).status).toBe(401);
  });

  it('is bound to its order: a ticket for one order does not open another the same user may see', async () => {
    const family = await d.family({ at: corner(3) });
    const one = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    const other = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'visit' });
    const ticket = await ticketFor(one.id, family.auth);
    expect((await open(other.id, `ticket=${ticket}`)).status).toBe(401);
  });

  it('is bound to its user: the stream acts as the user it was issued to, checked again when it opens', async () => {
    const family = await d.family({ at: corner(4) });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    const ticket = await ticketFor(order.id, family.auth);
    // Between issue and use the user leaves the household: the ticket does not outlive their access.
    await t.dataSource.query('DELETE FROM household_members WHERE household_id = ? AND user_id = ?', [family.householdId, family.userId]);
    const opened = await open(order.id, `ticket=${ticket}`);
    expect(opened.status).toBe(404);
    expect(JSON.parse(opened.body).error).toBe('ORDER.NOT_FOUND');
  });

  it("gives no ticket for another family's order (404, as if it did not exist)", async () => {
    const family = await d.family({ at: corner(5) });
    const stranger = await d.family({ at: corner(6) });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    const res = await t.http.post(`/api/orders/${order.id}/stream-ticket`).set(stranger.auth).expect(404);
    expect(res.body.error).toBe('ORDER.NOT_FOUND');
  });

  it('no longer takes the access token in the URL, nor a missing or made-up ticket', async () => {
    const family = await d.family({ at: corner(7) });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    const token = family.auth.Authorization.replace('Bearer ', '');
    expect((await open(order.id, `access_token=${token}`)).status).toBe(401);
    expect((await open(order.id, 'ticket=' + 'A'.repeat(43))).status).toBe(401);
    expect((await open(order.id, '')).status).toBe(401);
  });
});
