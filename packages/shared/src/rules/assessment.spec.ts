import {
  ABILITY_GRADES,
  adjustGrade,
  assessAbility,
  ASSESSMENT_DOMAINS,
  ASSESSMENT_MAX_TOTAL,
  gradeForTotal,
  scoreAssessment,
  type AbilityAssessmentInput,
  type AbilityAssessmentResult,
} from './assessment.js';

/**
 * Every figure here is written out from GB/T 42195-2022, not read from the code:
 * 附录B 老年人能力评估表 (the answers and points of each item), 能力等级划分 on the 90-point total,
 * and 附录C C.4 能力等级变更依据.
 */
const STANDARD_MAX: Record<string, { max: number; ref: string }> = {
  // B.1 自理能力: every item 4 独立完成 … 0 完全依赖他人 (8 × 4 = 32)
  eating: { max: 4, ref: 'B.1.1' },
  grooming: { max: 4, ref: 'B.1.2' },
  bathing: { max: 4, ref: 'B.1.3' },
  dressing_upper: { max: 4, ref: 'B.1.4' },
  dressing_lower: { max: 4, ref: 'B.1.5' },
  bladder: { max: 4, ref: 'B.1.6' },
  bowel: { max: 4, ref: 'B.1.7' },
  toileting: { max: 4, ref: 'B.1.8' },
  // B.2 基础运动能力: 4 + 4 + 4 + 3 = 15
  bed_transfer: { max: 4, ref: 'B.2.1' },
  chair_transfer: { max: 4, ref: 'B.2.2' },
  walking: { max: 4, ref: 'B.2.3' },
  stairs: { max: 3, ref: 'B.2.4' }, // 3 可独立上下楼梯（连续上下10个~15个台阶） … 0
  // B.3 精神状态: 6 × 4 + 1 + 1 + 2 = 28
  time_orientation: { max: 4, ref: 'B.3.1' },
  space_orientation: { max: 4, ref: 'B.3.2' },
  person_orientation: { max: 4, ref: 'B.3.3' },
  memory: { max: 4, ref: 'B.3.4' },
  understanding: { max: 4, ref: 'B.3.5' },
  expression: { max: 4, ref: 'B.3.6' },
  aggression: { max: 1, ref: 'B.3.7' }, // 1 未出现 · 0 近一个月内出现过攻击行为
  depression: { max: 1, ref: 'B.3.8' }, // 1 未出现 · 0 近一个月内出现过负性情绪
  consciousness: { max: 2, ref: 'B.3.9' }, // 2 神志清醒 · 1 嗜睡/意识模糊 · 0 昏睡/昏迷
  // B.4 感知觉与社会参与: 2 + 2 + 4 + 3 + 4 = 15
  vision: { max: 2, ref: 'B.4.1' },
  hearing: { max: 2, ref: 'B.4.2' },
  daily_affairs: { max: 4, ref: 'B.4.3' },
  tools: { max: 3, ref: 'B.4.4' }, // 3 能自己骑车或搭乘公共交通工具外出 … 0
  social: { max: 4, ref: 'B.4.5' },
};

/** Full marks on every item: 90. */
const FULL: Record<string, number> = Object.fromEntries(Object.entries(STANDARD_MAX).map(([code, { max }]) => [code, max]));
const DAY = '2026-11-20';

function assess(items: Record<string, number>, facts: Omit<AbilityAssessmentInput, 'items' | 'assessedOn'> = {}): AbilityAssessmentResult {
  const result = assessAbility({ assessedOn: DAY, items, ...facts });
  if ('errors' in result) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result;
}

function errorsOf(items: Record<string, number>, facts: Omit<AbilityAssessmentInput, 'items' | 'assessedOn'> = {}, assessedOn = DAY): string[] {
  const result = assessAbility({ assessedOn, items, ...facts });
  return 'errors' in result ? result.errors.map((e) => e.field) : [];
}

// Totals at each band edge, each worked out by hand from FULL (90):
const AT_89 = { ...FULL, eating: 3 }; // 90 − 1
const AT_66 = { ...FULL, eating: 1, grooming: 1, bathing: 1, dressing_upper: 1, dressing_lower: 1, bladder: 1, bowel: 1, toileting: 1 }; // 90 − 8 × 3
const AT_65 = { ...AT_66, stairs: 2 }; // 66 − 1
// 90 − 32 (self-care all 0) − 3 (bed 1) − 3 (chair 1) − 4 (walking 0) − 2 (stairs 1) = 46
const AT_46 = { ...FULL, eating: 0, grooming: 0, bathing: 0, dressing_upper: 0, dressing_lower: 0, bladder: 0, bowel: 0, toileting: 0, bed_transfer: 1, chair_transfer: 1, walking: 0, stairs: 1 };
const AT_45 = { ...AT_46, stairs: 0 }; // 46 − 1
const AT_30 = { ...AT_45, time_orientation: 0, space_orientation: 0, person_orientation: 0, memory: 1 }; // 45 − 4 − 4 − 4 − 3
const AT_29 = { ...AT_30, memory: 0 }; // 30 − 1
const AT_0 = Object.fromEntries(Object.keys(FULL).map((k) => [k, 0]));
// Two more in the middle of the mild and moderate bands for the C.4 rules:
const AT_70 = { ...FULL, eating: 2, grooming: 2, bathing: 2, dressing_upper: 2, dressing_lower: 2, bladder: 2, bowel: 2, toileting: 2, stairs: 2, tools: 2, social: 2 }; // 90 − 16 − 1 − 1 − 2
const AT_50 = { ...AT_46, bed_transfer: 4, walking: 1 }; // 46 + 3 + 1

describe('GB/T 42195-2022 附录B: the 26 items and their points', () => {
  it('has the standard’s 26 items, four domains of 32, 15, 28 and 15 points: 90 in all', () => {
    const items = ASSESSMENT_DOMAINS.flatMap((d) => d.items);
    expect(items).toHaveLength(26);
    expect(Object.fromEntries(items.map((i) => [i.code, { max: i.max, ref: i.ref }]))).toEqual(STANDARD_MAX);
    expect(ASSESSMENT_DOMAINS.map((d) => [d.label, d.items.reduce((s, i) => s + i.max, 0)])).toEqual([
      ['自理能力', 32],
      ['基础运动能力', 15],
      ['精神状态', 28],
      ['感知觉与社会参与', 15],
    ]);
    expect(ASSESSMENT_MAX_TOTAL).toBe(90);
    expect(assess(FULL)).toMatchObject({ total: 90, rawGrade: 'intact', grade: 'intact', rules: [] });
  });

  it.each(Object.entries(STANDARD_MAX))('%s: every score 0…max is an answer, max + 1, −1 and fractions are not', (code, { max }) => {
    for (let v = 0; v <= max; v++) expect(errorsOf({ ...FULL, [code]: v })).toEqual([]);
    expect(assess({ ...FULL, [code]: 0 }).total).toBe(90 - max);
    expect(errorsOf({ ...FULL, [code]: max + 1 })).toEqual([`items.${code}`]);
    expect(errorsOf({ ...FULL, [code]: -1 })).toEqual([`items.${code}`]);
    expect(errorsOf({ ...FULL, [code]: 0.5 })).toEqual([`items.${code}`]);
    const missing = { ...FULL };
    delete missing[code];
    expect(errorsOf(missing)).toEqual([`items.${code}`]);
  });

  it('refuses 上下楼梯 4 (B.2.4 has 3…0) and takes 使用交通工具外出 3 (B.4.4 has 3…0)', () => {
    const stairs = scoreAssessment({ ...FULL, stairs: 4 });
    expect('errors' in stairs && stairs.errors).toEqual([{ field: 'items.stairs', message: '「上下楼梯」应为 0–3 的整数' }]);
    const tools = scoreAssessment({ ...FULL, tools: 3 });
    expect('errors' in tools).toBe(false);
  });

  it('names an item that is not on the form', () => {
    expect(errorsOf({ ...FULL, unknown: 1 })).toEqual(['items.unknown']);
  });
});

describe('能力等级划分 on the total: both sides of each band edge', () => {
  it.each([
    ['90', FULL, 90, 'intact'],
    ['89', AT_89, 89, 'mild'],
    ['66', AT_66, 66, 'mild'],
    ['65', AT_65, 65, 'moderate'],
    ['46', AT_46, 46, 'moderate'],
    ['45', AT_45, 45, 'severe'],
    ['30', AT_30, 30, 'severe'],
    ['29', AT_29, 29, 'total'],
    ['0', AT_0, 0, 'total'],
  ] as const)('total %s', (_name, items, total, grade) => {
    expect(assess(items)).toMatchObject({ total, rawGrade: grade, grade, rules: [] });
    expect(gradeForTotal(total)).toBe(grade);
  });
});

describe('附录C C.4 能力等级变更依据', () => {
  it('grades a person in a coma 完全失能 directly, whatever the total', () => {
    // 88: full marks but 意识水平 0 (B.3.9: 昏迷 scores 0) — by the total 轻度失能.
    const coma = { ...FULL, consciousness: 0 };
    expect(assess(coma)).toMatchObject({ total: 88, rawGrade: 'mild', grade: 'mild' });
    expect(assess(coma, { coma: true })).toMatchObject({ total: 88, rawGrade: 'mild', grade: 'total', rules: ['coma'] });
    // The other rules add nothing to it.
    expect(assess(coma, { coma: true, diagnoses: [{ kind: 'dementia' }] })).toMatchObject({ grade: 'total', rules: ['coma'] });
  });

  it('refuses a coma with 意识水平 above 0', () => {
    expect(errorsOf({ ...FULL, consciousness: 1 }, { coma: true })).toEqual(['items.consciousness']);
  });

  it('raises the grade one level for diagnosed dementia', () => {
    expect(assess(AT_70, { diagnoses: [{ kind: 'dementia', name: '阿尔茨海默病' }] })).toMatchObject({ total: 70, rawGrade: 'mild', grade: 'moderate', rules: ['dementia'] });
    expect(assess(FULL, { diagnoses: [{ kind: 'dementia' }] })).toMatchObject({ rawGrade: 'intact', grade: 'mild' });
  });

  it('raises the grade one level for another mental or behavioural disorder only when a psychiatrist diagnosed it', () => {
    expect(assess(AT_50, { diagnoses: [{ kind: 'mental_disorder', name: '双相情感障碍', byPsychiatrist: true }] })).toMatchObject({ total: 50, rawGrade: 'moderate', grade: 'severe', rules: ['mental_disorder'] });
    expect(assess(AT_50, { diagnoses: [{ kind: 'mental_disorder', name: '焦虑状态', byPsychiatrist: false }] })).toMatchObject({ grade: 'moderate', rules: [] });
    expect(assess(AT_50, { diagnoses: [{ kind: 'mental_disorder' }] })).toMatchObject({ grade: 'moderate', rules: [] });
  });

  it('raises the grade one level for two or more care-risk events in the last 30 days', () => {
    // 30 days: the assessment day 2026-11-20 and the 29 days before, back to 2026-10-22.
    const two = [{ type: 'fall', date: '2026-11-20' }, { type: 'wandering', date: '2026-10-22' }] as const;
    expect(assess(AT_46, { riskEvents: [...two] })).toMatchObject({ rawGrade: 'moderate', grade: 'severe', rules: ['care_risk_events'], riskEventsInWindow: 2 });
    // One event is not enough.
    expect(assess(AT_46, { riskEvents: [{ type: 'choking', date: '2026-11-01' }] })).toMatchObject({ grade: 'moderate', rules: [], riskEventsInWindow: 1 });
    // Any mix of kinds counts, two of the same too.
    expect(assess(AT_89, { riskEvents: [{ type: 'suicide_self_harm', date: '2026-11-02' }, { type: 'suicide_self_harm', date: '2026-11-03' }] })).toMatchObject({ rawGrade: 'mild', grade: 'moderate' });
  });

  it('does not count events outside the 30-day window', () => {
    // 2026-10-21 is 30 days before 2026-11-20: the 31st day back.
    const old = [{ type: 'fall', date: '2026-11-10' }, { type: 'fall', date: '2026-10-21' }, { type: 'wandering', date: '2026-06-01' }] as const;
    expect(assess(AT_66, { riskEvents: [...old] })).toMatchObject({ rawGrade: 'mild', grade: 'mild', rules: [], riskEventsInWindow: 1 });
  });

  it('raises one level however many reasons apply', () => {
    const all = assess(AT_66, {
      diagnoses: [{ kind: 'dementia' }, { kind: 'mental_disorder', byPsychiatrist: true }],
      riskEvents: [{ type: 'fall', date: '2026-11-19' }, { type: 'choking', date: '2026-11-18' }],
    });
    expect(all).toMatchObject({ total: 66, rawGrade: 'mild', grade: 'moderate', rules: ['dementia', 'mental_disorder', 'care_risk_events'] });
  });

  it('raises 重度失能 to 完全失能, and 完全失能 stays', () => {
    expect(assess(AT_30, { diagnoses: [{ kind: 'dementia' }] })).toMatchObject({ total: 30, rawGrade: 'severe', grade: 'total', rules: ['dementia'] });
    expect(assess(AT_29, { diagnoses: [{ kind: 'dementia' }] })).toMatchObject({ total: 29, rawGrade: 'total', grade: 'total', rules: ['dementia'] });
    for (const raw of ABILITY_GRADES) expect(ABILITY_GRADES.indexOf(adjustGrade(raw, { diagnoses: [{ kind: 'dementia' }] }, DAY).grade)).toBe(Math.min(ABILITY_GRADES.indexOf(raw) + 1, 4));
  });

  it('names each fact that is not right', () => {
    expect(
      errorsOf(FULL, {
        coma: 'yes' as never,
        diagnoses: [{ kind: 'flu' as never }, { kind: 'dementia', diagnosedOn: '2026-12-01' }],
        riskEvents: [{ type: 'fall', date: '2026-11-21' }, { type: 'burn' as never, date: '2026-02-30' }],
      }),
    ).toEqual(['coma', 'diagnoses.0.kind', 'diagnoses.1.diagnosedOn', 'riskEvents.0.date', 'riskEvents.1.type', 'riskEvents.1.date']);
    expect(errorsOf(FULL, {}, '2026-13-01')).toEqual(['assessedOn']);
  });
});
