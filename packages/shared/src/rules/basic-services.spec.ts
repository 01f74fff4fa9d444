import { entitlementBreakdown, type BasicServiceItem } from './basic-services';
import { policyRuleErrors } from './policy-rules';

const meal: BasicServiceItem = { service: 'meal', entitlement: { unit: 'times', perMonth: 2 }, copay: { fen: 300 } };
const cleaning: BasicServiceItem = { service: 'cleaning', entitlement: { unit: 'minutes', perMonth: 90 }, copay: { percent: 20 } };
const bathing: BasicServiceItem = { service: 'bathing', entitlement: { unit: 'fen', perMonth: 5_000 }, copay: { percent: 0 } };

describe('基本养老服务清单 entitlements', () => {
  it('a times entitlement: the family pays the co-pay until the month’s uses are spent', () => {
    expect(entitlementBreakdown(1_500, meal, { fen: 0, units: 0 }, 'verified')).toMatchObject({ subsidyFen: 1_200, payFen: 300, units: 1 });
    expect(entitlementBreakdown(1_500, meal, { fen: 2_400, units: 2 }, 'verified')).toMatchObject({ subsidyFen: 0, payFen: 1_500, units: 0, subsidyNote: '本月 2 次已用完' });
  });

  it('a minutes entitlement covers the share of a service that still fits in the month', () => {
    expect(entitlementBreakdown(6_000, cleaning, { fen: 0, units: 0 }, 'verified', 60)).toMatchObject({ subsidyFen: 4_800, payFen: 1_200, units: 60 });
    expect(entitlementBreakdown(6_000, cleaning, { fen: 4_800, units: 60 }, 'verified', 60)).toMatchObject({ subsidyFen: 2_400, units: 30 });
  });

  it('a fen entitlement stops at the month’s amount; unverified categories and services outside the list get nothing', () => {
    expect(entitlementBreakdown(8_000, bathing, { fen: 0, units: 0 }, 'verified')).toMatchObject({ subsidyFen: 5_000, payFen: 3_000 });
    expect(entitlementBreakdown(8_000, bathing, { fen: 0, units: 0 }, 'unverified')).toMatchObject({ subsidyFen: 0, subsidyNote: '补贴类别待街道核验，核验通过后享受补贴' });
    expect(entitlementBreakdown(8_000, null, { fen: 0, units: 0 }, 'verified').subsidyFen).toBe(0);
  });

  it('the list is checked per category and item before it is published', () => {
    const errors = policyRuleErrors('basic_service_list', { categories: [
      { category: 'dibao', items: [meal, { ...meal }] },
      { category: 'none', items: [{ service: 'meal', entitlement: { unit: 'minutes', perMonth: 30 }, copay: { percent: 10, fen: 1 } }] },
    ] });
    expect(errors.map((e) => e.field)).toEqual([
      'rules.categories[0].items[1].service',
      'rules.categories[1].category',
      'rules.categories[1].items[0].entitlement.unit',
      'rules.categories[1].items[0].copay',
    ]);
  });
});
