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
