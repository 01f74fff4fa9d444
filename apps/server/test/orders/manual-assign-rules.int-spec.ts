import { Dispatcher } from '../../src/dispatch/dispatcher.service.js';
import { DispatchFixture, offset, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 13: the operator's manual assignment honours the same rules as dispatch — provider status,
 * staff credit against the region's `credit.suspendBelow`, and no overlapping scheduled jobs — and
 * re-approving a provider whose credit is below the threshold needs a stated reason, audited.
 */
describe('every rule on every path: dispatch and manual assignment', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let op: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    d = await new DispatchFixture(t).setup();
    await t.dataSource.query(`INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, 'credit', 1, '2020-01-01', '{"suspendBelow": 60}')`, [d.regionId]);
    op = await d.operator('规则运营');
  });
  afterAll(() => t.close());

  const corner = (n: number) => offset(n * 40_000, 20_000);
  const loseCredit = (subject: 'staff' | 'provider', id: string, points: number) =>
    t.dataSource.query(`INSERT INTO credit_events (subject_type, subject_id, points, reason, source_id, created_at) VALUES (?, ?, ?, '投诉查实', UUID(), NOW(3))`, [subject, id, points]);

  async function escalated(home: { lat: number; lng: number }, body: Record<string, unknown> = {}) {
    const family = await d.family({ at: home });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning', ...body });
    await t.get(Dispatcher).dispatch(order.id);
    return order;
  }

  it('a suspended provider’s staff get no offers and cannot be assigned by hand', async () => {
    const home = corner(1);
    const suspended = await d.provider({ at: home, status: 'suspended', recommended: false });
    const staff = await d.staff('停业机构员工', { at: offset(100, 0, home), providerId: suspended });
    const order = await escalated(home);
    expect(await d.offersOf(order.id)).toEqual([]);
    expect(await d.statusOf(order.id)).toBe('escalated');

    const res = await t.http.post(`/api/orders/${order.id}/assign`).set(op).send({ staffId: staff.id }).expect(409);
    expect(res.body).toMatchObject({ error: 'STAFF.NOT_QUALIFIED', message: `${staff.name}：所属机构未通过审核或已暂停，不能指派` });
    expect(await d.statusOf(order.id)).toBe('escalated');
  });

  it('staff below the region’s credit threshold get no offers and cannot be assigned; the log says why', async () => {
    const home = corner(2);
    const low = await d.staff('低信用', { at: offset(100, 0, home) });
    await loseCredit('staff', low.id, 45); // 100 − 45 = 55 < 60
    const order = await escalated(home);
    expect(await d.offersOf(order.id)).toEqual([]);
    const rounds = (await t.http.get(`/api/orders/${order.id}/dispatch-rounds`).set(op).expect(200)).body as { skipped: { staffId: string; reason: string; qualified: boolean }[] }[];
    expect(rounds[0].skipped).toContainEqual({ staffId: low.id, staffName: '低信用', reason: '信用分 55 低于本地区 60 分的派单门槛', qualified: false });

    const res = await t.http.post(`/api/orders/${order.id}/assign`).set(op).send({ staffId: low.id }).expect(409);
    expect(res.body.message).toBe('低信用：信用分 55 低于本地区 60 分的派单门槛，不能指派');
    expect(await d.statusOf(order.id)).toBe('escalated');

    // At the threshold itself the staff member works again.
    const ok = await d.staff('刚好及格', { at: offset(150, 0, home) });
    await loseCredit('staff', ok.id, 40);
    await t.http.post(`/api/orders/${order.id}/assign`).set(op).send({ staffId: ok.id }).expect(204);
  });

  it('an overlapping scheduled job: skipped by dispatch with the reason logged, manual assignment refused naming the clashing order', async () => {
    const home = corner(3);
    const busy = await d.staff('已有预约', { at: offset(100, 0, home), maxJobs: 5 });
    const start = new Date(t.clock.now().getTime() + 2 * 86_400_000);
    start.setUTCHours(2, 0, 0, 0); // 10:00 Shanghai
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000).toISOString();
    t.clock.set(new Date(start.getTime() - 3600_000));
    const first = await escalated(home, { windowStart: at(0), windowEnd: at(120) });
    const [offer] = await d.offersOf(first.id);
    expect(offer.staff_id).toBe(busy.id);
    await t.http.post(`/api/offers/${offer.id}/accept`).set(busy.auth).expect(200);

    const clashing = await escalated(offset(50, 0, home), { windowStart: at(60), windowEnd: at(180) });
    expect(await d.offersOf(clashing.id)).toEqual([]);
    const reason = `该时段已有其他服务：订单 ${first.id.slice(0, 8)}（助洁，${start.toISOString().slice(0, 10)} 10:00–12:00）`;
    const rounds = (await t.http.get(`/api/orders/${clashing.id}/dispatch-rounds`).set(op).expect(200)).body as { skipped: { staffId: string; reason: string }[] }[];
    expect(rounds.flatMap((r) => r.skipped).filter((s) => s.staffId === busy.id).map((s) => s.reason)).toContain(reason);

    const res = await t.http.post(`/api/orders/${clashing.id}/assign`).set(op).send({ staffId: busy.id }).expect(409);
    expect(res.body).toMatchObject({ error: 'STAFF.SCHEDULE_CLASH', message: `已有预约：${reason}，不能指派` });
    expect(await d.statusOf(clashing.id)).toBe('escalated');

    // Back to back is no clash: the next job is offered to the same staff member.
    t.clock.set(new Date(start.getTime() + 3600_000));
    const after = await escalated(offset(60, 0, home), { windowStart: at(120), windowEnd: at(240) });
    expect((await d.offersOf(after.id)).map((o) => o.staff_id)).toEqual([busy.id]);
  });

  it('re-approving a provider whose credit is below the threshold needs a reason, which is audited and kept in the filing history', async () => {
    const provider = await d.provider({ at: corner(4), status: 'suspended', recommended: false });
    await loseCredit('provider', provider, 50);
    const bare = await t.http.patch(`/api/providers/${provider}/status`).set(op).send({ status: 'approved' }).expect(400);
    expect(bare.body.details.fields[0]).toEqual({ field: 'reason', message: '该机构信用分 50 低于本地区 60 分的门槛，恢复审核通过须写明原因' });
    await t.http.patch(`/api/providers/${provider}/status`).set(op).send({ status: 'approved', reason: '  ' }).expect(400);
    const [still] = await t.dataSource.query('SELECT status FROM providers WHERE id = ?', [provider]);
    expect(still.status).toBe('suspended');

    const res = await t.http.patch(`/api/providers/${provider}/status`).set(op).send({ status: 'approved', reason: '整改完成，复查合格' }).expect(200);
    expect(res.body).toMatchObject({ status: 'approved', recommended: true });
    const audit = (await t.http.get(`/api/operator/audit?entityId=${provider}`).set(op).expect(200)).body as { action: string }[];
    expect(audit.map((a) => a.action)).toContain('provider_approved');
    const record = (await t.http.get(`/api/supervision/providers/${provider}`).set(op).expect(200)).body as { filingHistory: { changes: { field: string; to: string }[] }[] };
    expect(record.filingHistory.flatMap((h) => h.changes)).toContainEqual(expect.objectContaining({ field: 'status', to: '审核通过（整改完成，复查合格）' }));

    // A provider in good standing is approved without one.
    const good = await d.provider({ at: corner(5), status: 'pending', recommended: false });
    await t.http.patch(`/api/providers/${good}/status`).set(op).send({ status: 'approved' }).expect(200);
  });
});
