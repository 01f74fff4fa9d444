/**
 * 老年人能力评估 after GB/T 42195-2022《老年人能力评估规范》.
 *
 * - 附录B (老年人能力评估表): 26 items in four domains, each answer worth a fixed number of points
 *   (higher = more able). B.1 自理能力 8 items 0–4 (32), B.2 基础运动能力 3 items 0–4 and
 *   B.2.4 上下楼梯 0–3 (15), B.3 精神状态 6 items 0–4, B.3.7/B.3.8 0–1 and B.3.9 意识水平 0–2 (28),
 *   B.4 感知觉与社会参与 B.4.1/B.4.2 0–2, B.4.3 0–4, B.4.4 使用交通工具外出 0–3, B.4.5 0–4 (15): 90 in all.
 * - 能力等级划分 on the 0–90 total (附录C C.3 老年人能力初步等级): 能力完好 90, 轻度失能 66–89,
 *   中度失能 46–65, 重度失能 30–45, 完全失能 0–29.
 * - 附录C C.4 能力等级变更依据 → C.5 老年人能力最终等级:
 *   昏迷 → 直接评定为完全失能; 确诊痴呆 (F00–F03), 精神科专科医生诊断的其他精神和行为障碍 (F04–F99),
 *   近30天内 2 次及以上照护风险事件 (跌倒、噎食、自杀、自伤、走失) → 在原有能力级别上提高一个等级.
 *   "一个等级": several reasons together still raise one level, and 完全失能 cannot go higher.
 */
export const AbilityGrade = {
  INTACT: 'intact',
  MILD: 'mild',
  MODERATE: 'moderate',
  SEVERE: 'severe',
  TOTAL: 'total',
} as const;
export type AbilityGrade = (typeof AbilityGrade)[keyof typeof AbilityGrade];
/** From most to least able: raising a grade one level is the next one in this list. */
export const ABILITY_GRADES: readonly AbilityGrade[] = Object.values(AbilityGrade);
export const ABILITY_GRADE_LABELS: Record<AbilityGrade, string> = {
  intact: '能力完好',
  mild: '轻度失能',
  moderate: '中度失能',
  severe: '重度失能',
  total: '完全失能',
};

export interface AssessmentItem {
  code: string;
  label: string;
  /** The item's highest score; every integer 0…max is an answer of the standard's table. */
  max: number;
  /** Where the item's table is in 附录B. */
  ref: string;
}

export const ASSESSMENT_DOMAINS: { code: string; label: string; ref: string; items: AssessmentItem[] }[] = [
  {
    code: 'self_care',
    label: '自理能力',
    ref: 'B.1',
    items: [
      { code: 'eating', label: '进食', max: 4, ref: 'B.1.1' },
      { code: 'grooming', label: '修饰', max: 4, ref: 'B.1.2' },
      { code: 'bathing', label: '洗澡', max: 4, ref: 'B.1.3' },
      { code: 'dressing_upper', label: '穿/脱上衣', max: 4, ref: 'B.1.4' },
      { code: 'dressing_lower', label: '穿/脱裤子和鞋袜', max: 4, ref: 'B.1.5' },
      { code: 'bladder', label: '小便控制', max: 4, ref: 'B.1.6' },
      { code: 'bowel', label: '大便控制', max: 4, ref: 'B.1.7' },
      { code: 'toileting', label: '如厕', max: 4, ref: 'B.1.8' },
    ],
  },
  {
    code: 'mobility',
    label: '基础运动能力',
    ref: 'B.2',
    items: [
      { code: 'bed_transfer', label: '床上体位转移', max: 4, ref: 'B.2.1' },
      { code: 'chair_transfer', label: '床椅转移', max: 4, ref: 'B.2.2' },
      { code: 'walking', label: '平地行走', max: 4, ref: 'B.2.3' },
      // B.2.4: 3 独立上下 10–15 个台阶 · 2 指导或提示下完成 · 1 需协助、以自身为主 · 0 主要或完全依靠他人
      { code: 'stairs', label: '上下楼梯', max: 3, ref: 'B.2.4' },
    ],
  },
  {
    code: 'mental',
    label: '精神状态',
    ref: 'B.3',
    items: [
      { code: 'time_orientation', label: '时间定向', max: 4, ref: 'B.3.1' },
      { code: 'space_orientation', label: '空间定向', max: 4, ref: 'B.3.2' },
      { code: 'person_orientation', label: '人物定向', max: 4, ref: 'B.3.3' },
      { code: 'memory', label: '记忆', max: 4, ref: 'B.3.4' },
      { code: 'understanding', label: '理解能力', max: 4, ref: 'B.3.5' },
      { code: 'expression', label: '表达能力', max: 4, ref: 'B.3.6' },
      // B.3.7 / B.3.8: 1 未出现 · 0 近一个月内出现过
      { code: 'aggression', label: '攻击行为', max: 1, ref: 'B.3.7' },
      { code: 'depression', label: '抑郁症状', max: 1, ref: 'B.3.8' },
      // B.3.9: 2 神志清醒 · 1 嗜睡或意识模糊 · 0 昏睡或昏迷
      { code: 'consciousness', label: '意识水平', max: 2, ref: 'B.3.9' },
    ],
  },
  {
    code: 'perception_social',
    label: '感知觉与社会参与',
    ref: 'B.4',
    items: [
      { code: 'vision', label: '视力', max: 2, ref: 'B.4.1' },
      { code: 'hearing', label: '听力', max: 2, ref: 'B.4.2' },
      { code: 'daily_affairs', label: '执行日常事务', max: 4, ref: 'B.4.3' },
      // B.4.4: 3 自己骑车或搭乘公共交通 · 2 自己搭乘出租车 · 1 有人协助或陪伴可搭乘公共交通 · 0 只能在协助下乘出租车/私家车或完全不能外出
      { code: 'tools', label: '使用交通工具外出', max: 3, ref: 'B.4.4' },
      { code: 'social', label: '社会交往能力', max: 4, ref: 'B.4.5' },
    ],
  },
];

export const ASSESSMENT_MAX_TOTAL = ASSESSMENT_DOMAINS.reduce((s, d) => s + d.items.reduce((t, i) => t + i.max, 0), 0);

/** 能力等级划分 on the 90-point total (the 初步等级, before the C.4 rules). */
export function gradeForTotal(total: number): AbilityGrade {
  if (total >= 90) return 'intact';
  if (total >= 66) return 'mild';
  if (total >= 46) return 'moderate';
  if (total >= 30) return 'severe';
  return 'total';
}

export interface ScoredAssessment {
  domains: { code: string; label: string; score: number; max: number }[];
  total: number;
  /** The grade by the total alone (C.3 初步等级); see assessAbility for the final grade. */
  grade: AbilityGrade;
}

interface Issue {
  field: string;
  message: string;
}

/** Checks every item is present and in range; returns the per-domain scores, total and grade by the total. */
export function scoreAssessment(items: Record<string, number>): ScoredAssessment | { errors: Issue[] } {
  const errors: Issue[] = [];
  const domains = ASSESSMENT_DOMAINS.map((d) => {
    let score = 0;
    for (const item of d.items) {
      const v = items[item.code];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > item.max) errors.push({ field: `items.${item.code}`, message: `「${item.label}」应为 0–${item.max} 的整数` });
      else score += v;
    }
    return { code: d.code, label: d.label, score, max: d.items.reduce((t, i) => t + i.max, 0) };
  });
  const known = new Set(ASSESSMENT_DOMAINS.flatMap((d) => d.items.map((i) => i.code)));
  for (const key of Object.keys(items)) if (!known.has(key)) errors.push({ field: `items.${key}`, message: '不是评估量表中的项目' });
  if (errors.length) return { errors };
  const total = domains.reduce((s, d) => s + d.score, 0);
  return { domains, total, grade: gradeForTotal(total) };
}

// ——— 附录C C.4 能力等级变更依据: the facts recorded with the assessment and the rules they drive ———

/** A diagnosis that can raise the grade (附录A 疾病诊断; ICD-10 chapters as the standard names them). */
export const AssessmentDiagnosisKind = {
  /** 痴呆 F00–F03 */
  DEMENTIA: 'dementia',
  /** 其他精神和行为障碍 F04–F99: raises the grade only when a psychiatrist (精神科专科医生) made the diagnosis. */
  MENTAL_DISORDER: 'mental_disorder',
} as const;
export type AssessmentDiagnosisKind = (typeof AssessmentDiagnosisKind)[keyof typeof AssessmentDiagnosisKind];
export const ASSESSMENT_DIAGNOSIS_KINDS: readonly AssessmentDiagnosisKind[] = Object.values(AssessmentDiagnosisKind);
export const ASSESSMENT_DIAGNOSIS_LABELS: Record<AssessmentDiagnosisKind, string> = {
  dementia: '痴呆（F00–F03）',
  mental_disorder: '其他精神和行为障碍（F04–F99）',
};

export interface AssessmentDiagnosis {
  kind: AssessmentDiagnosisKind;
  /** The diagnosis as written, e.g. 阿尔茨海默病. */
  name?: string;
  /** Diagnosed by a psychiatrist (精神科专科医生). */
  byPsychiatrist?: boolean;
  diagnosedOn?: string;
}

/** 照护风险事件 (附录A 近30天内照护风险事件; C.4 names 跌倒、噎食、自杀、自伤、走失). */
export const CareRiskEventType = {
  FALL: 'fall',
  CHOKING: 'choking',
  SUICIDE_SELF_HARM: 'suicide_self_harm',
  WANDERING: 'wandering',
} as const;
export type CareRiskEventType = (typeof CareRiskEventType)[keyof typeof CareRiskEventType];
export const CARE_RISK_EVENT_TYPES: readonly CareRiskEventType[] = Object.values(CareRiskEventType);
export const CARE_RISK_EVENT_LABELS: Record<CareRiskEventType, string> = {
  fall: '跌倒',
  choking: '噎食',
  suicide_self_harm: '自杀/自伤',
  wandering: '走失',
};

export interface CareRiskEvent {
  type: CareRiskEventType;
  /** The day it happened, YYYY-MM-DD. */
  date: string;
  note?: string;
}

/** "近30天内": the assessment day and the 29 days before it. */
export const CARE_RISK_WINDOW_DAYS = 30;
/** "2次及以上照护风险事件" */
export const CARE_RISK_EVENTS_TO_RAISE = 2;

/** The C.4 rules, each a reason the final grade differs from the grade by the total. */
export const GradeRule = {
  /** 处于昏迷状态者，直接评定为完全失能 */
  COMA: 'coma',
  /** 确诊为痴呆 (F00–F03) → 提高一个等级 */
  DEMENTIA: 'dementia',
  /** 精神科专科医生诊断的其他精神和行为障碍 (F04–F99) → 提高一个等级 */
  MENTAL_DISORDER: 'mental_disorder',
  /** 近30天内发生过 2 次及以上照护风险事件 → 提高一个等级 */
  CARE_RISK_EVENTS: 'care_risk_events',
} as const;
export type GradeRule = (typeof GradeRule)[keyof typeof GradeRule];
export const GRADE_RULE_LABELS: Record<GradeRule, string> = {
  coma: '处于昏迷状态，直接评定为完全失能',
  dementia: '确诊痴呆，提高一个等级',
  mental_disorder: '精神科专科医生诊断的精神和行为障碍，提高一个等级',
  care_risk_events: '近30天内发生 2 次及以上照护风险事件，提高一个等级',
};

export interface AssessmentFacts {
  /** 昏迷 (附录A 健康相关问题): scored 0 on B.3.9 and graded 完全失能 whatever the total. */
  coma?: boolean;
  diagnoses?: AssessmentDiagnosis[];
  riskEvents?: CareRiskEvent[];
}

export interface GradeAdjustment {
  /** C.3 初步等级: by the total alone. */
  rawGrade: AbilityGrade;
  /** C.5 最终等级. */
  grade: AbilityGrade;
  /** The C.4 rules the facts meet (coma alone when it applies: it decides the grade by itself). */
  rules: GradeRule[];
  /** Risk events inside the 30-day window. */
  riskEventsInWindow: number;
}

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

function isCalendarDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Is a risk event on `date` inside the 30 days up to and including the assessment day? */
export function inCareRiskWindow(date: string, assessedOn: string): boolean {
  const ago = dayNumber(assessedOn) - dayNumber(date);
  return ago >= 0 && ago < CARE_RISK_WINDOW_DAYS;
}

/** The final grade (C.5) from the grade by the total (C.3) and the C.4 facts. */
export function adjustGrade(rawGrade: AbilityGrade, facts: AssessmentFacts, assessedOn: string): GradeAdjustment {
  const riskEventsInWindow = (facts.riskEvents ?? []).filter((e) => inCareRiskWindow(e.date, assessedOn)).length;
  if (facts.coma) return { rawGrade, grade: 'total', rules: ['coma'], riskEventsInWindow };
  const rules: GradeRule[] = [];
  const diagnoses = facts.diagnoses ?? [];
  if (diagnoses.some((d) => d.kind === 'dementia')) rules.push('dementia');
  if (diagnoses.some((d) => d.kind === 'mental_disorder' && d.byPsychiatrist === true)) rules.push('mental_disorder');
  if (riskEventsInWindow >= CARE_RISK_EVENTS_TO_RAISE) rules.push('care_risk_events');
  // One level up however many reasons apply; 完全失能 is the last level.
  const at = ABILITY_GRADES.indexOf(rawGrade);
  const grade = rules.length ? ABILITY_GRADES[Math.min(at + 1, ABILITY_GRADES.length - 1)] : rawGrade;
  return { rawGrade, grade, rules, riskEventsInWindow };
}

export interface AbilityAssessmentInput extends AssessmentFacts {
  assessedOn: string;
  items: Record<string, number>;
}

export interface AbilityAssessmentResult extends GradeAdjustment {
  domains: ScoredAssessment['domains'];
  /** The raw 0–90 total. */
  total: number;
}

const MAX_DIAGNOSES = 20;
const MAX_RISK_EVENTS = 50;

/** Checks the facts recorded beside the items (diagnoses, events, coma) against the form's rules. */
export function checkAssessmentFacts(input: AbilityAssessmentInput): Issue[] {
  const errors: Issue[] = [];
  if (input.coma !== undefined && typeof input.coma !== 'boolean') errors.push({ field: 'coma', message: '昏迷应为是或否' });
  if (input.coma === true && typeof input.items?.consciousness === 'number' && input.items.consciousness !== 0)
    errors.push({ field: 'items.consciousness', message: '处于昏迷状态时「意识水平」应为 0 分' });
  if (input.diagnoses !== undefined) {
    if (!Array.isArray(input.diagnoses)) errors.push({ field: 'diagnoses', message: '诊断应为列表' });
    else {
      if (input.diagnoses.length > MAX_DIAGNOSES) errors.push({ field: 'diagnoses', message: `诊断最多 ${MAX_DIAGNOSES} 条` });
      input.diagnoses.forEach((d, i) => {
        const at = `diagnoses.${i}`;
        if (!d || typeof d !== 'object') return errors.push({ field: at, message: '诊断无效' });
        if (!ASSESSMENT_DIAGNOSIS_KINDS.includes(d.kind)) errors.push({ field: `${at}.kind`, message: '诊断类别应为 痴呆 或 其他精神和行为障碍' });
        if (d.name !== undefined && (typeof d.name !== 'string' || d.name.length > 100)) errors.push({ field: `${at}.name`, message: '诊断名称最多 100 字' });
        if (d.byPsychiatrist !== undefined && typeof d.byPsychiatrist !== 'boolean') errors.push({ field: `${at}.byPsychiatrist`, message: '是否精神科专科医生诊断应为是或否' });
        if (d.diagnosedOn !== undefined) {
          if (!isCalendarDate(d.diagnosedOn)) errors.push({ field: `${at}.diagnosedOn`, message: '诊断日期应为 YYYY-MM-DD' });
          else if (isCalendarDate(input.assessedOn) && d.diagnosedOn > input.assessedOn) errors.push({ field: `${at}.diagnosedOn`, message: '诊断日期不能晚于评估日期' });
        }
      });
    }
  }
  if (input.riskEvents !== undefined) {
    if (!Array.isArray(input.riskEvents)) errors.push({ field: 'riskEvents', message: '照护风险事件应为列表' });
    else {
      if (input.riskEvents.length > MAX_RISK_EVENTS) errors.push({ field: 'riskEvents', message: `照护风险事件最多 ${MAX_RISK_EVENTS} 条` });
      input.riskEvents.forEach((e, i) => {
        const at = `riskEvents.${i}`;
        if (!e || typeof e !== 'object') return errors.push({ field: at, message: '照护风险事件无效' });
        if (!CARE_RISK_EVENT_TYPES.includes(e.type)) errors.push({ field: `${at}.type`, message: '事件应为 跌倒、噎食、自杀/自伤 或 走失' });
        if (!isCalendarDate(e.date)) errors.push({ field: `${at}.date`, message: '事件日期应为 YYYY-MM-DD' });
        else if (isCalendarDate(input.assessedOn) && e.date > input.assessedOn) errors.push({ field: `${at}.date`, message: '事件日期不能晚于评估日期' });
        if (e.note !== undefined && (typeof e.note !== 'string' || e.note.length > 200)) errors.push({ field: `${at}.note`, message: '说明最多 200 字' });
      });
    }
  }
  return errors;
}

/**
 * The whole assessment: the 26 items' ranges (附录B), the raw total and its grade (C.3), then the
 * C.4 rules on the recorded facts for the final grade (C.5). Errors name the item or fact.
 */
export function assessAbility(input: AbilityAssessmentInput): AbilityAssessmentResult | { errors: Issue[] } {
  const scored = scoreAssessment(input.items ?? {});
  const errors = [...('errors' in scored ? scored.errors : []), ...checkAssessmentFacts(input)];
  if (!isCalendarDate(input.assessedOn)) errors.push({ field: 'assessedOn', message: '评估日期应为 YYYY-MM-DD' });
  if (errors.length || 'errors' in scored) return { errors };
  return { domains: scored.domains, total: scored.total, ...adjustGrade(scored.grade, input, input.assessedOn) };
}
