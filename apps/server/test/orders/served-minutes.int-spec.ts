import { Dispatcher } from '../../src/dispatch/dispatcher.service.js';
import { DispatchFixture, offset, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 13: the time bank earns the minutes actually served (check-in to check-out, at most the
 * booked duration); a check-out far shorter than booked (policy statement_checks.shortServiceShare,
 * default half) needs a reason and flags the service record at once.
 */
describe('served minutes: time bank and short check-outs', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let op: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    d = await new DispatchFixture(t).setup();
    op = await d.operator('时长运营');
  });
  afterAll(() => t.close());

  const corner = (n: number) => offset(n * 40_000, -20_000);

  /** A volunteer who has checked in to a 60-minute 助购 job of their own. */
  async function checkedIn(n: number) {
    const home = corner(n);
    const volunteer = await d.staff(`志愿者${n}`, { at: offset(100, 0, home), skills: ['shopping'] });
    await t.dataSource.query('UPDATE provider_staff SET is_volunteer = 1 WHERE id = ?', [volunteer.id]);
    const fam = await d.family({ at: home });
    const order = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'shopping' });
    await t.get(Dispatcher).dispatch(order.id);
    const [offer] = await d.offersOf(order.id);
    await t.http.post(`/api/offers/${offer.id}/accept`).set(volunteer.auth).expect(200);
    await t.http.post(`/api/orders/${order.id}/check-in`).set(volunteer.auth).send({ location: home }).expect(200);
    const [{ duration_minutes: booked }] = await t.dataSource.query('SELECT duration_minutes FROM orders WHERE id = ?', [order.id]);
    return { volunteer, fam, order, booked: Number(booked) };
  }

  it('earns 30 of 60 booked minutes when 30 were served, and never more than booked', async () => {
    const job = await checkedIn(1);
    expect(job.booked).toBe(60);
    t.clock.advance(30 * 60_000);
    await t.http.post(`/api/orders/${job.order.id}/check-out`).set(job.volunteer.auth).send({ tasks: ['买药'] }).expect(200);
    expect((await t.http.get('/api/timebank/me').set(job.volunteer.auth).expect(200)).body).toMatchObject({ balanceMinutes: 30, entries: [{ kind: 'earn', minutes: 30 }] });

    const long = await checkedIn(2);
    t.clock.advance(95 * 60_000);
    await t.http.post(`/api/orders/${long.order.id}/check-out`).set(long.volunteer.auth).send({ tasks: ['买菜'] }).expect(200);
    expect((await t.http.get('/api/timebank/me').set(long.volunteer.auth).expect(200)).body.balanceMinutes).toBe(60);
  });

  it('a check-out shorter than half the booked time without a reason → 400; with one it completes and is flagged at once', async () => {
    const job = await checkedIn(3);
    t.clock.advance(10 * 60_000);
    const bare = await t.http.post(`/api/orders/${job.order.id}/check-out`).set(job.volunteer.auth).send({ tasks: ['买药'] }).expect(400);
    expect(bare.body.details.fields[0]).toEqual({ field: 'shortReason', message: '实际服务 10 分钟，不足预约时长 60 分钟的 50%，请填写原因后再签退' });
    expect(await d.statusOf(job.order.id)).toBe('in_service');

    await t.http.post(`/api/orders/${job.order.id}/check-out`).set(job.volunteer.auth).send({ tasks: ['买药'], shortReason: '药店只有一种药，老人让先回' }).expect(200);
    const seen = (await t.http.get(`/api/orders/${job.order.id}`).set(op).expect(200)).body;
    expect(seen.serviceRecord).toMatchObject({ durationMinutes: 10, shortReason: '药店只有一种药，老人让先回' });
    expect(seen.events.map((e: { note: string | null }) => e.note)).toContain('服务完成，用时 10 分钟（不足预约的 60 分钟，原因：药店只有一种药，老人让先回）');
    const [record] = await t.dataSource.query('SELECT short_reason FROM service_records WHERE order_id = ?', [job.order.id]);
    expect(record.short_reason).toBe('药店只有一种药，老人让先回');
    expect((await t.http.get('/api/timebank/me').set(job.volunteer.auth).expect(200)).body.balanceMinutes).toBe(10);
  });

  it('takes the share from the region’s statement_checks policy', async () => {
    await t.dataSource.query(`INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, 'statement_checks', 1, '2020-01-01', '{"shortServiceShare": 0.8}')`, [d.regionId]);
    const job = await checkedIn(4);
    t.clock.advance(40 * 60_000);
    const res = await t.http.post(`/api/orders/${job.order.id}/check-out`).set(job.volunteer.auth).send({ tasks: ['买药'] }).expect(400);
    expect(res.body.details.fields[0].message).toContain('不足预约时长 60 分钟的 80%');
  });
});
