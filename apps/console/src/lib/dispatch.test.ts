import type { StaffView } from '@carecircle/shared';
import { describe, expect, it } from 'vitest';
import { qualification, rankSkipped } from './dispatch';

const bathing = { requiredSkill: 'bathing', requiredCertificate: 'elder_care' } as const;
const cleaning = { requiredSkill: 'cleaning', requiredCertificate: null } as const;
const cert = (type: 'elder_care' | 'nursing', expiresOn: string) => ({ type, number: 'x', expiresOn });

describe('who could be assigned', () => {
  it('needs the skill and, for certified work, a certificate valid on the day', () => {
    expect(qualification({ skills: ['bathing'], certificates: [cert('elder_care', '2027-01-01')] }, bathing, '2026-11-27')).toEqual({ qualified: true, missing: [] });
    expect(qualification({ skills: ['bathing'], certificates: [cert('elder_care', '2026-11-26')] }, bathing, '2026-11-27')).toEqual({ qualified: false, missing: ['缺有效的养老护理员证'] });
    expect(qualification({ skills: ['cleaning'], certificates: [cert('nursing', '2030-01-01')] }, bathing, '2026-11-27').missing).toEqual(['缺「助浴」技能', '缺有效的养老护理员证']);
    expect(qualification({ skills: ['cleaning'], certificates: [] }, cleaning, '2026-11-27').qualified).toBe(true);
  });

  it('lists the qualified skipped staff first, unknown ones next, the unqualified last', () => {
    const staff = new Map<string, Pick<StaffView, 'skills' | 'certificates'>>([
      ['a', { skills: ['cleaning'], certificates: [] }],
      ['b', { skills: ['bathing'], certificates: [cert('elder_care', '2027-01-01')] }],
      ['d', { skills: ['bathing'], certificates: [] }],
    ]);
    const skipped = ['a', 'b', 'c', 'd'].map((id) => ({ staffId: id, staffName: id, reason: '不在岗', qualified: true }));
    const ranked = rankSkipped(skipped, staff, bathing, '2026-11-27');
    expect(ranked.map((r) => r.staffId)).toEqual(['b', 'c', 'a', 'd']);
    expect(ranked[1].qualification).toBeNull();
    expect(ranked[3].qualification?.missing).toEqual(['缺有效的养老护理员证']);
  });
});
