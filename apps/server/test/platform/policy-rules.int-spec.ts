import { policyRuleErrors } from '@carecircle/shared';
import { DEMO_CARE_POLICIES, DEMO_CHILDCARE_POLICIES, DEMO_SUBSIDY_RULES } from '../../src/database/seed/demo-district.js';
import { DEMO_SUPERVISION_POLICIES } from '../../src/database/seed/demo-supervision.js';
import { DispatchFixture, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('policy tables are checked before they are published', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let op: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    d = await new DispatchFixture(t).setup();
    op = await d.operator('政策运营');
  });
  afterAll(() => t.close());

  it('the demo district’s own tables pass the same checks', () => {
    const all: [string, unknown][] = [['subsidy', DEMO_SUBSIDY_RULES], ...Object.entries(DEMO_CHILDCARE_POLICIES), ...Object.entries(DEMO_CARE_POLICIES), ...Object.entries(DEMO_SUPERVISION_POLICIES)];
    for (const [kind, rules] of all) expect([kind, policyRuleErrors(kind, rules as Record<string, unknown>)]).toEqual([kind, []]);
  });

  it('refuses a subsidy table checkout could not read, naming each row, and keeps the version in force', async () => {
    const before = (await t.http.get(`/api/regions/${d.regionId}/policies?kind=subsidy`).set(op).expect(200)).body as { version: number }[];
    const bad = await t.http.post(`/api/regions/${d.regionId}/policies`).set(op).send({
      kind: 'subsidy', effectiveFrom: '2027-01-01T00:00:00+08:00',
      rules: { currency: 'fen', rules: [{ category: 'dibao', service: 'meal', kind: 'fixed', amountFen: 500, monthlyCapFen: 15_000 }, { category: 'dibao', service: 'cleaning', kind: 'percent', percent: 180, monthlyCapFen: 100 }] },
    }).expect(400);
    expect(bad.body).toMatchObject({ error: 'VALIDATION_FAILED', message: '第 2 条：补贴比例应为 1–100 的整数', details: { fields: [{ field: 'rules.rules[1].percent' }] } });
    const after = (await t.http.get(`/api/regions/${d.regionId}/policies?kind=subsidy`).set(op).expect(200)).body as { version: number }[];
    expect(after.map((p) => p.version)).toEqual(before.map((p) => p.version));

    const fine = await t.http.post(`/api/regions/${d.regionId}/policies`).set(op).send({
      kind: 'subsidy', effectiveFrom: '2027-01-01T00:00:00+08:00', rules: { currency: 'fen', rules: [{ category: 'dibao', service: 'cleaning', kind: 'percent', percent: 80, monthlyCapFen: 40_000 }] },
    }).expect(201);
    expect(fine.body.version).toBe(Math.max(0, ...before.map((p) => p.version)) + 1);
  });
});
