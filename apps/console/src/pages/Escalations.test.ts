import { describe, expect, it } from 'vitest';
import { offerSummary, skipReasonCounts } from './Escalations';

describe('skip reasons', () => {
  it('counts why staff were passed over, most common first', () => {
    const s = (staffId: string, reason: string) => ({ staffId, staffName: staffId, reason, qualified: true });
    expect(skipReasonCounts([s('a', '不在岗'), s('b', '接单已满（2/2）'), s('c', '不在岗'), s('d', '已婉拒此单')])).toEqual([
      ['不在岗', 2],
      ['接单已满（2/2）', 1],
      ['已婉拒此单', 1],
    ]);
    expect(skipReasonCounts([])).toEqual([]);
  });
});

describe('offer outcomes of a round', () => {
  it('counts how the offers ended, declines apart from timeouts', () => {
    const o = (staffId: string, status: 'declined' | 'expired' | 'offered', statusLabel: string) => ({ staffId, staffName: staffId, status, statusLabel, offeredAt: '2026-11-27T02:00:00Z', respondedAt: null });
    expect(offerSummary({ offers: [o('a', 'declined', '已婉拒'), o('b', 'expired', '超时未响应'), o('c', 'expired', '超时未响应'), o('d', 'offered', '待响应')] })).toEqual([
      ['declined', '已婉拒', 1],
      ['expired', '超时未响应', 2],
      ['offered', '待响应', 1],
    ]);
    expect(offerSummary({ offers: [] })).toEqual([]);
  });
});
