import { OffersService } from '../../src/dispatch/offers.service.js';
import { Dispatcher } from '../../src/dispatch/dispatcher.service.js';
import { DispatchFixture, offset, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { Redis } from 'ioredis';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

describe('home-care orders', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let dispatcher: Dispatcher;

  beforeAll(async () => {
    t = await createTestApp();
    d = await new DispatchFixture(t).setup();
    dispatcher = t.get(Dispatcher);
  });
  afterAll(() => t.close());

  const corner = (n: number) => offset(n * 40_000, 40_000);

  it('turns 50 concurrent creates with one Idempotency-Key into one order', async () => {
    const family = await d.family({ at: corner(1) });
    const body = { elderId: family.elder.id, serviceCode: 'cleaning', notes: '同一笔' };
    const results = await Promise.all(Array.from({ length: 50 }, () => t.http.post('/api/orders').set(family.auth).set('Idempotency-Key', 'same-key-0001').send(body)));
    expect(results.every((r) => r.status === 201 || r.status === 200)).toBe(true);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM orders WHERE elder_id = ?', [family.elder.id]);
    expect(Number(n)).toBe(1);
    const [{ ledger }] = await t.dataSource.query('SELECT COUNT(*) AS ledger FROM subsidy_ledger WHERE elder_id = ?', [family.elder.id]);
    expect(Number(ledger)).toBeLessThanOrEqual(1);
  });

  it('refuses an order without an Idempotency-Key, and the same key for a different order', async () => {
    const family = await d.family({ at: corner(2) });
    const missing = await t.http.post('/api/orders').set(family.auth).send({ elderId: family.elder.id, serviceCode: 'cleaning' }).expect(400);
    expect(missing.body.error).toBe('ORDER.IDEMPOTENCY_KEY_REQUIRED');
    await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' }, 'reused-key-01');
    const reused = await t.http.post('/api/orders').set(family.auth).set('Idempotency-Key', 'reused-key-01').send({ elderId: family.elder.id, serviceCode: 'visit' }).expect(422);
    expect(reused.body.error).toBe('ORDER.IDEMPOTENCY_KEY_REUSED');
  });

  it('names each bad field of an order', async () => {
    const family = await d.family({ at: corner(3) });
    const bad = await t.http.post('/api/orders').set(family.auth).set('Idempotency-Key', 'bad-fields-01')
      .send({ elderId: 'x', serviceCode: 'massage', windowStart: 'tomorrow', location: { lat: 100, lng: 0 }, notes: 'x'.repeat(501) }).expect(400);
    expect((bad.body.details.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['elderId', 'location.lat', 'notes', 'serviceCode', 'windowStart']);
    const start = new Date(t.clock.now().getTime() + 3600_000).toISOString();
    const half = await t.http.post('/api/orders').set(family.auth).set('Idempotency-Key', 'bad-fields-02').send({ elderId: family.elder.id, serviceCode: 'cleaning', windowStart: start }).expect(400);
    expect(half.body.details.fields[0].field).toBe('windowEnd');
    const urgent = await t.http.post('/api/orders').set(family.auth).set('Idempotency-Key', 'bad-fields-03')
      .send({ elderId: family.elder.id, serviceCode: 'emergency', windowStart: start, windowEnd: new Date(Date.parse(start) + 7200_000).toISOString() }).expect(400);
    expect(urgent.body.message).toContain('助急');
    const past = await t.http.post('/api/orders').set(family.auth).set('Idempotency-Key', 'bad-fields-04')
      .send({ elderId: family.elder.id, serviceCode: 'cleaning', windowStart: '2020-01-01T00:00:00Z', windowEnd: '2020-01-01T03:00:00Z' }).expect(400);
    expect(past.body.details.fields[0]).toEqual({ field: 'windowStart', message: '预约开始时间已经过去' });
  });

  it('hides one household’s orders from another (404), and a family cannot order for someone else’s elder', async () => {
    const a = await d.family({ at: corner(4) });
    const b = await d.family({ at: corner(4) });
    const order = await d.order(a.auth, { elderId: a.elder.id, serviceCode: 'cleaning' });
    expect((await t.http.get(`/api/orders/${order.id}`).set(b.auth).expect(404)).body.error).toBe('ORDER.NOT_FOUND');
    await t.http.post(`/api/orders/${order.id}/cancel`).set(b.auth).send({ reason: '恶意' }).expect(404);
    await t.http.post(`/api/orders/${order.id}/rating`).set(b.auth).send({ stars: 1, tags: [] }).expect(404);
    expect((await t.http.get('/api/orders').set(b.auth).expect(200)).body).toEqual([]);
    const foreign = await t.http.post('/api/orders').set(b.auth).set('Idempotency-Key', 'foreign-elder-1').send({ elderId: a.elder.id, serviceCode: 'cleaning' }).expect(404);
    expect(foreign.body.error).toBe('ELDER.NOT_FOUND');
    expect((await t.http.get(`/api/orders/${order.id}`).set(a.auth).expect(200)).body.id).toBe(order.id);
  });

  it('prices with the region’s subsidy table and holds the monthly cap across orders', async () => {
    // 低保: 80 % of the price, at most ¥400 a month (DEMO_SUBSIDY_RULES).
    const family = await d.family({ at: corner(5), category: 'dibao' });
    const quote = (await t.http.get(`/api/catalog/quote?elderId=${family.elder.id}&serviceCode=rehab`).set(family.auth).expect(200)).body;
    expect(quote).toMatchObject({ priceFen: 15000, subsidyFen: 12000, payFen: 3000, policyVersion: 1 });
    const paid: number[] = [];
    for (let i = 0; i < 4; i++) paid.push((await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'rehab' })).price.subsidyFen);
    expect(paid).toEqual([12000, 12000, 12000, 4000]);
    const [{ total }] = await t.dataSource.query('SELECT SUM(amount_fen) AS total FROM subsidy_ledger WHERE elder_id = ?', [family.elder.id]);
    expect(Number(total)).toBe(40000);
    const fifth = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'rehab' });
    expect(fifth.price).toMatchObject({ subsidyFen: 0, payFen: 15000, subsidyNote: '本月补贴额度已用完' });
  });

  it('keeps the cap under concurrent orders for the same elder', async () => {
    const family = await d.family({ at: corner(6), category: 'dibao' });
    const results = await Promise.all(Array.from({ length: 8 }, () => d.order(family.auth, { elderId: family.elder.id, serviceCode: 'rehab' })));
    expect(results.reduce((sum, o) => sum + o.price.subsidyFen, 0)).toBe(40000);
    const [{ total }] = await t.dataSource.query('SELECT SUM(amount_fen) AS total FROM subsidy_ledger WHERE elder_id = ?', [family.elder.id]);
    expect(Number(total)).toBe(40000);
  });

  it('gives no subsidy until the category is verified', async () => {
    const family = await d.family({ at: corner(7), category: 'dibao', verified: false });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    expect(order.price).toMatchObject({ subsidyFen: 0, payFen: 8000, subsidyNote: '补贴类别待街道核验，核验通过后享受补贴' });
  });

  it('cancels free before acceptance and gives the subsidy back to the month', async () => {
    const family = await d.family({ at: corner(8), category: 'dibao' });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'rehab' });
    const cancelled = (await t.http.post(`/api/orders/${order.id}/cancel`).set(family.auth).send({ reason: '老人临时外出' }).expect(200)).body;
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelFeeFen: 0 });
    const [{ total }] = await t.dataSource.query('SELECT SUM(amount_fen) AS total FROM subsidy_ledger WHERE elder_id = ?', [family.elder.id]);
    expect(Number(total)).toBe(0);
    const again = await t.http.post(`/api/orders/${order.id}/cancel`).set(family.auth).send({ reason: '再取消' }).expect(409);
    expect(again.body).toMatchObject({ error: 'ORDER.INVALID_TRANSITION', message: '订单当前为「已取消」，不能取消订单' });
    expect((await t.http.post(`/api/orders/${order.id}/cancel`).set(family.auth).send({}).expect(400)).body.details.fields[0].field).toBe('reason');
  });

  it('runs the whole job: accept, depart, geofenced check-in, check-out, rating — with live status to the family', async () => {
    const home = corner(9);
    const staff = await d.staff('全流程', { at: offset(300, 0, home) });
    const family = await d.family({ at: home });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    const stream = await openStream(t, order.id, family.auth);
    await dispatcher.dispatch(order.id);
    const [offer] = await d.offersOf(order.id);

    await t.http.post(`/api/offers/${offer.id}/accept`).set(staff.auth).expect(200);
    const acceptedAt = Date.now();
    await stream.waitFor('accepted');
    expect(Date.now() - acceptedAt).toBeLessThan(2000);

    const early = await t.http.post(`/api/orders/${order.id}/check-out`).set(staff.auth).send({ tasks: ['打扫'] }).expect(409);
    expect(early.body.error).toBe('ORDER.INVALID_TRANSITION');
    await t.http.post(`/api/orders/${order.id}/depart`).set(staff.auth).expect(200);
    await stream.waitFor('en_route');

    const far = await t.http.post(`/api/orders/${order.id}/check-in`).set(staff.auth).send({ location: offset(350, 0, home) }).expect(422);
    expect(far.body).toMatchObject({ error: 'ORDER.CHECK_IN_TOO_FAR', details: { distanceMeters: 350, allowedMeters: 200 } });
    expect(far.body.message).toContain('约 350 米');
    const overridden = await t.http.post(`/api/orders/${order.id}/check-in`).set(staff.auth).send({ location: offset(350, 0, home), overrideReason: '小区内定位漂移' }).expect(200);
    expect(overridden.body.status).toBe('in_service');
    const [record] = await t.dataSource.query('SELECT flagged, check_in_distance_m FROM service_records WHERE order_id = ?', [order.id]);
    expect(record).toMatchObject({ flagged: 1, check_in_distance_m: 350 });

    t.clock.advance(95 * 60_000);
    const done = (await t.http.post(`/api/orders/${order.id}/check-out`).set(staff.auth).send({ tasks: ['清扫客厅', '整理衣物'], notes: '老人状态良好' }).expect(200)).body;
    expect(done).toMatchObject({ status: 'completed', serviceRecord: { tasks: ['清扫客厅', '整理衣物'], durationMinutes: 95 } });
    await stream.waitFor('completed');

    const rated = (await t.http.post(`/api/orders/${order.id}/rating`).set(family.auth).send({ stars: 5, tags: ['准时', '耐心'], comment: '很满意' }).expect(200)).body;
    expect(rated).toMatchObject({ status: 'rated', rating: { stars: 5, tags: ['准时', '耐心'] }, staff: { name: '全流程', ratingX100: 500, providerPhone: null } });
    expect(rated.events.map((e: { label: string }) => e.label)).toEqual(['已下单', '正在派单', '等待接单', '已接单', '服务人员出发', '服务中', '服务完成', '已评价']);
    stream.close();
    t.clock.set(new Date());
  });

  it('accepts a check-in without a position fix only with a reason, and flags it', async () => {
    const home = corner(12);
    const staff = await d.staff('无定位', { at: offset(100, 0, home) });
    const family = await d.family({ at: home });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    await dispatcher.dispatch(order.id);
    const [offer] = await d.offersOf(order.id);
    await t.http.post(`/api/offers/${offer.id}/accept`).set(staff.auth).expect(200);
    const refused = await t.http.post(`/api/orders/${order.id}/check-in`).set(staff.auth).send({}).expect(400);
    expect(refused.body.details.fields[0].field).toBe('location');
    await t.http.post(`/api/orders/${order.id}/check-in`).set(staff.auth).send({ overrideReason: '楼内无信号' }).expect(200);
    const [record] = await t.dataSource.query('SELECT flagged FROM service_records WHERE order_id = ?', [order.id]);
    expect(record.flagged).toBe(1);
  });

  it('charges the provider’s cancellation fee once the staff member is on the way', async () => {
    const home = corner(10);
    const staff = await d.staff('取消费', { at: offset(100, 0, home) });
    const family = await d.family({ at: home });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    await dispatcher.dispatch(order.id);
    const [offer] = await d.offersOf(order.id);
    await t.http.post(`/api/offers/${offer.id}/accept`).set(staff.auth).expect(200);
    await t.http.post(`/api/orders/${order.id}/depart`).set(staff.auth).expect(200);
    const cancelled = (await t.http.post(`/api/orders/${order.id}/cancel`).set(family.auth).send({ reason: '不需要了' }).expect(200)).body;
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelFeeFen: 1600 });
    const late = await t.http.post(`/api/orders/${order.id}/check-in`).set(staff.auth).send({ location: home }).expect(409);
    expect(late.body.error).toBe('ORDER.INVALID_TRANSITION');
  });

  it('notifies the family when the job is accepted (outbox → notify, recorded)', async () => {
    const home = corner(11);
    const staff = await d.staff('通知', { at: offset(100, 0, home) });
    const family = await d.family({ at: home });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'visit' });
    await dispatcher.dispatch(order.id);
    const [offer] = await d.offersOf(order.id);
    await t.get(OffersService).accept({ userId: (await userOf(t, staff.auth)), roles: ['provider_staff'], elderId: null }, offer.id);
    const { NotificationsService } = await import('../../src/notifications/notifications.service.js');
    const rows: { id: string; event: string; payload: string | Record<string, unknown> }[] = await t.dataSource.query(`SELECT id, event, payload FROM outbox WHERE aggregate_id = ? ORDER BY id`, [order.id]);
    const service = t.get(NotificationsService);
    for (const r of rows) await service.deliver({ outboxId: r.id, event: r.event, payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload });
    const mine = (await t.http.get('/api/notifications').set(family.auth).expect(200)).body as { topic: string; body: string }[];
    expect(mine.map((n) => n.topic)).toContain('order.accepted');
    const staffNotes = (await t.http.get('/api/notifications').set(staff.auth).expect(200)).body as { topic: string }[];
    expect(staffNotes.map((n) => n.topic)).toEqual(['offer.made']);
  });
});

async function userOf(t: TestApp, auth: Auth): Promise<string> {
  return (await t.http.get('/api/me').set(auth).expect(200)).body.id;
}

/** Reads the SSE stream the way the H5 app's EventSource does. */
async function openStream(t: TestApp, orderId: string, auth: Auth) {
  const server = t.app.getHttpServer() as http.Server;
  if (!server.listening) await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const { ticket } = (await t.http.post(`/api/orders/${orderId}/stream-ticket`).set(auth).expect(201)).body as { ticket: string };
  const seen: string[] = [];
  const waiters: { status: string; resolve: () => void }[] = [];
  const req = http.get(`http://127.0.0.1:${port}/api/orders/${orderId}/stream?ticket=${ticket}`, (res) => {
    res.setEncoding('utf8');
    let buffer = '';
    res.on('data', (chunk: string) => {
      buffer += chunk;
      for (const line of buffer.split('\n')) {
        if (!line.startsWith('data: ')) continue;
        const status = (JSON.parse(line.slice(6)) as { status: string }).status;
        seen.push(status);
        for (const w of waiters.filter((x) => x.status === status)) w.resolve();
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
    });
  });
  await new Promise((r) => setTimeout(r, 100));
  return {
    seen,
    waitFor(status: string): Promise<void> {
      if (seen.includes(status)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        waiters.push({ status, resolve });
        setTimeout(() => reject(new Error(`no "${status}" on the stream within 2 s; saw ${seen.join(', ')}`)), 2000);
      });
    },
    close: () => req.destroy(),
  };
}

describe('an order survives the worker dying between commit and offer', () => {
  it('is still dispatched after a restart, from the outbox in MariaDB, with Redis emptied', async () => {
    const first = await createTestApp({ role: 'api' });
    const d = await new DispatchFixture(first).setup();
    await d.staff('重启后', { at: offset(200, 0) });
    const family = await d.family();
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    expect(await d.statusOf(order.id)).toBe('created');
    const reuse = { dbName: first.dbName, redisPrefix: first.redisPrefix };
    await first.close({ keepData: true });

    // The queued job and the staff positions are gone with Redis; only MariaDB remembers.
    const redis = new Redis({ host: '127.0.0.1', port: 6379 });
    const keys = await redis.keys(`${reuse.redisPrefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();

    const second = await createTestApp({ role: 'all', reuse });
    try {
      const deadline = Date.now() + 15_000;
      let status = 'created';
      while (Date.now() < deadline && status !== 'offered') {
        await new Promise((r) => setTimeout(r, 200));
        [{ status }] = await second.dataSource.query('SELECT status FROM orders WHERE id = ?', [order.id]);
      }
      expect(status).toBe('offered');
    } finally {
      await second.close();
    }
  });
});
