import { Dispatcher } from '../../src/dispatch/dispatcher.service.js';
import { CENTER, DispatchFixture, offset } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('dispatch (线上点单、线下派单)', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let dispatcher: Dispatcher;

  beforeAll(async () => {
    t = await createTestApp({ env: { DISPATCH_OFFER_TIMEOUT_SECONDS: '60' } });
    d = await new DispatchFixture(t).setup();
    dispatcher = t.get(Dispatcher);
  });
  afterAll(() => t.close());

  // Each test works in its own corner of the map, so staff from one test are out of reach of another's.
  const corner = (n: number) => offset(n * 40_000, 0);

  it('offers the job to the nearest qualified staff first, and to the next one after a decline', async () => {
    const home = corner(1);
    const near = await d.staff('近的', { at: offset(300, 0, home) });
    const far = await d.staff('远的', { at: offset(1500, 0, home) });
    const family = await d.family({ at: home });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    await dispatcher.dispatch(order.id);
    expect(await d.offersOf(order.id)).toEqual([expect.objectContaining({ staff_id: near.id, status: 'offered' })]);
    expect(await d.statusOf(order.id)).toBe('offered');

    const offers = (await t.http.get('/api/staff/me/offers').set(near.auth).expect(200)).body;
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({ distanceMeters: expect.any(Number), job: { serviceName: '助洁', orderId: order.id } });
    await t.http.post(`/api/offers/${offers[0].id}/decline`).set(near.auth).expect(204);

    const after = await d.offersOf(order.id);
    expect(after.map((o) => [o.staff_id, o.status])).toEqual([
      [near.id, 'declined'],
      [far.id, 'offered'],
    ]);
    // The log tells a decline from a timeout, and so does the family's timeline.
    const op = await d.f.login('派单日志运营');
    await d.makeOperator(op.tokens.user.id);
    const rounds = (await t.http.get(`/api/orders/${order.id}/dispatch-rounds`).set(op.auth).expect(200)).body as { offers: { staffName: string; status: string; statusLabel: string }[] }[];
    expect(rounds.flatMap((r) => r.offers.map((o) => [o.staffName, o.statusLabel]))).toEqual([['近的', '已婉拒'], ['远的', '待响应']]);
    const events = (await t.http.get(`/api/orders/${order.id}`).set(family.auth).expect(200)).body.events as { note: string | null }[];
    expect(events.map((e) => e.note)).toContain('服务人员暂时无法接单，继续为您派单');
  });

  it('passes the job on when an offer times out (time moved, not slept)', async () => {
    const home = corner(2);
    const first = await d.staff('不回应', { at: offset(200, 0, home) });
    const second = await d.staff('第二位', { at: offset(900, 0, home) });
    const family = await d.family({ at: home });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    await dispatcher.dispatch(order.id);
    const [offer] = await d.offersOf(order.id);
    expect(offer.staff_id).toBe(first.id);

    t.clock.advance(30_000);
    await dispatcher.expireOffer(offer.id);
    expect((await d.offersOf(order.id)).map((o) => o.status)).toEqual(['offered']);

    t.clock.advance(31_000);
    await dispatcher.sweep();
    expect((await d.offersOf(order.id)).map((o) => [o.staff_id, o.status])).toEqual([
      [first.id, 'expired'],
      [second.id, 'offered'],
    ]);
    const late = await t.http.post(`/api/offers/${offer.id}/accept`).set(first.auth).expect(409);
    expect(late.body.error).toBe('OFFER.EXPIRED');
    const events = (await t.http.get(`/api/orders/${order.id}`).set(family.auth).expect(200)).body.events as { note: string | null }[];
    expect(events.map((e) => e.note)).toContain('服务人员未在 60 秒内响应，继续为您派单');
  });

  it('widens the circle 3 → 5 → 8 km, then escalates to the operator, who assigns by hand', async () => {
    const home = corner(3);
    const at4km = await d.staff('四公里', { at: offset(4000, 0, home) });
    const at7km = await d.staff('七公里', { at: offset(7000, 0, home) });
    const family = await d.family({ at: home });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    await dispatcher.dispatch(order.id);
    let offers = await d.offersOf(order.id);
    expect(offers.map((o) => o.staff_id)).toEqual([at4km.id]);
    await t.http.post(`/api/offers/${offers[0].id}/decline`).set(at4km.auth).expect(204);
    offers = await d.offersOf(order.id);
    expect(offers.map((o) => o.staff_id)).toEqual([at4km.id, at7km.id]);
    await t.http.post(`/api/offers/${offers[1].id}/decline`).set(at7km.auth).expect(204);
    expect(await d.statusOf(order.id)).toBe('escalated');

    const rounds: { radius_m: number; offered_to: string | string[] }[] = await t.dataSource.query('SELECT radius_m, offered_to FROM dispatch_rounds WHERE order_id = ? ORDER BY round_no', [order.id]);
    expect(rounds.map((r) => r.radius_m)).toEqual([3000, 5000, 5000, 8000, 8000]);

    const op = await d.f.login('运营');
    await d.makeOperator(op.tokens.user.id);
    const queue = (await t.http.get('/api/operator/escalations').set(op.auth).expect(200)).body;
    expect(queue.map((o: { id: string }) => o.id)).toContain(order.id);
    const log = (await t.http.get(`/api/orders/${order.id}/dispatch-rounds`).set(op.auth).expect(200)).body;
    expect(log[2].skipped).toEqual([expect.objectContaining({ staffId: at4km.id, reason: '已婉拒此单' })]);
    await t.http.get(`/api/orders/${order.id}/dispatch-rounds`).set(family.auth).expect(403);

    await t.http.post(`/api/orders/${order.id}/assign`).set(op.auth).send({ staffId: at7km.id }).expect(204);
    const seen = (await t.http.get(`/api/orders/${order.id}`).set(family.auth).expect(200)).body;
    expect(seen).toMatchObject({ status: 'accepted', staff: { id: at7km.id, name: '七公里' } });
    expect(seen.events.map((e: { status: string }) => e.status)).toEqual(['created', 'dispatching', 'offered', 'dispatching', 'offered', 'dispatching', 'escalated', 'accepted']);
  });

  it('never offers a certified service to someone whose certificate is missing or expired on the service date', async () => {
    const home = corner(4);
    const expired = await d.staff('证过期', { at: offset(100, 0, home), certificates: [{ type: 'elder_care', expiresOn: '2026-12-01' }] });
    const none = await d.staff('无证', { at: offset(200, 0, home) });
    const valid = await d.staff('持证', { at: offset(2500, 0, home), certificates: [{ type: 'elder_care', expiresOn: '2030-01-01' }] });
    const family = await d.family({ at: home });
    const start = new Date(t.clock.now().getTime() + 8 * 86_400_000);
    start.setUTCHours(2, 0, 0, 0);
    const order = await d.order(family.auth, {
      elderId: family.elder.id, serviceCode: 'bathing', windowStart: start.toISOString(), windowEnd: new Date(start.getTime() + 2 * 3600_000).toISOString(),
    });
    t.clock.set(new Date(start.getTime() - 3600_000));
    await dispatcher.dispatch(order.id);
    expect((await d.offersOf(order.id)).map((o) => o.staff_id)).toEqual([valid.id]);
    const [round] = await t.dataSource.query('SELECT skipped FROM dispatch_rounds WHERE order_id = ?', [order.id]);
    const skipped = (typeof round.skipped === 'string' ? JSON.parse(round.skipped) : round.skipped) as { staffId: string; reason: string }[];
    expect(skipped.find((s) => s.staffId === expired.id)?.reason).toMatch(/没有在 \d{4}-\d{2}-\d{2} 有效的「养老护理员证」/);
    expect(skipped.find((s) => s.staffId === none.id)?.reason).toContain('养老护理员证');
    t.clock.set(new Date());
  });

  it('starts a scheduled order’s dispatch at the lead time before its window, not at once', async () => {
    const home = corner(5);
    await d.staff('预约', { at: offset(100, 0, home) });
    const family = await d.family({ at: home });
    const start = new Date(t.clock.now().getTime() + 26 * 3600_000);
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning', windowStart: start.toISOString(), windowEnd: new Date(start.getTime() + 3 * 3600_000).toISOString() });
    await dispatcher.dispatch(order.id);
    expect(await d.statusOf(order.id)).toBe('created');
    t.clock.set(new Date(start.getTime() - 119 * 60_000));
    await dispatcher.sweep();
    expect(await d.statusOf(order.id)).toBe('offered');
    t.clock.set(new Date());
  });

  it('keeps staff of one organisation away from another’s offers', async () => {
    const home = corner(6);
    const mine = await d.staff('本机构', { at: offset(100, 0, home) });
    const otherProvider = await d.provider({ at: home });
    const stranger = await d.staff('他机构', { at: offset(5000, 0, home), providerId: otherProvider });
    const family = await d.family({ at: home });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    await dispatcher.dispatch(order.id);
    const [offer] = await d.offersOf(order.id);
    expect(offer.staff_id).toBe(mine.id);
    expect((await t.http.get('/api/staff/me/offers').set(stranger.auth).expect(200)).body).toEqual([]);
    expect((await t.http.post(`/api/offers/${offer.id}/accept`).set(stranger.auth).expect(404)).body.error).toBe('OFFER.NOT_FOUND');
    await t.http.post(`/api/offers/${offer.id}/decline`).set(stranger.auth).expect(404);
    await t.http.post(`/api/orders/${order.id}/depart`).set(stranger.auth).expect(404);
    expect((await t.http.get('/api/staff/me/offers').set(family.auth).expect(403)).body.error).toBe('STAFF.NOT_STAFF');
  });

  it('skips staff who are off duty, at full load, or whose organisation is suspended or outside its area', async () => {
    const home = corner(7);
    const suspended = await d.provider({ at: home, status: 'suspended' });
    const tinyArea = await d.provider({ at: offset(9000, 0, home), radiusM: 1000 });
    const a = await d.staff('暂停机构', { at: offset(100, 0, home), providerId: suspended });
    const b = await d.staff('范围外', { at: offset(150, 0, home), providerId: tinyArea });
    const c = await d.staff('满负荷', { at: offset(200, 0, home), maxJobs: 1 });
    await t.dataSource.query(
      `INSERT INTO orders (id, household_id, elder_id, created_by, idempotency_key, request_hash, service_code, status, dispatch_at, address, lat, lng, duration_minutes, price_fen, subsidy_fen, pay_fen, subsidy_note, staff_id)
       SELECT UUID(), household_id, id, created_by, UUID(), REPEAT('0', 64), 'visit', 'accepted', NOW(3), 'x', lat, lng, 60, 1, 0, 1, '', ? FROM elders LIMIT 1`,
      [c.id],
    );
    const offDuty = await d.staff('下班', { at: offset(250, 0, home), onDuty: false });
    const ok = await d.staff('可接', { at: offset(2000, 0, home) });
    const family = await d.family({ at: home });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    await dispatcher.dispatch(order.id);
    expect((await d.offersOf(order.id)).map((o) => o.staff_id)).toEqual([ok.id]);
    const [round] = await t.dataSource.query('SELECT skipped FROM dispatch_rounds WHERE order_id = ?', [order.id]);
    const reasons = Object.fromEntries((typeof round.skipped === 'string' ? JSON.parse(round.skipped) : round.skipped).map((s: { staffId: string; reason: string }) => [s.staffId, s.reason]));
    expect(reasons[a.id]).toBe('所属机构未通过审核或已暂停');
    expect(reasons[b.id]).toMatch(/^服务地址不在所属机构的服务范围内/);
    expect(reasons[c.id]).toBe('接单已满（1/1）');
    expect(reasons[offDuty.id]).toBeUndefined();
  });

  it('broadcasts 助急 to everyone near at once; of 20 concurrent accepts exactly one wins', async () => {
    const home = corner(8);
    const crowd = await Promise.all(Array.from({ length: 20 }, (_, i) => d.staff(`急${i}`, { at: offset(100 + i * 50, 0, home) })));
    const family = await d.family({ at: home });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'emergency' });
    await dispatcher.dispatch(order.id);
    const offers = await d.offersOf(order.id);
    expect(offers).toHaveLength(20);
    const byStaff = new Map(offers.map((o) => [o.staff_id, o.id]));
    const results = await Promise.all(crowd.map((s) => t.http.post(`/api/offers/${byStaff.get(s.id)}/accept`).set(s.auth)));
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error === 'OFFER.TAKEN')).toBe(true);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    const final = await d.offersOf(order.id);
    expect(final.filter((o) => o.status === 'accepted')).toHaveLength(1);
    expect(final.filter((o) => o.status === 'withdrawn')).toHaveLength(19);
    const [row] = await t.dataSource.query('SELECT status, staff_id FROM orders WHERE id = ?', [order.id]);
    expect(row.status).toBe('accepted');
    expect(row.staff_id).toBe(final.find((o) => o.status === 'accepted')!.staff_id);
  });

  it('escalates at once when nobody at all is within 8 km', async () => {
    const family = await d.family({ at: corner(9) });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    await dispatcher.dispatch(order.id);
    expect(await d.statusOf(order.id)).toBe('escalated');
  });

  it('is idempotent: dispatching an order that already has a live offer changes nothing', async () => {
    const home = corner(10);
    await d.staff('甲', { at: offset(100, 0, home) });
    await d.staff('乙', { at: offset(200, 0, home) });
    const family = await d.family({ at: home });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    await Promise.all([dispatcher.dispatch(order.id), dispatcher.dispatch(order.id), dispatcher.dispatch(order.id)]);
    expect(await d.offersOf(order.id)).toHaveLength(1);
  });

  void CENTER;
});
