import { priceBreakdown, subsidyStanding, type SubsidyRule } from './price-breakdown.js';

const rule: SubsidyRule = { category: 'dibao', service: 'cleaning', kind: 'fixed', amountFen: 2000, monthlyCapFen: 10_000 };

describe('where a subsidy category stands', () => {
  it('counts only a verified category, through its last valid day', () => {
    expect(subsidyStanding('verified', null, '2026-12-08')).toBe('verified');
    expect(subsidyStanding('verified', '2026-12-08', '2026-12-08')).toBe('verified');
    expect(subsidyStanding('verified', '2026-12-07', '2026-12-08')).toBe('expired');
    expect(subsidyStanding('unverified', null, '2026-12-08')).toBe('unverified');
    expect(subsidyStanding('rejected', '2027-12-31', '2026-12-08')).toBe('rejected');
  });

  it('tells the family which of waiting, not accepted or run out keeps the subsidy away', () => {
    expect(priceBreakdown(6000, rule, 0, 'verified')).toEqual({ priceFen: 6000, subsidyFen: 2000, payFen: 4000, subsidyNote: '政府补贴' });
    expect(priceBreakdown(6000, rule, 0, 'unverified').subsidyNote).toContain('待街道核验');
    expect(priceBreakdown(6000, rule, 0, 'rejected').subsidyNote).toContain('核验未通过');
    expect(priceBreakdown(6000, rule, 0, 'expired').subsidyNote).toContain('已过有效期');
    for (const standing of ['unverified', 'rejected', 'expired'] as const) expect(priceBreakdown(6000, rule, 0, standing)).toMatchObject({ subsidyFen: 0, payFen: 6000 });
  });
});
