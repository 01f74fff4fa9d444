import type { InspectionChecklist, InspectionChecklistPolicy } from '../api/supervision.js';
import { PROVIDER_KIND_LABELS, PROVIDER_KINDS, type ProviderKind } from '../enums/service.js';
import type { FieldError } from '../errors/error-codes.js';

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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isUsableChecklist(v: unknown): v is InspectionChecklist {
  return isObject(v) && Array.isArray(v.items) && v.items.length > 0 && v.items.every((i) => isObject(i) && typeof i.code === 'string' && typeof i.label === 'string');
}

/**
 * The checklist an inspection of a provider of `kind` uses, from the region's `inspection_checklist`
 * policy: `{ byKind: { canteen: {...} } }`, or the older single checklist, which applies to every
 * kind. Null when the policy has none for this kind (or is malformed).
 */
export function checklistForKind(policy: unknown, kind: ProviderKind): InspectionChecklist | null {
  if (!isObject(policy)) return null;
  if (isObject(policy.byKind)) {
    const own = policy.byKind[kind];
    return isUsableChecklist(own) ? own : null;
  }
  return isUsableChecklist(policy) ? policy : null;
}

/** The kinds a region's `inspection_checklist` policy has a checklist for. */
export function kindsWithChecklist(policy: InspectionChecklistPolicy | unknown): ProviderKind[] {
  return PROVIDER_KINDS.filter((k) => checklistForKind(policy, k) !== null);
}

/**
 * Validation of the `inspection_checklist` policy before it is published: either one checklist per
 * kind under `byKind` (at least one kind), or the older single checklist. Each checklist needs items
 * with a code (a–z, 0–9, _) and a label, codes unique.
 */
export function inspectionChecklistErrors(rules: Record<string, unknown>): FieldError[] {
  if (rules.byKind === undefined) return checklistErrors(rules, 'rules', '');
  if (!isObject(rules.byKind)) return [{ field: 'rules.byKind', message: '请按机构类型填写检查表' }];
  const errors: FieldError[] = [];
  const entries = Object.entries(rules.byKind);
  if (entries.length === 0) errors.push({ field: 'rules.byKind', message: '至少填写一种机构类型的检查表' });
  for (const [kind, list] of entries) {
    if (!PROVIDER_KINDS.includes(kind as ProviderKind)) {
      errors.push({ field: `rules.byKind.${kind}`, message: `没有「${kind}」这种机构类型（可用 ${PROVIDER_KINDS.join('、')}）` });
      continue;
    }
    errors.push(...checklistErrors(list, `rules.byKind.${kind}`, `${PROVIDER_KIND_LABELS[kind as ProviderKind]}检查表：`));
  }
  return errors;
}

function checklistErrors(raw: unknown, at: string, prefix: string): FieldError[] {
  if (!isObject(raw)) return [{ field: at, message: `${prefix}应为一张检查表` }];
  const errors: FieldError[] = [];
  if (!Array.isArray(raw.items) || raw.items.length === 0) {
    errors.push({ field: `${at}.items`, message: `${prefix}至少需要一个检查项` });
  } else {
    const seen = new Map<string, number>();
    raw.items.forEach((item, i) => {
      const row = `${prefix}第 ${i + 1} 项`;
      if (!isObject(item)) return void errors.push({ field: `${at}.items[${i}]`, message: `${row}应为一个检查项` });
      if (typeof item.code !== 'string' || !/^[a-z0-9_]{1,40}$/.test(item.code)) errors.push({ field: `${at}.items[${i}].code`, message: `${row}：编号应为 1–40 个小写字母、数字或下划线` });
      else if (seen.has(item.code)) errors.push({ field: `${at}.items[${i}].code`, message: `${row}：编号与第 ${seen.get(item.code)! + 1} 项重复` });
      else seen.set(item.code, i);
      if (typeof item.label !== 'string' || !item.label.trim()) errors.push({ field: `${at}.items[${i}].label`, message: `${row}：请填写检查内容` });
      if (item.critical !== undefined && typeof item.critical !== 'boolean') errors.push({ field: `${at}.items[${i}].critical`, message: `${row}：否决项应为 是 或 否` });
    });
  }
  for (const key of ['maxMinorFailures', 'failCreditPoints'] as const) {
    const v = raw[key];
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100)) errors.push({ field: `${at}.${key}`, message: `${prefix}${key} 应为 0–100 的整数` });
  }
  return errors;
}
