import { checklistForKind, inspectionOutcome, kindsWithChecklist } from './inspection';

const homeCare = { items: [{ code: 'certified_staff', label: '护理人员持证上岗', critical: true }], failCreditPoints: 20 };
const canteen = { items: [{ code: 'food_samples', label: '食品留样 48 小时', critical: true }, { code: 'health_certs', label: '从业人员健康证' }] };

describe('the 双随机 checklist of a provider kind', () => {
  it('reads one checklist per kind, and none for a kind the policy leaves out', () => {
    const policy = { byKind: { home_care: homeCare, canteen } };
    expect(checklistForKind(policy, 'canteen')).toEqual(canteen);
    expect(checklistForKind(policy, 'home_care')).toEqual(homeCare);
    expect(checklistForKind(policy, 'childcare')).toBeNull();
    expect(kindsWithChecklist(policy)).toEqual(['home_care', 'canteen']);
  });

  it('reads the older single checklist as applying to every kind', () => {
    for (const kind of ['home_care', 'canteen', 'childcare'] as const) expect(checklistForKind(homeCare, kind)).toEqual(homeCare);
    expect(kindsWithChecklist(homeCare)).toHaveLength(3);
  });

  it('gives nothing for a missing or malformed policy', () => {
    expect(checklistForKind(undefined, 'canteen')).toBeNull();
    expect(checklistForKind({ items: [] }, 'canteen')).toBeNull();
    expect(checklistForKind({ byKind: { canteen: { items: [{ code: 1 }] } } }, 'canteen')).toBeNull();
  });

  it('judges the outcome by critical and minor items', () => {
    expect(inspectionOutcome(canteen, [{ code: 'food_samples', passed: false }, { code: 'health_certs', passed: true }]).passed).toBe(false);
    expect(inspectionOutcome(canteen, [{ code: 'food_samples', passed: true }]).passed).toBeNull();
  });
});
