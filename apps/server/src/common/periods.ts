import { ErrorCode, lastEndedMonth, shanghaiMonth } from '@carecircle/shared';
import { DomainError } from './errors/domain-error.js';

/** Settling pays out for a month: only a month that has ended (Asia/Shanghai) can be settled. */
export function requireEndedMonth(month: string, now: Date, what: string): void {
  const latest = lastEndedMonth(now);
  if (month > latest) {
    throw new DomainError(ErrorCode.PERIOD_NOT_OVER, `${month} 尚未结束，不能${what}；目前最晚可${what}的月份是 ${latest}`, { month, latestMonth: latest });
  }
}

/** Figures and reports cover months that have begun; a future month has nothing to count. */
export function requireStartedMonth(month: string, now: Date): void {
  const current = shanghaiMonth(now);
  if (month > current) {
    throw new DomainError(ErrorCode.PERIOD_NOT_OVER, `${month} 还没有开始，没有可统计的数据；请选择 ${current} 或更早的月份`, { month, latestMonth: current });
  }
}
