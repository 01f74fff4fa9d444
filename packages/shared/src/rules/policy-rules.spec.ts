import { policyRuleErrors } from './policy-rules';

const good = { currency: 'fen', rules: [
  { category: 'dibao', service: 'meal', kind: 'fixed', amountFen: 500, monthlyCapFen: 15_000, includesDeliveryFee: true },
  { category: 'dibao', service: '*', kind: 'percent', percent: 80, monthlyCapFen: 40_000 },
  { category: 'advanced_age', service: 'bathing', kind: 'fixed', amountFen: 2_000, monthlyCapFen: 8_000, grades: ['severe', 'total'] },
] };

describe('policy tables before they are published', () => {
  it('accepts a well-formed subsidy table and refuses a kind no code reads, listing the known ones', () => {
    expect(policyRuleErrors('subsidy', good)).toEqual([]);
    const unknown = policyRuleErrors('some_new_kind', { anything: [1, 'x'] });
    expect(unknown).toEqual([{ field: 'kind', message: expect.stringContaining('没有「some_new_kind」这种政策表') }]);
    expect(unknown[0].message).toContain('基本养老服务清单（basic_service_list）');
  });

  it('names each bad field of a subsidy rule by its row, as people count', () => {
    const errors = policyRuleErrors('subsidy', { rules: [
      good.rules[0],
      { category: 'none', service: 'massage', kind: 'percent', percent: 120, monthlyCapFen: -1 },
      { category: 'dibao', service: 'meal', kind: 'fixed', amountFen: 300, monthlyCapFen: 100 },
      'oops',
    ] });
    expect(errors).toEqual([
      { field: 'rules.rules[1].category', message: '第 2 条：请选择补贴类别' },
      { field: 'rules.rules[1].service', message: '第 2 条：请选择服务项目（或「全部服务」「助餐」）' },
      { field: 'rules.rules[1].percent', message: '第 2 条：补贴比例应为 1–100 的整数' },
      { field: 'rules.rules[1].monthlyCapFen', message: '第 2 条：每月上限应为不小于 0 的整数（分）' },
      { field: 'rules.rules[2].service', message: '第 3 条：与第 1 条的类别和服务相同，只能保留一条' },
      { field: 'rules.rules[3]', message: '第 4 条应为一条规则' },
    ]);
    expect(policyRuleErrors('subsidy', { rules: 'all' })).toEqual([{ field: 'rules.rules', message: '补贴规则应为一个列表' }]);
  });

  it('checks targets, credit points, reminders and the operating subsidy', () => {
    expect(policyRuleErrors('kpi_targets', { visit_rate: 1, certified_rate: '93%' })).toEqual([{ field: 'rules.certified_rate', message: expect.stringContaining('不小于 0 的数') }]);
    expect(policyRuleErrors('credit', { suspendBelow: 60.5 })).toHaveLength(1);
    expect(policyRuleErrors('eligibility', { reminderDays: 0 })).toHaveLength(1);
    expect(policyRuleErrors('operating_subsidy', { perElderByGradeFen: { moderate: 10_000, severe: 'a lot' }, fundingSource: ' ' }).map((e) => e.field)).toEqual([
      'rules.perElderByGradeFen.severe',
      'rules.fundingSource',
    ]);
    expect(policyRuleErrors('operating_subsidy', { perElderByGradeFen: { moderate: 10_000 }, fundingSource: '区级财政', monthlyCapFenPerProvider: 2_000_000 })).toEqual([]);
    expect(policyRuleErrors('statement_checks', { shortServiceShare: 0.6, maxServicesPerPair: 8 })).toEqual([]);
    expect(policyRuleErrors('statement_checks', { shortServiceShare: 1.5, maxServicesPerPair: 0 }).map((e) => e.field)).toEqual(['rules.shortServiceShare', 'rules.maxServicesPerPair']);
  });

  it('checks the 双随机 checklist: per provider kind, or the older single checklist', () => {
    const list = { items: [{ code: 'fire_safety', label: '消防安全', critical: true }, { code: 'records', label: '服务记录' }], maxMinorFailures: 1 };
    expect(policyRuleErrors('inspection_checklist', list)).toEqual([]);
    expect(policyRuleErrors('inspection_checklist', { byKind: { home_care: list, canteen: list } })).toEqual([]);
    expect(policyRuleErrors('inspection_checklist', { byKind: { canteen: { items: [{ code: 'food', label: '' }, { code: 'food', label: '留样' }] }, nursery: list } }).map((e) => e.field)).toEqual([
      'rules.byKind.canteen.items[0].label',
      'rules.byKind.canteen.items[1].code',
      'rules.byKind.nursery',
    ]);
    expect(policyRuleErrors('inspection_checklist', { byKind: {} })[0].message).toBe('至少填写一种机构类型的检查表');
    expect(policyRuleErrors('inspection_checklist', { items: [] })[0]).toEqual({ field: 'rules.items', message: '至少需要一个检查项' });
  });
});

describe('elder_rules', () => {
  it('takes a whole minimum age between 40 and 100', () => {
    expect(policyRuleErrors('elder_rules', { minAge: 65 })).toEqual([]);
    expect(policyRuleErrors('elder_rules', {})).toEqual([]);
    expect(policyRuleErrors('elder_rules', { minAge: 60.5 })).toEqual([{ field: 'rules.minAge', message: '老人最低年龄应为 40–100 的整数（周岁）' }]);
    expect(policyRuleErrors('elder_rules', { minAge: 's' })[0].field).toBe('rules.minAge');
  });
});
