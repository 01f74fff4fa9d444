import { DispatchFixture, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const NOW = new Date('2026-11-27T02:00:00Z');

/**
 * 基本养老服务清单 as the policy states it: per verified category, which services, how much a month,
 * at what co-pay — and it is what checkout takes off and what the elder's page shows, one source.
 */
describe('the 基本养老服务清单 drives checkout and the elder’s entitlement', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let op: Auth;
  let cleaning: { basePriceFen: number; durationMinutes: number };

  const LIST = {
    categories: [
      {
        category: 'dibao',
        items: [
          { service: 'cleaning', entitlement: { unit: 'times', perMonth: 2 }, copay: { fen: 500 } },
          { service: 'bathing', entitlement: { unit: 'minutes', perMonth: 90 }, copay: { percent: 20 } },
          { service: 'meal', entitlement: { unit: 'fen', perMonth: 3_000 }, copay: { percent: 50 } },
        ],
      },
    ],
  };

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    d = await new DispatchFixture(t).setup();
    op = await d.operator('清单运营');
    cleaning = (await t.http.get('/api/catalog/services').set(op).expect(200)).body.find((s: { code: string }) => s.code === 'cleaning');
  });
  afterAll(() => t.close());

  const quote = async (auth: Auth, elderId: string) => (await t.http.get(`/api/catalog/quote?elderId=${elderId}&serviceCode=cleaning`).set(auth).expect(200)).body;

  it('once published, checkout charges the list’s co-pay within the month’s uses and nothing off after; the elder’s page shows used and left', async () => {
    const fam = await d.family({ category: 'dibao' });
    // Before the list: the street's subsidy table (低保 80% of any service).
    expect((await quote(fam.auth, fam.elder.id)).subsidyFen).toBe(Math.floor(cleaning.basePriceFen * 0.8));

    const published = await t.http.post(`/api/regions/${d.regionId}/policies`).set(op).send({ kind: 'basic_service_list', effectiveFrom: '2026-11-01T00:00:00+08:00', rules: LIST }).expect(201);
    expect(published.body.kind).toBe('basic_service_list');

    expect(await quote(fam.auth, fam.elder.id)).toMatchObject({ payFen: 500, subsidyFen: cleaning.basePriceFen - 500 });
    const first = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'cleaning' });
    const second = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'cleaning' });
    expect([first.price.payFen, second.price.payFen]).toEqual([500, 500]);
    const third = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'cleaning' });
    expect(third.price).toMatchObject({ subsidyFen: 0, payFen: cleaning.basePriceFen });
    expect((await quote(fam.auth, fam.elder.id)).subsidyNote).toBe('本月 2 次已用完');

    const month = (await t.http.get(`/api/elders/${fam.elder.id}/subsidy-month`).set(fam.auth).expect(200)).body;
    expect(month).toMatchObject({ source: 'basic_service_list', month: '2026-11', category: 'dibao', verified: true });
    expect(month.rules).toEqual([
      expect.objectContaining({ ruleKey: 'cleaning', kind: 'copay', copayText: '每次自付 ¥5.00', usedFen: 2 * (cleaning.basePriceFen - 500), entitlement: { unit: 'times', perMonth: 2, used: 2, remaining: 0, text: '每月 2 次' } }),
      expect.objectContaining({ ruleKey: 'bathing', copayText: '自付 20%', entitlement: { unit: 'minutes', perMonth: 90, used: 0, remaining: 90, text: '每月 90 分钟' } }),
      expect.objectContaining({ ruleKey: 'meal', label: '老年助餐', monthlyCapFen: 3_000, remainingFen: 3_000, entitlement: expect.objectContaining({ unit: 'fen', perMonth: 3_000, used: 0 }) }),
    ]);

    // A cancelled order gives its use back.
    await t.http.post(`/api/orders/${first.id}/cancel`).set(fam.auth).send({ reason: '临时有事' }).expect(200);
    const after = (await t.http.get(`/api/elders/${fam.elder.id}/subsidy-month`).set(fam.auth).expect(200)).body;
    expect(after.rules[0].entitlement).toMatchObject({ used: 1, remaining: 1 });
    expect((await quote(fam.auth, fam.elder.id)).payFen).toBe(500);
  });

  it('a category the list does not cover, or one not yet verified, gets nothing off', async () => {
    const lowIncome = await d.family({ category: 'low_income' });
    expect(await quote(lowIncome.auth, lowIncome.elder.id)).toMatchObject({ subsidyFen: 0, subsidyNote: '不在本类别的基本养老服务清单内，无政府补贴' });
    expect((await t.http.get(`/api/elders/${lowIncome.elder.id}/subsidy-month`).set(lowIncome.auth).expect(200)).body).toMatchObject({ source: 'basic_service_list', rules: [] });
    const pending = await d.family({ category: 'dibao', verified: false });
    expect(await quote(pending.auth, pending.elder.id)).toMatchObject({ subsidyFen: 0, subsidyNote: '补贴类别待街道核验，核验通过后享受补贴' });
  });

  it('leaves one source: a subsidy table cannot be published where the list is in force', async () => {
    const res = await t.http.post(`/api/regions/${d.regionId}/policies`).set(op).send({
      kind: 'subsidy', effectiveFrom: '2026-12-01T00:00:00+08:00', rules: { currency: 'fen', rules: [{ category: 'dibao', service: '*', kind: 'percent', percent: 90, monthlyCapFen: 50_000 }] },
    }).expect(400);
    expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED', details: { fields: [{ field: 'kind' }] } });
    expect(res.body.message).toContain('基本养老服务清单');
  });
});
