import type { InspectionChecklist } from '../api/supervision.js';

export const DEFAULT_MAX_MINOR_FAILURES = 2;
export const DEFAULT_FAIL_CREDIT_POINTS = 20;

/**
 * A failed critical item fails the inspection; so do more failed minor items than the region's
 * checklist allows. Items without a result count as not yet known (null).
 */
export function inspectionOutcome(checklist: InspectionChecklist, results: readonly { code: string; passed: boolean }[]): { passed: boolean | null; failedCritical: number; failedMinor: number } {
  const byCode = new Map(results.map((r) => [r.code, r.passed]));
  let failedCritical = 0;
  let failedMinor = 0;
  let missing = 0;
  for (const item of checklist.items) {
    const passed = byCode.get(item.code);
    if (passed === undefined) missing++;
    else if (!passed) item.critical ? failedCritical++ : failedMinor++;
  }
  const failed = failedCritical > 0 || failedMinor > (checklist.maxMinorFailures ?? DEFAULT_MAX_MINOR_FAILURES);
  return { passed: failed ? false : missing > 0 ? null : true, failedCritical, failedMinor };
}
