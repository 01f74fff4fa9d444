import { randomUUID } from 'node:crypto';
import { Dispatcher } from '../../src/dispatch/dispatcher.service.js';
import { DispatchFixture, offset, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('推荐清单: government-paid orders go only to providers on the list', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let op: Auth;
  let otherOp: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    d = await new DispatchFixture(t).setup();
    const otherStreet = randomUUID();
    await t.dataSource.query(`INSERT INTO regions (id, code, name, level, center_lat, center_lng) VALUES (?, 'rec-other', '别的街道', 'street', 31, 121)`, [otherStreet]);
    op = await d.operator('清单运营');
    otherOp = await d.operator('外街清单运营', otherStreet);
  });
  afterAll(() => t.close());

  it('takes an approved provider off the list with a reason (no subsidised offers, private ones still), and puts it back', async () => {
    const home = offset(0, 70_000);
    const provider = await d.provider({ at: home });
    const staff = await d.staff('清单员工', { at: offset(100, 0, home), providerId: provider });

    const noReason = await t.http.patch(`/api/providers/${provider}/recommended`).set(op).send({ recommended: false, reason: ' ' }).expect(400);
    expect(noReason.body.details.fields[0].field).toBe('reason');
    await t.http.patch(`/api/providers/${provider}/recommended`).set(otherOp).send({ recommended: false, reason: '越权' }).expect(404);
    const off = await t.http.patch(`/api/providers/${provider}/recommended`).set(op).send({ recommended: false, reason: '等级评定为二星' }).expect(200);
    expect(off.body).toMatchObject({ id: provider, status: 'approved', recommended: false });

    const subsidised = await d.family({ at: home, category: 'dibao' });
    const paid = await d.order(subsidised.auth, { elderId: subsidised.elder.id, serviceCode: 'cleaning' });
    expect(paid.price.subsidyFen).toBeGreaterThan(0);
    await t.get(Dispatcher).dispatch(paid.id);
    expect((await d.offersOf(paid.id)).map((o) => o.staff_id)).not.toContain(staff.id);
    const rounds = (await t.http.get(`/api/orders/${paid.id}/dispatch-rounds`).set(op).expect(200)).body as { skipped: { staffId: string; reason: string }[] }[];
    expect(rounds[0].skipped).toContainEqual(expect.objectContaining({ staffId: staff.id, reason: '政府补贴订单只派给推荐清单内的机构' }));

    const privateFamily = await d.family({ at: offset(10, 0, home) });
    const own = await d.order(privateFamily.auth, { elderId: privateFamily.elder.id, serviceCode: 'cleaning' });
    expect(own.price.subsidyFen).toBe(0);
    await t.get(Dispatcher).dispatch(own.id);
    expect((await d.offersOf(own.id)).map((o) => o.staff_id)).toContain(staff.id);

    const back = await t.http.patch(`/api/providers/${provider}/recommended`).set(op).send({ recommended: true, reason: '复评为四星' }).expect(200);
    expect(back.body.recommended).toBe(true);
    const record = (await t.http.get(`/api/supervision/providers/${provider}`).set(op).expect(200)).body as { filingHistory: { changes: { field: string; to: string }[] }[] };
    expect(record.filingHistory.flatMap((h) => h.changes.filter((c) => c.field === 'recommended').map((c) => c.to))).toEqual(['在清单内（复评为四星）', '不在清单内（等级评定为二星）']);
    const audit = (await t.http.get(`/api/operator/audit?entityId=${provider}`).set(op).expect(200)).body as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['provider_recommended', 'provider_unrecommended']);
  });

  it('refuses to list a suspended provider', async () => {
    const provider = await d.provider({ at: offset(0, 72_000), status: 'suspended', recommended: false });
    const res = await t.http.patch(`/api/providers/${provider}/recommended`).set(op).send({ recommended: true, reason: '申请恢复' }).expect(409);
    expect(res.body.message).toBe('只有审核通过、未被暂停的机构才能列入推荐清单');
  });
});
