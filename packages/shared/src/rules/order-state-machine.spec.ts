import { canTransition, ORDER_STATUSES, ORDER_TRANSITIONS, transitionsFrom } from './order-state-machine.js';
import { cancellationFee, findSubsidyRule, priceBreakdown, type SubsidyTable } from './price-breakdown.js';
import { shanghaiMonth } from './shanghai-time.js';

describe('order state machine', () => {
  it('lets only the staff accept an offer and only the family rate a finished job', () => {
    expect(canTransition('offered', 'accepted', 'staff')).toBe(true);
    expect(canTransition('offered', 'accepted', 'family')).toBe(false);
    expect(canTransition('completed', 'rated', 'family')).toBe(true);
    expect(canTransition('completed', 'rated', 'staff')).toBe(false);
  });

  it('has no way out of a final state and no way back from completed', () => {
    expect(ORDER_TRANSITIONS.filter((t) => t.from === 'cancelled' || t.from === 'rated')).toEqual([]);
    expect(canTransition('completed', 'cancelled', 'family')).toBe(false);
    expect(canTransition('in_service', 'cancelled', 'family')).toBe(false);
  });

  it('reaches every status from the two ways an order starts (created, or waiting for the elder)', () => {
    const reached = new Set(['created', 'awaiting_elder']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const t of ORDER_TRANSITIONS) if (reached.has(t.from) && !reached.has(t.to)) reached.add(t.to), (changed = true);
    }
    expect([...reached].sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it('gives the family a cancel button until service starts', () => {
    expect(transitionsFrom('accepted', 'family').map((t) => t.action)).toEqual(['取消订单']);
    expect(transitionsFrom('in_service', 'family')).toEqual([]);
  });
});

describe('price breakdown', () => {
  const table: SubsidyTable = {
    currency: 'fen',
    rules: [
      { category: 'dibao', service: '*', kind: 'percent', percent: 80, monthlyCapFen: 40_000 },
      { category: 'dibao', service: 'meal', kind: 'fixed', amountFen: 500, monthlyCapFen: 15_000 },
    ],
  };

  it('prefers a service-specific rule over the catch-all', () => {
    expect(findSubsidyRule(table, 'dibao', 'meal')?.amountFen).toBe(500);
    expect(findSubsidyRule(table, 'dibao', 'cleaning')?.percent).toBe(80);
    expect(findSubsidyRule(table, 'tekun', 'cleaning')).toBeNull();
  });

  it('rounds a percentage down to the fen and never exceeds the price or the cap left', () => {
    const rule = findSubsidyRule(table, 'dibao', 'cleaning');
    expect(priceBreakdown(3333, rule, 0, 'verified')).toMatchObject({ subsidyFen: 2666, payFen: 667 });
    expect(priceBreakdown(15_000, rule, 35_000, 'verified')).toMatchObject({ subsidyFen: 5000, payFen: 10_000, subsidyNote: '本月补贴额度剩余不足，按剩余额度补贴' });
    expect(priceBreakdown(15_000, rule, 40_000, 'verified')).toMatchObject({ subsidyFen: 0, subsidyNote: '本月补贴额度已用完' });
    expect(priceBreakdown(300, findSubsidyRule(table, 'dibao', 'meal'), 0, 'verified')).toMatchObject({ subsidyFen: 300, payFen: 0 });
  });

  it('gives nothing to an unverified category', () => {
    expect(priceBreakdown(8000, findSubsidyRule(table, 'dibao', 'cleaning'), 0, 'unverified')).toMatchObject({ subsidyFen: 0, payFen: 8000 });
  });

  it('counts months in Asia/Shanghai', () => {
    expect(shanghaiMonth(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect(shanghaiMonth(new Date('2026-11-30T15:59:00Z'))).toBe('2026-11');
  });

  it('makes cancellation free before acceptance and charges per policy after', () => {
    const policy = { afterAcceptFeeFen: 500, afterDeparturePercent: 20 };
    expect(cancellationFee('offered', 8000, policy)).toBe(0);
    expect(cancellationFee('accepted', 8000, policy)).toBe(500);
    expect(cancellationFee('en_route', 8000, policy)).toBe(1600);
    expect(cancellationFee('accepted', 300, policy)).toBe(300);
  });
});
