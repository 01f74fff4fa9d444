import type { ProviderStatementSummary, ProviderStatementView } from '@carecircle/shared';
import { Dispatcher } from '../../src/dispatch/dispatcher.service.js';
import { DispatchFixture, offset, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const NOW = new Date('2026-11-27T02:00:00Z');

describe('a provider admin reads their own statements and every record behind them', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let op: Auth;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    d = await new DispatchFixture(t).setup();
    op = await d.operator('结算运营');
    await t.dataSource.query(`INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, 'operating_subsidy', 1, '2020-01-01', ?)`, [
      d.regionId,
      JSON.stringify({ perElderByGradeFen: { moderate: 10_000 }, minServicesPerElder: 1, fundingSource: '区级财政' }),
    ]);
  });
  afterAll(() => t.close());

  async function adminOf(providerId: string, name: string): Promise<Auth> {
    const login = await d.f.login(name);
    await t.dataSource.query(`UPDATE users SET roles = '["provider_admin"]' WHERE id = ?`, [login.tokens.user.id]);
    await t.dataSource.query('INSERT INTO provider_admins (provider_id, user_id) VALUES (?, ?)', [providerId, login.tokens.user.id]);
    return login.auth;
  }

  /** A 低保 elder at `home` served once by `staff`; a far check-in and a short service when `flagged`. */
  async function served(home: { lat: number; lng: number }, staff: { auth: Auth }, flagged: boolean) {
    const fam = await d.family({ at: home, category: 'dibao' });
    await t.dataSource.query(`UPDATE elders SET ability_grade = 'moderate', assessment_valid_until = '2027-06-30' WHERE id = ?`, [fam.elder.id]);
    const order = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'cleaning' });
    await t.get(Dispatcher).dispatch(order.id);
    const [offer] = await d.offersOf(order.id);
    await t.http.post(`/api/offers/${offer.id}/accept`).set(staff.auth).expect(200);
    await t.http.post(`/api/orders/${order.id}/check-in`).set(staff.auth).send(flagged ? { location: offset(400, 0, home), overrideReason: '定位漂移' } : { location: home }).expect(200);
    t.clock.advance((flagged ? 20 : 60) * 60_000);
    await t.http.post(`/api/orders/${order.id}/check-out`).set(staff.auth).send(flagged ? { tasks: ['打扫'], shortReason: '老人临时要去医院' } : { tasks: ['打扫'] }).expect(200);
    t.clock.set(NOW);
    return order;
  }

  it('lists the provider\'s statements and shows each line\'s records adding up to the total, names masked, flags on their orders', async () => {
    const home = offset(0, 70_000);
    const provider = await d.provider({ at: home, name: '安心居家' });
    const staff = await d.staff('结算明细员工', { at: offset(50, 0, home), providerId: provider });
    const admin = await adminOf(provider, '安心居家管理员');
    const flaggedOrder = await served(offset(10, 0, home), staff, true);
    const plainOrder = await served(offset(20, 0, home), staff, false);

    const generated = (await t.http.post('/api/operator/statements/2026-11/generate').set(op).expect(200)).body as { id: string; providerId: string }[];
    const statementId = generated.find((s) => s.providerId === provider)!.id;
    await t.http.post(`/api/operator/statements/${statementId}/adjustments`).set(op).send({ amountFen: -1_000, reason: '一次服务记录不全，核减' }).expect(200);

    const list = (await t.http.get('/api/provider-statements').set(admin).expect(200)).body as ProviderStatementSummary[];
    expect(list).toEqual([expect.objectContaining({ id: statementId, providerId: provider, providerName: '安心居家', month: '2026-11', status: 'draft', anomalyCount: 2 })]);

    const s = (await t.http.get(`/api/provider-statements/${statementId}`).set(admin).expect(200)).body as ProviderStatementView;
    expect(list[0].totalFen).toBe(s.totalFen);
    // Two 低保 cleanings (补需方 ¥64 each), two moderate elders' operating subsidy (¥100 each), the adjustment.
    expect(s.lines.map((l) => [l.kind, l.amountFen])).toEqual([['demand_subsidy', 12_800], ['supply_subsidy', 20_000], ['adjustment', -1_000]]);
    expect(s.totalFen).toBe(31_800);
    expect(s.lines.reduce((sum, l) => sum + l.amountFen, 0)).toBe(s.totalFen);
    s.lines.forEach((line, i) => {
      const records = s.records.filter((r) => r.line === i);
      expect(records.length).toBeGreaterThan(0);
      expect(records.reduce((sum, r) => sum + r.amountFen, 0)).toBe(line.amountFen);
    });
    expect(s.records.reduce((sum, r) => sum + r.amountFen, 0)).toBe(s.totalFen);

    const ledger = s.records.filter((r) => r.line === 0);
    expect(ledger.map((r) => r.orderId).sort()).toEqual([flaggedOrder.id, plainOrder.id].sort());
    expect(ledger.every((r) => r.beneficiary === '王**' && r.service === '助洁' && r.date === '2026-11-27')).toBe(true);
    expect([...ledger.find((r) => r.orderId === flaggedOrder.id)!.flags].sort()).toEqual(['服务时长明显不足', '超范围签到']);
    expect(ledger.find((r) => r.orderId === plainOrder.id)!.flags).toEqual([]);
    expect(s.records.filter((r) => r.line === 1).map((r) => r.note)).toEqual(['本月服务 1 次', '本月服务 1 次']);
    expect(s.records.find((r) => r.line === 2)).toMatchObject({ service: '人工调整', note: '一次服务记录不全，核减', amountFen: -1_000, beneficiary: null });
    expect(JSON.stringify(s)).not.toContain('王建国');
    expect(s).not.toHaveProperty('makerIds');

    // Approved by a second operator: the admin sees it locked, with the same records.
    await t.http.post(`/api/operator/statements/${statementId}/approve`).set(await d.operator('审核运营')).expect(200);
    const approved = (await t.http.get(`/api/provider-statements/${statementId}`).set(admin).expect(200)).body as ProviderStatementView;
    expect(approved).toMatchObject({ status: 'approved', totalFen: 31_800, records: s.records });
  });

  it('answers another provider\'s admin 404 for the statement and leaves it out of their list', async () => {
    const home = offset(0, 74_000);
    const provider = await d.provider({ at: home });
    const staff = await d.staff('别家员工', { at: offset(50, 0, home), providerId: provider });
    await served(offset(10, 0, home), staff, false);
    const other = await adminOf(await d.provider({ at: offset(0, 78_000) }), '别家机构管理员');
    const generated = (await t.http.post('/api/operator/statements/2026-11/generate').set(op).expect(200)).body as { id: string; providerId: string }[];
    const statementId = generated.find((s) => s.providerId === provider)!.id;

    const res = await t.http.get(`/api/provider-statements/${statementId}`).set(other).expect(404);
    expect(res.body).toMatchObject({ error: 'NOT_FOUND', message: '未找到该结算单' });
    expect((await t.http.get('/api/provider-statements').set(other).expect(200)).body.map((s: { id: string }) => s.id)).not.toContain(statementId);
  });

  it('keeps the operators\' statement routes operators-only, and the provider routes provider admins\' only', async () => {
    const admin = await adminOf(d.providerId, '只是机构管理员');
    const refused = await t.http.get('/api/operator/statements?month=2026-11').set(admin).expect(403);
    expect(refused.body.error).toBe('AUTH.FORBIDDEN_ROLE');
    await t.http.post('/api/operator/statements/2026-11/generate').set(admin).expect(403);
    expect((await t.http.get('/api/provider-statements').set(op).expect(403)).body.error).toBe('AUTH.FORBIDDEN_ROLE');
  });
});
