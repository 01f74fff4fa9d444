import type { RegionPolicyView } from '@carecircle/shared';
import { describe, expect, it } from 'vitest';
import { currentRules, parseRules, policyStates } from './policies';

const p = (id: string, kind: string, version: number, effectiveFrom: string, rules: unknown = { v: version }): RegionPolicyView => ({ id, regionId: 'r', kind, version, effectiveFrom, rules });

describe('policy versions', () => {
  const list = [
    p('s1', 'subsidy', 1, '2026-01-01T00:00:00+08:00'),
    p('s2', 'subsidy', 2, '2026-06-01T00:00:00+08:00'),
    p('s3', 'subsidy', 3, '2027-01-01T00:00:00+08:00'),
    p('k1', 'kpi_targets', 1, '2026-01-01T00:00:00+08:00'),
  ];
  const now = new Date('2026-11-27T12:00:00+08:00');

  it('marks the version in force, the scheduled one and the superseded ones, per kind', () => {
    const s = policyStates(list, now);
    expect(s.get('s1')).toBe('superseded');
    expect(s.get('s2')).toBe('current');
    expect(s.get('s3')).toBe('scheduled');
    expect(s.get('k1')).toBe('current');
  });

  it('on the same effective date the higher version wins', () => {
    const s = policyStates([p('a', 'x', 1, '2026-01-01T00:00:00Z'), p('b', 'x', 2, '2026-01-01T00:00:00Z')], now);
    expect(s.get('b')).toBe('current');
    expect(s.get('a')).toBe('superseded');
  });

  it('starts a new version from the rules in force', () => {
    expect(currentRules(list, 'subsidy', now)).toEqual({ v: 2 });
    // only a scheduled version: start from the latest
    expect(currentRules([p('z', 'y', 1, '2030-01-01T00:00:00Z', { a: 1 })], 'y', now)).toEqual({ a: 1 });
    expect(currentRules(list, 'nothing', now)).toBeUndefined();
  });
});

describe('parseRules', () => {
  it('accepts a JSON object only', () => {
    expect(parseRules('{"visit_rate": 1}')).toEqual({ rules: { visit_rate: 1 } });
    expect(parseRules('')).toEqual({ error: '请填写规则内容（JSON 对象）' });
    expect('error' in parseRules('[1, 2]')).toBe(true);
    expect('error' in parseRules('42')).toBe(true);
    expect('error' in parseRules('null')).toBe(true);
    const bad = parseRules('{"a": ');
    expect('error' in bad && bad.error.startsWith('JSON 格式错误')).toBe(true);
  });
});
