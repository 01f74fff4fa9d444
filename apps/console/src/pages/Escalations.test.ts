import { describe, expect, it } from 'vitest';
import { skipReasonCounts } from './Escalations';

describe('skip reasons', () => {
  it('counts why staff were passed over, most common first', () => {
    const s = (staffId: string, reason: string) => ({ staffId, staffName: staffId, reason, qualified: true });
    expect(skipReasonCounts([s('a', '不在岗'), s('b', '接单已满（2/2）'), s('c', '不在岗'), s('d', '已拒绝或超时未接此单')])).toEqual([
      ['不在岗', 2],
      ['接单已满（2/2）', 1],
      ['已拒绝或超时未接此单', 1],
    ]);
    expect(skipReasonCounts([])).toEqual([]);
  });
});
