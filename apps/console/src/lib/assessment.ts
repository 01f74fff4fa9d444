import {
  ABILITY_GRADE_LABELS,
  adjustGrade,
  ASSESSMENT_DOMAINS,
  ASSESSMENT_MAX_TOTAL,
  checkAssessmentFacts,
  GRADE_RULE_LABELS,
  inCareRiskWindow,
  scoreAssessment,
  type AbilityGrade,
  type AssessmentDiagnosis,
  type AssessmentDiagnosisKind,
  type CareRiskEvent,
  type CareRiskEventType,
  type GradeRule,
} from '@carecircle/shared';

export type AssessmentAnswers = Partial<Record<string, number>>;

export const ASSESSMENT_ITEM_COUNT = ASSESSMENT_DOMAINS.reduce((n, d) => n + d.items.length, 0);

/** A diagnosis or event row as the form holds it: the date may still be empty. */
export interface DiagnosisRow {
  kind: AssessmentDiagnosisKind;
  name?: string;
  byPsychiatrist?: boolean;
  diagnosedOn?: string;
}
export interface RiskEventRow {
  type: CareRiskEventType;
  date?: string;
  note?: string;
}

/** The facts behind GB/T 42195-2022 附录C C.4 as the form holds them. */
export interface FormFacts {
  coma: boolean;
  diagnoses: DiagnosisRow[];
  riskEvents: RiskEventRow[];
}

export const NO_FACTS: FormFacts = { coma: false, diagnoses: [], riskEvents: [] };

export interface LiveScore {
  answered: number;
  complete: boolean;
  /** Sum of the items answered so far (the raw total). */
  total: number;
  max: number;
  domains: { code: string; label: string; score: number; max: number; answered: number; count: number }[];
  /** The grade by the total (C.3 初步等级), once every item is answered. */
  rawGrade: AbilityGrade | null;
  rawGradeLabel: string | null;
  /** The final grade (C.5) after the C.4 rules on the facts. */
  grade: AbilityGrade | null;
  gradeLabel: string | null;
  /** The C.4 rules the facts meet. */
  rules: { code: GradeRule; label: string }[];
  riskEventsInWindow: number;
  /** Item range errors and fact errors, named like the server's (`items.stairs`, `riskEvents.0.date`). */
  errors: { field: string; message: string }[];
}

/** The facts as the API takes them (empty optional fields left out). */
export function factsInput(facts: FormFacts): { coma: boolean; diagnoses: AssessmentDiagnosis[]; riskEvents: CareRiskEvent[] } {
  return {
    coma: facts.coma,
    diagnoses: facts.diagnoses.map((d) => ({
      kind: d.kind,
      ...(d.name?.trim() ? { name: d.name.trim() } : {}),
      ...(d.kind === 'mental_disorder' ? { byPsychiatrist: d.byPsychiatrist === true } : {}),
      ...(d.diagnosedOn ? { diagnosedOn: d.diagnosedOn } : {}),
    })),
    riskEvents: facts.riskEvents.map((e) => ({ type: e.type, date: e.date ?? '', ...(e.note?.trim() ? { note: e.note.trim() } : {}) })),
  };
}

/**
 * The form's live figures with the shared rules: partial sums while filling in; once complete the
 * grade by the total and the final grade after the C.4 rules (events without a date yet do not count).
 */
export function liveScore(answers: AssessmentAnswers, facts: FormFacts = NO_FACTS, assessedOn = ''): LiveScore {
  const domains = ASSESSMENT_DOMAINS.map((d) => {
    let score = 0;
    let answered = 0;
    for (const item of d.items) {
      const v = answers[item.code];
      if (typeof v === 'number') {
        score += v;
        answered += 1;
      }
    }
    return { code: d.code, label: d.label, score, max: d.items.reduce((t, i) => t + i.max, 0), answered, count: d.items.length };
  });
  const answered = domains.reduce((n, d) => n + d.answered, 0);
  const total = domains.reduce((n, d) => n + d.score, 0);
  const complete = answered === ASSESSMENT_ITEM_COUNT;
  const items: Record<string, number> = {};
  for (const [k, v] of Object.entries(answers)) if (typeof v === 'number') items[k] = v;
  const input = factsInput(facts);
  const errors = checkAssessmentFacts({ assessedOn, items, ...input });
  let rawGrade: AbilityGrade | null = null;
  let grade: AbilityGrade | null = null;
  let rules: GradeRule[] = [];
  let riskEventsInWindow = 0;
  if (complete) {
    const scored = scoreAssessment(items);
    if ('errors' in scored) errors.unshift(...scored.errors);
    else {
      rawGrade = scored.grade;
      const dated = input.riskEvents.filter((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.date));
      ({ grade, rules, riskEventsInWindow } = adjustGrade(rawGrade, { ...input, riskEvents: dated }, assessedOn));
    }
  }
  return {
    answered,
    complete,
    total,
    max: ASSESSMENT_MAX_TOTAL,
    domains,
    rawGrade,
    rawGradeLabel: rawGrade ? ABILITY_GRADE_LABELS[rawGrade] : null,
    grade,
    gradeLabel: grade ? ABILITY_GRADE_LABELS[grade] : null,
    rules: rules.map((code) => ({ code, label: GRADE_RULE_LABELS[code] })),
    riskEventsInWindow,
    errors,
  };
}

/** Is this event inside the 30 days that count (C.4), for the row's hint? */
export function countsForRisk(date: string | undefined, assessedOn: string): boolean {
  return !!date && inCareRiskWindow(date, assessedOn);
}

/** How the final grade came about, in one sentence (shown beside it and on saved assessments). */
export function gradeExplanation(v: { rawGrade: AbilityGrade; grade: AbilityGrade; rules: { code: GradeRule; label: string }[] }): string {
  if (v.rules.length === 0) return '无等级变更依据，最终等级即按总分的初步等级';
  if (v.rules.some((r) => r.code === 'coma')) return '处于昏迷状态，直接评定为完全失能';
  if (v.grade === v.rawGrade) return `已为${ABILITY_GRADE_LABELS[v.rawGrade]}，不再提高`;
  return `由${ABILITY_GRADE_LABELS[v.rawGrade]}提高一个等级${v.rules.length > 1 ? '（多项依据也只提高一级）' : ''}`;
}

export const GRADE_COLORS: Record<AbilityGrade, string> = {
  intact: 'green',
  mild: 'blue',
  moderate: 'orange',
  severe: 'volcano',
  total: 'red',
};
