import { ageInYears } from '@carecircle/shared';

/** One tier of a region's 探访 plan (policy `visit_plan`): who falls under it, and how often they are visited. */
export interface VisitTier {
  reason: string;
  livingSituations?: string[];
  categories?: string[];
  grades?: string[];
  minAge?: number;
  frequency: 'monthly' | 'weekly';
}

/** What the plan looks at; a subsidy category counts only once an operator verified it. */
export interface VisitPlanFacts {
  livingSituation: string;
  verifiedCategory: string;
  abilityGrade: string | null;
  birthDate: string;
}

/** How often an elder on the plan is visited, and why they are on it. */
export interface VisitPlan {
  frequency: 'monthly' | 'weekly';
  reasons: string[];
}

/** The tiers an elder falls under, and the most frequent of their frequencies; null when none. */
export function visitPlanFor(tiers: VisitTier[], e: VisitPlanFacts, today: string): VisitPlan | null {
  const matched = tiers.filter(
    (t) =>
      (t.livingSituations?.includes(e.livingSituation) ?? false) ||
      (t.categories?.includes(e.verifiedCategory) ?? false) ||
      (!!e.abilityGrade && (t.grades?.includes(e.abilityGrade) ?? false)) ||
      (t.minAge !== undefined && ageInYears(e.birthDate, today) >= t.minAge),
  );
  if (matched.length === 0) return null;
  return { frequency: matched.some((t) => t.frequency === 'weekly') ? 'weekly' : 'monthly', reasons: matched.map((t) => t.reason) };
}

/** One stretch of a month in which an elder on the plan must have one visit. */
export interface VisitPeriod {
  /** 本月 / 第1周 … */
  label: string;
  /** Shanghai days, inclusive. */
  first: string;
  last: string;
  /** When the period's visit is scheduled from: before this nobody is overdue for it. */
  opensAt: Date;
}

/** Monthly visits are scheduled from the 10th; weekly ones from the 1st, 8th, 15th and 22nd (the 4th week runs to the month's end). */
const MONTHLY_OPENS_ON = 10;
const WEEK_STARTS = [1, 8, 15, 22];
const OPENS_AT = '09:00';

/** The periods of a month that each need a completed visit, for a frequency. */
export function visitPeriods(frequency: VisitPlan['frequency'], month: string): VisitPeriod[] {
  const [y, m] = month.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const day = (d: number) => `${month}-${String(d).padStart(2, '0')}`;
  const opens = (d: number) => new Date(`${day(d)}T${OPENS_AT}:00+08:00`);
  if (frequency === 'monthly') return [{ label: '本月', first: day(1), last: day(lastDay), opensAt: opens(MONTHLY_OPENS_ON) }];
  return WEEK_STARTS.map((start, i) => ({
    label: `第${i + 1}周`,
    first: day(start),
    last: day(i + 1 < WEEK_STARTS.length ? WEEK_STARTS[i + 1] - 1 : lastDay),
    opensAt: opens(start),
  }));
}
