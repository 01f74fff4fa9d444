import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { Dispatcher } from '../../src/dispatch/dispatcher.service.js';
import { DispatchFixture, offset, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const NOW = new Date('2026-11-27T02:00:00Z');

describe('operator regulation', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let op: Auth;
  let otherOp: Auth;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    d = await new DispatchFixture(t).setup();
    const a = await d.f.login('本街道运营');
    const b = await d.f.login('外街道运营');
    const otherStreet = randomUUID();
    await t.dataSource.query(`INSERT INTO regions (id, code, name, level, center_lat, center_lng) VALUES (?, 'other', '别的街道', 'street', 31, 121)`, [otherStreet]);
    await t.dataSource.query(`UPDATE users SET roles = '["operator"]' WHERE id IN (?, ?)`, [a.tokens.user.id, b.tokens.user.id]);
    await t.dataSource.query('INSERT INTO operator_regions (user_id, region_id) VALUES (?, ?), (?, ?)', [a.tokens.user.id, d.regionId, b.tokens.user.id, otherStreet]);
    await t.dataSource.query(`INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, 'credit', 1, '2020-01-01', '{"suspendBelow": 60}')`, [d.regionId]);
    await t.dataSource.query(`INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, 'kpi_targets', 1, '2020-01-01', '{"places_per_thousand": 4.5, "certified_rate": 0.93}')`, [d.regionId]);
    op = a.auth;
    otherOp = b.auth;
  });
  afterAll(() => t.close());

  it('gives no subsidy until an operator verifies the declared category, and none after it runs out', async () => {
    const fam = await d.family({ at: offset(0, 50_000), category: 'none' });
    await t.http.post(`/api/elders/${fam.elder.id}/eligibility`).set(fam.auth).send({ category: 'dibao', evidenceNote: '低保证 KS-2026-001' }).expect(200);
    const before = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'cleaning' });
    expect(before.price.subsidyFen).toBe(0);

    const queue = (await t.http.get('/api/operator/eligibility').set(op).expect(200)).body;
    expect(queue.map((q: { elderId: string }) => q.elderId)).toContain(fam.elder.id);
    expect((await t.http.get('/api/operator/eligibility').set(otherOp).expect(200)).body).toEqual([]);
    await t.http.post(`/api/operator/elders/${fam.elder.id}/eligibility`).set(otherOp).send({ decision: 'verified', validUntil: '2027-12-31' }).expect(404);
    const noDate = await t.http.post(`/api/operator/elders/${fam.elder.id}/eligibility`).set(op).send({ decision: 'verified' }).expect(400);
    expect(noDate.body.details.fields[0].field).toBe('validUntil');
    const verified = (await t.http.post(`/api/operator/elders/${fam.elder.id}/eligibility`).set(op).send({ decision: 'verified', validUntil: '2027-01-31' }).expect(200)).body;
    expect(verified).toMatchObject({ verification: 'verified', validUntil: '2027-01-31', declaredCategory: 'dibao' });
    expect((await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'cleaning' })).price.subsidyFen).toBe(6400);

    t.clock.set(new Date('2027-02-02T02:00:00Z'));
    expect((await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'cleaning' })).price.subsidyFen).toBe(0);
    t.clock.set(NOW);
    const audit = (await t.http.get(`/api/operator/audit?entityId=${fam.elder.id}`).set(op).expect(200)).body;
    expect(audit.map((a: { action: string }) => a.action)).toContain('eligibility_verified');
  });

  it('logs who read an elder’s full record', async () => {
    const fam = await d.family({ at: offset(0, 51_000) });
    await t.http.get(`/api/elders/${fam.elder.id}`).set(fam.auth).expect(200);
    const audit = (await t.http.get(`/api/operator/audit?entityId=${fam.elder.id}`).set(op).expect(200)).body;
    expect(audit[0]).toMatchObject({ action: 'view', entity: 'elder' });
  });

  it('handles a complaint with a reply the family sees; confirmed complaints cost credit and suspend a provider below the threshold', async () => {
    const home = offset(0, 52_000);
    const provider = await d.provider({ at: home });
    const staff = await d.staff('被投诉', { at: offset(100, 0, home), providerId: provider });
    const fam = await d.family({ at: home });
    const order = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'cleaning' });
    await t.get(Dispatcher).dispatch(order.id);
    const [offer] = await d.offersOf(order.id);
    await t.http.post(`/api/offers/${offer.id}/accept`).set(staff.auth).expect(200);
    const complaint = (await t.http.post(`/api/orders/${order.id}/complaints`).set(fam.auth).send({ text: '服务人员迟到一小时且态度差' }).expect(201)).body;
    expect(complaint).toMatchObject({ status: 'received', staffName: '被投诉' });
    await t.http.patch(`/api/operator/complaints/${complaint.id}`).set(otherOp).send({ status: 'resolved', reply: 'x' }).expect(404);
    await t.http.patch(`/api/operator/complaints/${complaint.id}`).set(op).send({ status: 'resolved' }).expect(400);
    const handled = (await t.http.patch(`/api/operator/complaints/${complaint.id}`).set(op).send({ status: 'resolved', reply: '已约谈机构并扣减信用分', creditPoints: 30 }).expect(200)).body;
    expect(handled).toMatchObject({ status: 'resolved', creditPoints: 30 });
    expect((await t.http.get('/api/complaints').set(fam.auth).expect(200)).body[0].reply).toBe('已约谈机构并扣减信用分');
    await t.http.patch(`/api/operator/complaints/${complaint.id}`).set(op).send({ status: 'resolved', reply: '再次', creditPoints: 45 }).expect(409);
    const [row] = await t.dataSource.query('SELECT status FROM providers WHERE id = ?', [provider]);
    expect(row.status).toBe('approved');

    const order2 = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'cleaning' });
    const c2 = (await t.http.post(`/api/orders/${order2.id}/complaints`).set(fam.auth).send({ text: '又迟到' }).expect(201)).body;
    await t.dataSource.query('UPDATE complaints SET provider_id = ? WHERE id = ?', [provider, c2.id]);
    await t.http.patch(`/api/operator/complaints/${c2.id}`).set(op).send({ status: 'resolved', reply: '查实', creditPoints: 15 }).expect(200);
    const [after] = await t.dataSource.query('SELECT status, recommended FROM providers WHERE id = ?', [provider]);
    expect(after).toEqual({ status: 'suspended', recommended: 0 });
  });

  it('builds a provider statement from the ledger with anomaly flags; approval locks it; it exports to Excel', async () => {
    const home = offset(0, 54_000);
    const provider = await d.provider({ at: home });
    const staff = await d.staff('结算员工', { at: offset(100, 0, home), providerId: provider });
    const fam = await d.family({ at: home, category: 'dibao' });
    const order = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'cleaning' });
    await t.get(Dispatcher).dispatch(order.id);
    const [offer] = await d.offersOf(order.id);
    await t.http.post(`/api/offers/${offer.id}/accept`).set(staff.auth).expect(200);
    await t.http.post(`/api/orders/${order.id}/check-in`).set(staff.auth).send({ location: offset(400, 0, home), overrideReason: '定位漂移' }).expect(200);
    t.clock.advance(20 * 60_000);
    await t.http.post(`/api/orders/${order.id}/check-out`).set(staff.auth).send({ tasks: ['打扫'], shortReason: '老人临时要去医院' }).expect(200);
    t.clock.set(NOW);

    const statements = (await t.http.post('/api/operator/statements/2026-11/generate').set(op).expect(200)).body;
    const mine = statements.find((s: { providerId: string }) => s.providerId === provider);
    expect(mine.lines).toEqual([expect.objectContaining({ kind: 'demand_subsidy', count: 1, amountFen: 6400 })]);
    expect(mine.totalFen).toBe(6400);
    expect(mine.anomalies.map((a: { kind: string }) => a.kind).sort()).toEqual(['check_in_override', 'short_service']);
    expect((await t.http.post('/api/operator/statements/2026-11/generate').set(otherOp).expect(200)).body).toEqual([]);

    const adjusted = (await t.http.post(`/api/operator/statements/${mine.id}/adjustments`).set(op).send({ amountFen: -3200, reason: '服务时长不足核减一半' }).expect(200)).body;
    expect(adjusted.totalFen).toBe(3200);
    // Maker-checker: op generated and adjusted it, so a second operator of the street approves.
    await t.http.post(`/api/operator/statements/${mine.id}/approve`).set(op).expect(403);
    const approved = (await t.http.post(`/api/operator/statements/${mine.id}/approve`).set(await d.operator('审核运营')).expect(200)).body;
    expect(approved.status).toBe('approved');
    await t.http.post(`/api/operator/statements/${mine.id}/adjustments`).set(op).send({ amountFen: 1, reason: 'x' }).expect(409);
    await t.http.post(`/api/operator/statements/${mine.id}/approve`).set(op).expect(409);
    const again = (await t.http.post('/api/operator/statements/2026-11/generate').set(op).expect(200)).body.find((s: { id: string }) => s.id === mine.id);
    expect(again.totalFen).toBe(3200);

    const file = await t.http.get(`/api/operator/statements/${mine.id}/export`).set(op).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as never);
    const sheet = book.getWorksheet('结算单')!;
    expect(sheet.getRow(sheet.rowCount).values).toEqual([undefined, '合计', '', '', 32]);
  });

  it('computes the KPI summary against the region’s targets, only for the operator’s own regions', async () => {
    const summary = (await t.http.get(`/api/kpi/summary?regionId=${d.regionId}&month=2026-11`).set(op).expect(200)).body;
    const byCode = Object.fromEntries(summary.indicators.map((i: { code: string }) => [i.code, i]));
    expect(byCode.places_per_thousand).toMatchObject({ target: 4.5 });
    expect(byCode.certified_rate).toMatchObject({ target: 0.93, unit: '%' });
    expect(typeof byCode.certified_rate.value === 'number' || byCode.certified_rate.value === null).toBe(true);
    expect(byCode.visit_rate.drillDown).toContain('/api/kpi/indicators/visit_rate/records');
    await t.http.get(`/api/kpi/summary?regionId=${d.regionId}&month=2026-11`).set(otherOp).expect(404);
  });
});
