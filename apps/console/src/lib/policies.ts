import { POLICY_KINDS, type RegionPolicyView } from '@carecircle/shared';

/** The kinds the server accepts, with their labels: one registry in packages/shared (POLICY_KINDS). */
export const POLICY_KIND_LABELS: Record<string, string> = Object.fromEntries(Object.entries(POLICY_KINDS).map(([kind, k]) => [kind, k.label]));

export function isKnownPolicyKind(kind: string): boolean {
  return kind in POLICY_KINDS;
}

export function policyKindLabel(kind: string): string {
  return POLICY_KIND_LABELS[kind] ?? kind;
}

export type PolicyState = 'current' | 'scheduled' | 'superseded';

/**
 * Per kind, the version in force at `now` is the latest effectiveFrom not after now (ties: the
 * higher version); later ones are scheduled, earlier ones superseded.
 */
export function policyStates(list: readonly RegionPolicyView[], now: Date = new Date()): Map<string, PolicyState> {
  const out = new Map<string, PolicyState>();
  const byKind = new Map<string, RegionPolicyView[]>();
  for (const p of list) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p]);
  for (const versions of byKind.values()) {
    const t = now.getTime();
    const inForce = versions
      .filter((p) => Date.parse(p.effectiveFrom) <= t)
      .sort((a, b) => Date.parse(b.effectiveFrom) - Date.parse(a.effectiveFrom) || b.version - a.version)[0];
    for (const p of versions) {
      if (p === inForce) out.set(p.id, 'current');
      else if (Date.parse(p.effectiveFrom) > t) out.set(p.id, 'scheduled');
      else out.set(p.id, 'superseded');
    }
  }
  return out;
}

/** The rules of the version in force for `kind`, to start a new version from. */
export function currentRules(list: readonly RegionPolicyView[], kind: string, now: Date = new Date()): unknown {
  const states = policyStates(list.filter((p) => p.kind === kind), now);
  return list.find((p) => p.kind === kind && states.get(p.id) === 'current')?.rules ?? list.filter((p) => p.kind === kind).sort((a, b) => b.version - a.version)[0]?.rules;
}

/** Parses the editor's text: a JSON object, or the reason it is not one. */
export function parseRules(text: string): { rules: Record<string, unknown> } | { error: string } {
  if (!text.trim()) return { error: '请填写规则内容（JSON 对象）' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { error: `JSON 格式错误：${(err as Error).message}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: '规则内容应为 JSON 对象（以 { 开头），不能是数组或单个值' };
  return { rules: value as Record<string, unknown> };
}

export const POLICY_KIND_PATTERN = /^[a-z][a-z_]{1,39}$/;
