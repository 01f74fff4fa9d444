import { gradeProvider, isGradingCriteria, type GradingCriteria } from './grading.js';

const CRITERIA: GradingCriteria = {
  items: [
    { code: 'facility', label: '设施设备', maxPoints: 30 },
    { code: 'staff', label: '人员配备', maxPoints: 30 },
    { code: 'service', label: '服务质量', maxPoints: 40 },
  ],
  levels: [
    { level: '三星', minScore: 60 },
    { level: '五星', minScore: 90 },
    { level: '四星', minScore: 75 },
  ],
};

describe('grading against the region’s criteria', () => {
  it('adds the scores and gives the highest level reached', () => {
    expect(gradeProvider(CRITERIA, { facility: 28, staff: 27, service: 36 })).toEqual({ totalScore: 91, maxScore: 100, level: '五星', problems: [] });
    expect(gradeProvider(CRITERIA, { facility: 25, staff: 25, service: 25 }).level).toBe('四星');
    expect(gradeProvider(CRITERIA, { facility: 20, staff: 20, service: 19 }).level).toBeNull();
  });

  it('names missing, out-of-range and unknown scores', () => {
    const out = gradeProvider(CRITERIA, { facility: 31, service: 10, extra: 3 });
    expect(out.problems.map((p) => p.code)).toEqual(['facility', 'staff', 'extra']);
  });

  it('recognises a usable criteria table', () => {
    expect(isGradingCriteria(CRITERIA)).toBe(true);
    expect(isGradingCriteria({ items: [], levels: [] })).toBe(false);
    expect(isGradingCriteria({ items: [{ code: 'a', label: 'A', maxPoints: '5' }], levels: [] })).toBe(false);
  });
});

import { inspectionOutcome } from './inspection.js';

describe('inspection outcome from the checklist', () => {
  const checklist = { items: [{ code: 'fire', label: '消防', critical: true }, { code: 'a', label: 'A' }, { code: 'b', label: 'B' }], maxMinorFailures: 1 };
  it('fails on a critical item or too many minor ones, passes otherwise', () => {
    expect(inspectionOutcome(checklist, [{ code: 'fire', passed: false }, { code: 'a', passed: true }, { code: 'b', passed: true }]).passed).toBe(false);
    expect(inspectionOutcome(checklist, [{ code: 'fire', passed: true }, { code: 'a', passed: false }, { code: 'b', passed: true }]).passed).toBe(true);
    expect(inspectionOutcome(checklist, [{ code: 'fire', passed: true }, { code: 'a', passed: false }, { code: 'b', passed: false }]).passed).toBe(false);
  });
  it('is unknown while items are missing unless already failed', () => {
    expect(inspectionOutcome(checklist, [{ code: 'fire', passed: true }]).passed).toBeNull();
    expect(inspectionOutcome(checklist, [{ code: 'fire', passed: false }]).passed).toBe(false);
  });
});
