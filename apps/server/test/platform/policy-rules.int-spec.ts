import { POLICY_KIND_CODES, policyRuleErrors } from '@carecircle/shared';
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

  it('refuses a kind no code reads, listing the kinds it may publish', async () => {
    const res = await t.http.post(`/api/regions/${d.regionId}/policies`).set(op).send({ kind: 'subsidies', effectiveFrom: '2027-01-01T00:00:00+08:00', rules: { rules: [] } }).expect(400);
    expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED', details: { fields: [{ field: 'kind' }] } });
    expect(res.body.message).toContain('没有「subsidies」这种政策表');
    for (const known of POLICY_KIND_CODES) expect(res.body.message).toContain(`（${known}）`);
    expect((await t.dataSource.query(`SELECT COUNT(*) AS n FROM region_policies WHERE kind = 'subsidies'`))[0].n).toBe('0');
  });

  // One malformed table per kind the code reads, and the field the refusal must name.
  const BAD: Record<string, [Record<string, unknown>, string]> = {
    basic_service_list: [{ categories: [{ category: 'dibao', items: [{ service: 'meal', entitlement: { unit: 'times', perMonth: 0 }, copay: { fen: 300 } }] }] }, 'rules.categories[0].items[0].entitlement.perMonth'],
    subsidy: [{ currency: 'fen', rules: [{ category: 'dibao', service: 'meal', kind: 'free', monthlyCapFen: 100 }] }, 'rules.rules[0].kind'],
    operating_subsidy: [{ perElderByGradeFen: { mild: 5_000 } }, 'rules.fundingSource'],
    statement_checks: [{ maxServicesPerPair: 0 }, 'rules.maxServicesPerPair'],
    visit_plan: [{ tiers: [{ reason: '独居', livingSituations: ['alone'], frequency: 'yearly' }] }, 'rules.tiers[0].frequency'],
    service_requirements: [{ rules: [{ service: 'rehab', grades: ['severe'], certificate: 'driving' }] }, 'rules.rules[0].certificate'],
    assessment: [{ validityMonths: 120 }, 'rules.validityMonths'],
    eligibility: [{ reminderDays: 0 }, 'rules.reminderDays'],
    elder_rules: [{ minAge: 30 }, 'rules.minAge'],
    staff_rules: [{ preJobTrainingRequired: 1 }, 'rules.preJobTrainingRequired'],
    timebank: [{ minutesPerServiceMinute: 0 }, 'rules.minutesPerServiceMinute'],
    kpi_targets: [{ visit_rate: -1 }, 'rules.visit_rate'],
    credit: [{ suspendBelow: 'sixty' }, 'rules.suspendBelow'],
    grading_criteria: [{ items: [{ code: 'facility', label: '场所', maxPoints: 20 }], levels: [] }, 'rules.levels'],
    inspection_checklist: [{ byKind: { canteen: { items: [] } } }, 'rules.byKind.canteen.items'],
    childcare_waitlist: [{ offerHours: 0, rules: [] }, 'rules.offerHours'],
    childcare_guidance: [{ maxFen: { full_day: 0 } }, 'rules.maxFen.full_day'],
    childcare_subsidy: [{ perChildMonthlyFen: 20_000, split: [{ source: 'city', share: 1.5 }] }, 'rules.split[0].share'],
  };

  it('has a schema for every kind: each kind’s malformed table is refused naming the field, and nothing is stored', async () => {
    expect(Object.keys(BAD).sort()).toEqual([...POLICY_KIND_CODES].sort());
    for (const [kind, [rules, field]] of Object.entries(BAD)) {
      const res = await t.http.post(`/api/regions/${d.regionId}/policies`).set(op).send({ kind, effectiveFrom: '2027-01-01T00:00:00+08:00', rules });
      expect([kind, res.status, res.body.error]).toEqual([kind, 400, 'VALIDATION_FAILED']);
      expect([kind, (res.body.details.fields as { field: string }[]).map((f) => f.field)]).toEqual([kind, expect.arrayContaining([field])]);
    }
    expect((await t.dataSource.query(`SELECT COUNT(*) AS n FROM region_policies WHERE effective_from = '2027-01-01 00:00:00' AND created_by IS NOT NULL AND kind <> 'subsidy'`))[0].n).toBe('0');
  });
});
