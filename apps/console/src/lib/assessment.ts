import { ABILITY_GRADE_LABELS, ASSESSMENT_DOMAINS, ASSESSMENT_MAX_TOTAL, scoreAssessment, type AbilityGrade } from '@carecircle/shared';

export type AssessmentAnswers = Partial<Record<string, number>>;

export const ASSESSMENT_ITEM_COUNT = ASSESSMENT_DOMAINS.reduce((n, d) => n + d.items.length, 0);

export interface LiveScore {
  answered: number;
  complete: boolean;
  /** Sum of the items answered so far. */
  total: number;
  max: number;
  domains: { code: string; label: string; score: number; max: number; answered: number; count: number }[];
  /** From the shared scoreAssessment, once every item is answered. */
  grade: AbilityGrade | null;
  gradeLabel: string | null;
  errors: { field: string; message: string }[];
}

/** The form's live figures: partial sums while filling in, the standard's grade once complete. */
export function liveScore(answers: AssessmentAnswers): LiveScore {
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
  let grade: AbilityGrade | null = null;
  let errors: { field: string; message: string }[] = [];
  if (complete) {
    const items: Record<string, number> = {};
    for (const [k, v] of Object.entries(answers)) if (typeof v === 'number') items[k] = v;
    const scored = scoreAssessment(items);
    if ('errors' in scored) errors = scored.errors;
    else grade = scored.grade;
  }
  return { answered, complete, total, max: ASSESSMENT_MAX_TOTAL, domains, grade, gradeLabel: grade ? ABILITY_GRADE_LABELS[grade] : null, errors };
}

export const GRADE_COLORS: Record<AbilityGrade, string> = {
  intact: 'green',
  mild: 'blue',
  moderate: 'orange',
  severe: 'volcano',
  total: 'red',
};
