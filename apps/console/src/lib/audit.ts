import type { AuditEntity, AuditQuery } from '@carecircle/shared';

/** The audit filters live in the address (?entity=elder&from=…), so a filtered log can be linked and reloaded. */
export function auditQueryFrom(params: URLSearchParams): AuditQuery {
  const pick = (key: keyof AuditQuery) => params.get(key)?.trim() || undefined;
  return { entityId: pick('entityId'), entity: pick('entity') as AuditEntity | undefined, action: pick('action'), userName: pick('userName'), from: pick('from'), to: pick('to') };
}

export function auditParamsFrom(query: AuditQuery): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([key, v]) => key !== 'beforeId' && typeof v === 'string' && v.trim() !== '')) as Record<string, string>;
}

/** Actions offered in the filter: a code or a prefix the server matches with LIKE 'x%'. */
export const AUDIT_ACTION_FILTERS: { value: string; label: string }[] = [
  { value: 'view', label: '查看老人档案' },
  { value: 'eligibility_', label: '补贴资格核验' },
  { value: 'statement_', label: '结算单调整/审批' },
  { value: 'complaint_', label: '投诉处理' },
  { value: 'provider_', label: '机构状态变更' },
  { value: 'order_', label: '人工指派/重新派单' },
  { value: 'assessment_', label: '能力评估' },
  { value: 'policy_', label: '发布政策' },
];
