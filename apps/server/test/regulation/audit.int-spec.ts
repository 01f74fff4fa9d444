import { randomUUID } from 'node:crypto';
import { DispatchFixture, offset, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('audit log search and policy scope', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let op: Auth;
  let otherOp: Auth;
  let otherStreet: string;

  beforeAll(async () => {
    t = await createTestApp();
    d = await new DispatchFixture(t).setup();
    otherStreet = randomUUID();
    await t.dataSource.query(`INSERT INTO regions (id, code, name, level, center_lat, center_lng) VALUES (?, 'audit-other', '别的街道', 'street', 31, 121)`, [otherStreet]);
    op = await d.operator('审计运营');
    otherOp = await d.operator('外街运营', otherStreet);
  });
  afterAll(() => t.close());

  it('finds entries by record type, action, operator name and day, names the record, and pages', async () => {
    const fam = await d.family({ at: offset(0, 1_000) });
    await t.http.get(`/api/elders/${fam.elder.id}`).set(fam.auth).expect(200);
    await t.http.post(`/api/elders/${fam.elder.id}/eligibility`).set(fam.auth).send({ category: 'dibao', evidenceNote: '低保证 KS-1' }).expect(200);
    await t.http.post(`/api/operator/elders/${fam.elder.id}/eligibility`).set(op).send({ decision: 'verified', validUntil: '2027-12-31' }).expect(200);
    await t.http.post(`/api/regions/${d.regionId}/policies`).set(op).send({ kind: 'kpi_targets', effectiveFrom: '2027-01-01T00:00:00+08:00', rules: { visit_rate: 1 } }).expect(201);

    const all = (await t.http.get('/api/operator/audit').set(op).expect(200)).body as { id: string; action: string; actionLabel: string; entity: string; subject: string | null; userName: string }[];
    const verified = all.find((e) => e.action === 'eligibility_verified')!;
    expect(verified).toMatchObject({ actionLabel: '补贴资格核验通过', entity: 'elder', userName: '审计运营' });
    expect(verified.subject).toMatch(/\*/); // the elder's name, masked
    expect(all.find((e) => e.entity === 'region')).toMatchObject({ actionLabel: '发布政策（kpi_targets 第 1 版）', subject: expect.stringContaining('测试') });

    const byType = (await t.http.get('/api/operator/audit?entity=region').set(op).expect(200)).body as { entity: string }[];
    expect(byType.length).toBeGreaterThan(0);
    expect(byType.every((e) => e.entity === 'region')).toBe(true);
    const byAction = (await t.http.get('/api/operator/audit?action=eligibility_').set(op).expect(200)).body as { action: string }[];
    expect(byAction.map((e) => e.action)).toEqual(['eligibility_verified']);
    const byName = (await t.http.get(`/api/operator/audit?userName=${encodeURIComponent('审计')}`).set(op).expect(200)).body as { userName: string }[];
    expect(byName.length).toBe(2);
    const views = (await t.http.get(`/api/operator/audit?action=view&entityId=${fam.elder.id}`).set(op).expect(200)).body as unknown[];
    expect(views).toHaveLength(1);

    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(((await t.http.get(`/api/operator/audit?from=${today}&to=${today}`).set(op).expect(200)).body as unknown[]).length).toBe(all.length);
    expect((await t.http.get('/api/operator/audit?from=2020-01-01&to=2020-01-31').set(op).expect(200)).body).toEqual([]);
    const newest = all[0];
    const older = (await t.http.get(`/api/operator/audit?beforeId=${newest.id}`).set(op).expect(200)).body as { id: string }[];
    expect(older.map((e) => e.id)).toEqual(all.slice(1).map((e) => e.id));

    expect((await t.http.get('/api/operator/audit').set(otherOp).expect(200)).body).toEqual([]);
  });

  it('answers bad filters with a 400 that names the field', async () => {
    const bad = await t.http.get('/api/operator/audit?entity=nope&from=2026-13-01&beforeId=abc').set(op).expect(400);
    expect((bad.body.details.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['beforeId', 'entity', 'from']);
    const reversed = await t.http.get('/api/operator/audit?from=2026-11-30&to=2026-11-01').set(op).expect(400);
    expect(reversed.body.details.fields[0].field).toBe('to');
  });

  it('shows an operator the policies of their own regions only; families read the published policies', async () => {
    await t.http.get(`/api/regions/${d.regionId}/policies?kind=subsidy`).set(op).expect(200);
    const refused = await t.http.get(`/api/regions/${d.regionId}/policies`).set(otherOp).expect(404);
    expect(refused.body.message).toBe('不在您负责的地区范围内');
    const fam = await d.family({ at: offset(0, 2_000) });
    const published = (await t.http.get(`/api/regions/${d.regionId}/policies?kind=subsidy`).set(fam.auth).expect(200)).body as { kind: string }[];
    expect(published.length).toBeGreaterThan(0);
    expect((await t.http.get(`/api/regions/${d.regionId}/policies?kind=Bad%20Kind`).set(fam.auth).expect(400)).body.details.fields[0].field).toBe('kind');
  });
});
