import { DispatchFixture, offset, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * 老年人能力评估 as GB/T 42195-2022 says: the item ranges of 附录B, the grade bands on the 90-point
 * total and the 附录C C.4 rules (coma; dementia / psychiatrist-diagnosed disorder; 2+ care-risk
 * events in 30 days), with expected figures worked out by hand from the standard.
 */
const NOW = new Date('2026-11-27T02:00:00Z');
const DAY = '2026-11-20';
/** Full marks, from the standard's tables: B.1 8 × 4, B.2 4 4 4 3, B.3 6 × 4 1 1 2, B.4 2 2 4 3 4 = 90. */
const FULL: Record<string, number> = {
  eating: 4, grooming: 4, bathing: 4, dressing_upper: 4, dressing_lower: 4, bladder: 4, bowel: 4, toileting: 4,
  bed_transfer: 4, chair_transfer: 4, walking: 4, stairs: 3,
  time_orientation: 4, space_orientation: 4, person_orientation: 4, memory: 4, understanding: 4, expression: 4, aggression: 1, depression: 1, consciousness: 2,
  vision: 2, hearing: 2, daily_affairs: 4, tools: 3, social: 4,
};
// 90 − 8 × 2 (self-care at 2) − 1 (stairs 2) − 1 (tools 2) − 2 (social 2) = 70: 轻度失能 (66–89).
const AT_70 = { ...FULL, eating: 2, grooming: 2, bathing: 2, dressing_upper: 2, dressing_lower: 2, bladder: 2, bowel: 2, toileting: 2, stairs: 2, tools: 2, social: 2 };
// 90 − 32 (self-care 0) − 3 − 3 − 4 − 3 (mobility 1 1 0 0) − 4 − 4 − 4 − 3 (orientation 0 0 0, memory 1) = 30: 重度失能 (30–45).
const AT_30 = {
  ...FULL, eating: 0, grooming: 0, bathing: 0, dressing_upper: 0, dressing_lower: 0, bladder: 0, bowel: 0, toileting: 0,
  bed_transfer: 1, chair_transfer: 1, walking: 0, stairs: 0, time_orientation: 0, space_orientation: 0, person_orientation: 0, memory: 1,
};

describe('ability assessment by GB/T 42195-2022', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let op: Auth;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    d = await new DispatchFixture(t).setup();
    op = await d.operator('评估员');
  });
  afterAll(() => t.close());

  const newElder = async () => d.family({ at: offset(++n * 30_000, 20_000) });
  const post = (elderId: string, body: object) => t.http.post(`/api/elders/${elderId}/assessments`).set(op).send(body);
  const stored = async (id: string) => {
    const [row] = await t.dataSource.query('SELECT total, raw_grade, grade, coma, diagnoses, risk_events, grade_rules FROM elder_assessments WHERE id = ?', [id]);
    const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    return { ...row, coma: Number(row.coma), diagnoses: json(row.diagnoses), risk_events: json(row.risk_events), grade_rules: json(row.grade_rules) };
  };
  const elderGrade = async (elderId: string) => (await t.dataSource.query('SELECT ability_grade FROM elders WHERE id = ?', [elderId]))[0].ability_grade;

  it('records diagnoses and care-risk events, keeps the raw total and grade, and raises the final grade by the rule they meet', async () => {
    const fam = await newElder();
    const riskEvents = [
      { type: 'fall', date: '2026-11-05', note: '夜间如厕时跌倒' },
      { type: 'wandering', date: '2026-11-18' },
      { type: 'choking', date: '2026-10-01' }, // 50 days before: outside the 30 days
    ];
    const diagnoses = [{ kind: 'mental_disorder', name: '焦虑状态', byPsychiatrist: false }]; // not a psychiatrist's: no raise
    const res = (await post(fam.elder.id, { assessedOn: DAY, items: AT_70, diagnoses, riskEvents }).expect(201)).body;
    expect(res).toMatchObject({
      total: 70, rawGrade: 'mild', rawGradeLabel: '轻度失能', grade: 'moderate', gradeLabel: '中度失能',
      gradeRules: [{ code: 'care_risk_events', label: expect.stringContaining('照护风险事件') }],
      coma: false, diagnoses, riskEvents,
    });
    expect(await stored(res.id)).toEqual({ total: 70, raw_grade: 'mild', grade: 'moderate', coma: 0, diagnoses, risk_events: riskEvents, grade_rules: ['care_risk_events'] });
    // The elder's grade — what subsidies, services and visits read — is the final one.
    expect(await elderGrade(fam.elder.id)).toBe('moderate');
    // The family reads the same view: the final grade, with the raw total beside it.
    const [seen] = (await t.http.get(`/api/elders/${fam.elder.id}/assessments`).set(fam.auth).expect(200)).body;
    expect(seen).toMatchObject({ id: res.id, total: 70, rawGrade: 'mild', grade: 'moderate', gradeLabel: '中度失能' });
  });

  it('raises 重度失能 one level (not two) for dementia and events together', async () => {
    const fam = await newElder();
    const res = (await post(fam.elder.id, {
      assessedOn: DAY, items: AT_30,
      diagnoses: [{ kind: 'dementia', name: '阿尔茨海默病', diagnosedOn: '2025-06-01' }],
      riskEvents: [{ type: 'fall', date: '2026-11-19' }, { type: 'suicide_self_harm', date: '2026-10-22' }], // 2026-10-22: the 30th day back
    }).expect(201)).body;
    expect(res).toMatchObject({ total: 30, rawGrade: 'severe', grade: 'total', gradeLabel: '完全失能', gradeRules: [{ code: 'dementia' }, { code: 'care_risk_events' }] });
    expect(await stored(res.id)).toMatchObject({ raw_grade: 'severe', grade: 'total', grade_rules: ['dementia', 'care_risk_events'] });
  });

  it('grades a person in a coma 完全失能 whatever the total', async () => {
    const fam = await newElder();
    // 88 (意识水平 0, B.3.9 昏迷): 轻度失能 by the total.
    const res = (await post(fam.elder.id, { assessedOn: DAY, items: { ...FULL, consciousness: 0 }, coma: true }).expect(201)).body;
    expect(res).toMatchObject({ total: 88, rawGrade: 'mild', grade: 'total', coma: true, gradeRules: [{ code: 'coma' }] });
    expect(await stored(res.id)).toMatchObject({ total: 88, raw_grade: 'mild', grade: 'total', coma: 1, grade_rules: ['coma'] });
    expect(await elderGrade(fam.elder.id)).toBe('total');
    const awake = await post(fam.elder.id, { assessedOn: DAY, items: FULL, coma: true }).expect(400);
    expect(awake.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['items.consciousness']);
  });

  it('refuses a score outside an item’s range, naming the item, and takes the answers it refused before', async () => {
    const fam = await newElder();
    // B.2.4 上下楼梯 goes 3…0: a 4 is no answer of the standard.
    const stairs = await post(fam.elder.id, { assessedOn: DAY, items: { ...FULL, stairs: 4 } }).expect(400);
    expect(stairs.body.error).toBe('VALIDATION_FAILED');
    expect(stairs.body.details.fields).toEqual([{ field: 'items.stairs', message: '「上下楼梯」应为 0–3 的整数' }]);
    expect(stairs.body.message).toContain('上下楼梯');
    // B.4.4 使用交通工具外出 goes 3…0: 能自己骑车或搭乘公共交通工具外出 is 3 (refused before as above 2).
    const tools = (await post(fam.elder.id, { assessedOn: DAY, items: { ...FULL, tools: 3 } }).expect(201)).body;
    expect(tools).toMatchObject({ total: 90, rawGrade: 'intact', grade: 'intact', gradeRules: [] });
  });

  it('refuses facts that are not right', async () => {
    const fam = await newElder();
    const future = await post(fam.elder.id, { assessedOn: DAY, items: FULL, riskEvents: [{ type: 'fall', date: '2026-11-21' }] }).expect(400);
    expect(future.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['riskEvents.0.date']);
    const kind = await post(fam.elder.id, { assessedOn: DAY, items: FULL, riskEvents: [{ type: 'burn', date: '2026-11-10' }], diagnoses: [{ kind: 'flu' }] }).expect(400);
    expect(kind.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['diagnoses.0.kind', 'riskEvents.0.type']);
    expect(await t.dataSource.query('SELECT id FROM elder_assessments WHERE elder_id = ?', [fam.elder.id])).toEqual([]);
  });
});
