import { Dispatcher } from '../../src/dispatch/dispatcher.service.js';
import { DispatchFixture, offset, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const NOW = new Date('2026-11-27T02:00:00Z');

interface Line {
  kind: string;
  label: string;
  fundingSource: string;
  count: number;
  amountFen: number;
}

describe('补供方 operating subsidy by ability grade, and services after a record was closed', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let op: Auth;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    d = await new DispatchFixture(t).setup();
    op = await d.operator('结算运营');
    // ¥100 per moderate, ¥200 per severe elder a month; intact earns nothing; at most ¥250 a provider.
    await t.dataSource.query(`INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, 'operating_subsidy', 1, '2020-01-01', ?)`, [
      d.regionId,
      JSON.stringify({ perElderByGradeFen: { moderate: 10_000, severe: 20_000 }, minServicesPerElder: 1, monthlyCapFenPerProvider: 25_000, fundingSource: '区级财政' }),
    ]);
  });
  afterAll(() => t.close());

  /** A family elder at `home` with a grade, served once by the provider's staff (completed now). */
  async function served(home: { lat: number; lng: number }, staff: { auth: Auth }, grade: string | null, validUntil = '2027-06-30') {
    const fam = await d.family({ at: home });
    await t.dataSource.query('UPDATE elders SET ability_grade = ?, assessment_valid_until = ? WHERE id = ?', [grade, grade ? validUntil : null, fam.elder.id]);
    const order = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'cleaning' });
    await t.get(Dispatcher).dispatch(order.id);
    const [offer] = await d.offersOf(order.id);
    await t.http.post(`/api/offers/${offer.id}/accept`).set(staff.auth).expect(200);
    await t.http.post(`/api/orders/${order.id}/check-in`).set(staff.auth).send({ location: home }).expect(200);
    t.clock.advance(60 * 60_000);
    await t.http.post(`/api/orders/${order.id}/check-out`).set(staff.auth).send({ tasks: ['打扫'] }).expect(200);
    t.clock.set(NOW);
    return { fam, order };
  }

  it('pays per elder served by grade with a valid assessment, within the monthly cap, and flags a service after the record was closed', async () => {
    const home = offset(0, 60_000);
    const provider = await d.provider({ at: home });
    const staff = await d.staff('运营补贴员工', { at: offset(50, 0, home), providerId: provider });
    await served(offset(10, 0, home), staff, 'moderate');
    await served(offset(20, 0, home), staff, 'severe');
    await served(offset(30, 0, home), staff, 'intact');
    await served(offset(40, 0, home), staff, 'severe', '2026-10-31'); // assessment ran out before November
    const late = await served(offset(60, 0, home), staff, null);
    await t.dataSource.query('UPDATE elders SET deleted_at = ? WHERE id = ?', [new Date(NOW.getTime() - 3_600_000), late.fam.elder.id]);

    const statements = (await t.http.post('/api/operator/statements/2026-11/generate').set(op).expect(200)).body as { providerId: string; lines: Line[]; anomalies: { kind: string; orderId: string | null; detail: string }[] }[];
    const mine = statements.find((s) => s.providerId === provider)!;
    const operating = mine.lines.filter((l) => l.label.startsWith('居家服务运营补贴'));
    expect(operating).toEqual([
      { kind: 'supply_subsidy', label: '居家服务运营补贴·中度失能（补供方，每人 100 元）', fundingSource: '区级财政', count: 1, amountFen: 10_000 },
      { kind: 'supply_subsidy', label: '居家服务运营补贴·重度失能（补供方，每人 200 元）', fundingSource: '区级财政', count: 1, amountFen: 20_000 },
      { kind: 'supply_subsidy', label: '居家服务运营补贴超出月度上限（250 元）核减', fundingSource: '区级财政', count: 1, amountFen: -5_000 },
    ]);
    expect(operating.reduce((s, l) => s + l.amountFen, 0)).toBe(25_000);
    expect(mine.anomalies).toContainEqual(expect.objectContaining({ kind: 'after_record_closed', orderId: late.order.id }));

    // Another month has none of it.
    const october = (await t.http.post('/api/operator/statements/2026-10/generate').set(op).expect(200)).body as { providerId: string; lines: Line[] }[];
    expect(october.find((s) => s.providerId === provider)?.lines ?? []).toEqual([]);
  });

  it('tunes the anomaly checks from the region policy: one staff member with one elder twice is flagged when the limit is 1', async () => {
    const home = offset(0, 64_000);
    const provider = await d.provider({ at: home });
    const staff = await d.staff('常客员工', { at: offset(50, 0, home), providerId: provider });
    const first = await served(offset(10, 0, home), staff, null);
    // The same elder again.
    const order = await d.order(first.fam.auth, { elderId: first.fam.elder.id, serviceCode: 'cleaning' });
    await t.get(Dispatcher).dispatch(order.id);
    const [offer] = await d.offersOf(order.id);
    await t.http.post(`/api/offers/${offer.id}/accept`).set(staff.auth).expect(200);
    await t.http.post(`/api/orders/${order.id}/check-in`).set(staff.auth).send({ location: offset(10, 0, home) }).expect(200);
    t.clock.advance(60 * 60_000);
    await t.http.post(`/api/orders/${order.id}/check-out`).set(staff.auth).send({ tasks: ['打扫'] }).expect(200);
    t.clock.set(NOW);

    const flagsOf = async () => ((await t.http.post('/api/operator/statements/2026-11/generate').set(op).expect(200)).body as { providerId: string; anomalies: { kind: string; detail: string }[] }[])
      .find((s) => s.providerId === provider)!.anomalies.filter((a) => a.kind === 'frequent_pair');
    expect(await flagsOf()).toEqual([]);
    await t.http.post(`/api/regions/${d.regionId}/policies`).set(op).send({ kind: 'statement_checks', effectiveFrom: '2026-01-01T00:00:00+08:00', rules: { maxServicesPerPair: 1 } }).expect(201);
    expect(await flagsOf()).toEqual([expect.objectContaining({ detail: expect.stringContaining('常客员工 本月为') })]);
    const bad = await t.http.post(`/api/regions/${d.regionId}/policies`).set(op).send({ kind: 'statement_checks', effectiveFrom: '2026-01-01T00:00:00+08:00', rules: { shortServiceShare: 2 } }).expect(400);
    expect(bad.body.details.fields[0].field).toBe('rules.shortServiceShare');
  });
});
