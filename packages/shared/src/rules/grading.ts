/**
 * 等级评定: a provider's score against the region's grading criteria (a `grading_criteria` policy —
 * the items, their maximum points and the level thresholds are data, not code).
 */
export interface GradingCriterion {
  code: string;
  label: string;
  maxPoints: number;
}

export interface GradingLevel {
  /** 五星, 四星 … or AAAAA … — whatever the region's table calls it. */
  level: string;
  minScore: number;
}

export interface GradingCriteria {
  items: GradingCriterion[];
  levels: GradingLevel[];
}

export interface GradingOutcome {
  totalScore: number;
  maxScore: number;
  /** null: below the lowest level (未定级). */
  level: string | null;
  /** Which scores were missing or outside 0…maxPoints; empty when the scoring is complete. */
  problems: { code: string; message: string }[];
}

export function gradeProvider(criteria: GradingCriteria, scores: Record<string, number>): GradingOutcome {
  const problems: GradingOutcome['problems'] = [];
  let total = 0;
  for (const item of criteria.items) {
    const s = scores[item.code];
    if (typeof s !== 'number' || !Number.isFinite(s)) problems.push({ code: item.code, message: `请为「${item.label}」打分` });
    else if (s < 0 || s > item.maxPoints) problems.push({ code: item.code, message: `「${item.label}」应在 0–${item.maxPoints} 分之间` });
    else total += s;
  }
  for (const code of Object.keys(scores)) {
    if (!criteria.items.some((i) => i.code === code)) problems.push({ code, message: `评分标准中没有「${code}」这一项` });
  }
  const maxScore = criteria.items.reduce((sum, i) => sum + i.maxPoints, 0);
  const totalScore = Math.round(total * 10) / 10;
  const level = [...criteria.levels].sort((a, b) => b.minScore - a.minScore).find((l) => totalScore >= l.minScore)?.level ?? null;
  return { totalScore, maxScore, level, problems };
}

/** Is this JSON a usable criteria table (the policy editor lets operators type anything)? */
export function isGradingCriteria(value: unknown): value is GradingCriteria {
  const v = value as GradingCriteria | null;
  return (
    !!v && Array.isArray(v.items) && v.items.length > 0 && Array.isArray(v.levels) &&
    v.items.every((i) => i && typeof i.code === 'string' && typeof i.label === 'string' && typeof i.maxPoints === 'number' && i.maxPoints > 0) &&
    v.levels.every((l) => l && typeof l.level === 'string' && typeof l.minScore === 'number')
  );
}
