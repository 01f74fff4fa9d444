import type { ProviderQualificationRow, TrainingAttendeeView } from '@carecircle/shared';
import { describe, expect, it } from 'vitest';
import { attendanceChanges, canRecordPasses, markOf, rateStatus, shortfall, targetsOf, worstFirst } from './qualification';

function row(name: string, careStaff: number, certified: number, staff: number, preJobTrained: number): ProviderQualificationRow {
  const rate = (n: number, d: number) => (d ? Math.round((n / d) * 10_000) / 10_000 : null);
  return {
    providerId: name, providerName: name, providerKind: 'home_care', regionId: 'r',
    careStaff, certified, certifiedRate: rate(certified, careStaff), staff, preJobTrained, preJobTrainedRate: rate(preJobTrained, staff),
  };
}

const attendee = (staffId: string, passed: boolean | null): TrainingAttendeeView => ({ staffId, staffName: staffId, providerId: 'p', providerName: '机构', passed });

describe('qualification figures', () => {
  it('uses the region’s targets and the city’s 93% / 100% where the region set none', () => {
    expect(targetsOf(undefined)).toEqual({ certifiedRate: 0.93, preJobTrainedRate: 1 });
    expect(targetsOf({ targets: { certifiedRate: 0.9, preJobTrainedRate: null } })).toEqual({ certifiedRate: 0.9, preJobTrainedRate: 1 });
  });

  it('judges a rate against its target, exactly at target counting as met', () => {
    expect(rateStatus(0.93, 0.93)).toBe('met');
    expect(rateStatus(0.9299, 0.93)).toBe('below');
    expect(rateStatus(1, 1)).toBe('met');
    expect(rateStatus(null, 0.93)).toBe('none');
  });

  it('says how many more staff a provider needs to reach the target', () => {
    expect(shortfall(2, 4, 0.93)).toBe(2); // 4 × 0.93 = 3.72 → 4 certified needed
    expect(shortfall(93, 100, 0.93)).toBe(0);
    expect(shortfall(92, 100, 0.93)).toBe(1);
    expect(shortfall(3, 4, 1)).toBe(1);
    expect(shortfall(0, 0, 1)).toBe(0);
  });

  it('lists the providers furthest below target first', () => {
    const sorted = worstFirst([row('达标', 10, 10, 10, 10), row('差很多', 10, 5, 10, 6), row('差一点', 10, 9, 10, 10)], { certifiedRate: 0.93, preJobTrainedRate: 1 });
    expect(sorted.map((r) => r.providerName)).toEqual(['差很多', '差一点', '达标']);
  });
});

describe('attendance marking', () => {
  it('sends only what changed, and never "absent" for someone already recorded', () => {
    const attendees = [attendee('a', null), attendee('b', false), attendee('c', true), attendee('d', null)];
    expect(markOf(attendees[0])).toBe('absent');
    expect(markOf(attendees[1])).toBe('failed');
    expect(attendanceChanges(attendees, { a: 'passed', b: 'passed', c: 'passed', d: 'absent' })).toEqual([
      { staffId: 'a', passed: true },
      { staffId: 'b', passed: true },
    ]);
    expect(attendanceChanges(attendees, { a: 'failed', c: 'absent' })).toEqual([{ staffId: 'a', passed: false }]);
    expect(attendanceChanges(attendees, {})).toEqual([]);
  });

  it('allows recording results only once the training has been held', () => {
    expect(canRecordPasses('2026-11-27', '2026-11-27')).toBe(true);
    expect(canRecordPasses('2026-11-28', '2026-11-27')).toBe(false);
  });
});

describe('escalated orders: who could be assigned by hand', () => {
  it('counts staff skipped for a missing 岗前培训 as not assignable, the server’s reason being the only one who knows', async () => {
    const { rankSkipped } = await import('./dispatch');
    const staff = new Map([
      ['trained', { skills: ['cleaning' as const], certificates: [] }],
      ['novice', { skills: ['cleaning' as const], certificates: [] }],
    ]);
    const skipped = [
      { staffId: 'novice', staffName: '新员工', reason: '未完成岗前培训', qualified: false },
      { staffId: 'trained', staffName: '老员工', reason: '不在岗', qualified: true },
    ];
    const ranked = rankSkipped(skipped, staff, { requiredSkill: 'cleaning', requiredCertificate: null }, '2026-11-27');
    expect(ranked.map((r) => r.staffId)).toEqual(['trained', 'novice']);
    expect(ranked[1].qualification).toEqual({ qualified: false, missing: ['未完成岗前培训'] });
  });
});
