import { POLICY_KIND_CODES, policyRuleErrors } from './policy-rules';

/** One good table per kind, as the code that reads the kind expects it. */
const GOOD: Record<string, Record<string, unknown>> = {
  basic_service_list: { categories: [{ category: 'tekun', items: [{ service: 'meal', entitlement: { unit: 'times', perMonth: 60 }, copay: { fen: 300 } }] }] },
  subsidy: { currency: 'fen', rules: [{ category: 'dibao', service: 'meal', kind: 'fixed', amountFen: 500, monthlyCapFen: 15_000 }] },
  operating_subsidy: { perElderByGradeFen: { mild: 5_000 }, fundingSource: '区级财政' },
  statement_checks: { shortServiceShare: 0.5 },
  visit_plan: { tiers: [{ reason: '独居', livingSituations: ['alone'], frequency: 'monthly' }] },
  service_requirements: { rules: [{ service: 'rehab', grades: ['severe'], certificate: 'nursing' }] },
  assessment: { validityMonths: 12, reminderDays: 30 },
  eligibility: { validityMonths: 12 },
  elder_rules: { minAge: 60 },
  staff_rules: { preJobTrainingRequired: true },
  timebank: { minutesPerServiceMinute: 1 },
  kpi_targets: { visit_rate: 1 },
  credit: { suspendBelow: 60 },
  grading_criteria: { items: [{ code: 'facility', label: '场所', maxPoints: 20 }], levels: [{ level: '一星', minScore: 10 }] },
  inspection_checklist: { byKind: { canteen: { items: [{ code: 'food_licence', label: '食品经营许可证' }] } } },
  childcare_waitlist: { offerHours: 48, rules: [{ fact: 'multi_child', label: '多孩家庭', points: 30 }] },
  childcare_guidance: { maxFen: { full_day: 180_000 } },
  childcare_subsidy: { perChildMonthlyFen: 20_000, split: [{ source: 'city', share: 0.4 }, { source: 'county', share: 0.6 }] },
};

/** One malformed table per kind, and the field the refusal must name. */
const BAD: Record<string, [Record<string, unknown>, string]> = {
  basic_service_list: [{ categories: [{ category: 'tekun', items: [{ service: 'meal', entitlement: { unit: 'hours', perMonth: 3 }, copay: { fen: 300 } }] }] }, 'rules.categories[0].items[0].entitlement.unit'],
  subsidy: [{ rules: [{ category: 'dibao', service: 'meal', kind: 'fixed', amountFen: 0, monthlyCapFen: 1 }] }, 'rules.rules[0].amountFen'],
  operating_subsidy: [{ perElderByGradeFen: { mild: -1 }, fundingSource: '区级财政' }, 'rules.perElderByGradeFen.mild'],
  statement_checks: [{ shortServiceShare: 2 }, 'rules.shortServiceShare'],
  visit_plan: [{ tiers: [{ reason: '独居', livingSituations: ['alone'], frequency: 'daily' }] }, 'rules.tiers[0].frequency'],
  service_requirements: [{ rules: [{ service: 'massage', allowedGrades: ['mild'] }] }, 'rules.rules[0].service'],
  assessment: [{ validityMonths: 0 }, 'rules.validityMonths'],
  eligibility: [{ reminderDays: 'soon' }, 'rules.reminderDays'],
  elder_rules: [{ minAge: 10 }, 'rules.minAge'],
  staff_rules: [{ preJobTrainingRequired: 'yes' }, 'rules.preJobTrainingRequired'],
  timebank: [{ minutesPerServiceMinute: -1 }, 'rules.minutesPerServiceMinute'],
  kpi_targets: [{ visit_rate: 'all' }, 'rules.visit_rate'],
  credit: [{ suspendBelow: 150 }, 'rules.suspendBelow'],
  grading_criteria: [{ items: [{ code: 'facility', label: '场所', maxPoints: 0 }], levels: [{ level: '一星', minScore: 10 }] }, 'rules.items[0].maxPoints'],
  inspection_checklist: [{ byKind: { canteen: { items: [{ code: 'Food Licence', label: 'x' }] } } }, 'rules.byKind.canteen.items[0].code'],
  childcare_waitlist: [{ offerHours: 48, rules: [{ fact: 'multi_child', label: '多孩家庭', points: '30' }] }, 'rules.rules[0].points'],
  childcare_guidance: [{ maxFen: { all_day: 100 } }, 'rules.maxFen.all_day'],
  childcare_subsidy: [{ perChildMonthlyFen: 20_000, split: [{ source: 'city', share: 0.4 }, { source: 'county', share: 0.4 }] }, 'rules.split'],
};

describe('every policy kind has a schema', () => {
  it('knows exactly the kinds it has a good and a bad example for', () => {
    expect([...POLICY_KIND_CODES].sort()).toEqual(Object.keys(GOOD).sort());
    expect(Object.keys(BAD).sort()).toEqual(Object.keys(GOOD).sort());
  });

  it.each(Object.keys(GOOD))('accepts a well-formed %s table', (kind) => {
    expect(policyRuleErrors(kind, GOOD[kind])).toEqual([]);
  });

  it.each(Object.keys(BAD))('refuses a malformed %s table, naming the field', (kind) => {
    const [rules, field] = BAD[kind];
    const errors = policyRuleErrors(kind, rules);
    expect(errors.map((e) => e.field)).toContain(field);
    expect(errors.every((e) => e.message.length > 0)).toBe(true);
  });

  it('refuses a key the kind does not have (a typo would otherwise be ignored)', () => {
    expect(policyRuleErrors('assessment', { validityMonth: 12 })).toEqual([{ field: 'rules.validityMonth', message: expect.stringContaining('没有「validityMonth」') }]);
  });
});
