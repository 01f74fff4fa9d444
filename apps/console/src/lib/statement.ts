import type { StatementLineView, StatementView } from '@carecircle/shared';

export interface StatementTotals {
  /** 补供方 lines. */
  supplyFen: number;
  /** 补需方 lines. */
  demandFen: number;
  /** Everything computed from the records, before adjustments. */
  baseFen: number;
  adjustmentsFen: number;
  /** base + adjustments (+ the adjustment being typed, when given). */
  totalFen: number;
}

/** A statement's total from its lines: the records plus every adjustment, plus one not yet saved. */
export function statementTotals(lines: readonly StatementLineView[], pendingAdjustmentFen = 0): StatementTotals {
  let supplyFen = 0;
  let demandFen = 0;
  let adjustmentsFen = 0;
  for (const l of lines) {
    if (l.kind === 'supply_subsidy') supplyFen += l.amountFen;
    else if (l.kind === 'demand_subsidy') demandFen += l.amountFen;
    else adjustmentsFen += l.amountFen;
  }
  adjustmentsFen += pendingAdjustmentFen;
  const baseFen = supplyFen + demandFen;
  return { supplyFen, demandFen, baseFen, adjustmentsFen, totalFen: baseFen + adjustmentsFen };
}

/** The server's total disagrees with its own lines (shown as a warning before approving). */
export function totalMismatch(s: Pick<StatementView, 'lines' | 'totalFen'>): boolean {
  return statementTotals(s.lines).totalFen !== s.totalFen;
}

export function isLocked(s: Pick<StatementView, 'status'>): boolean {
  return s.status === 'approved';
}

/**
 * "-12.5" (yuan, as typed) → -1250 fen. Null for anything that is not an amount with at most two
 * decimals, or is zero (an adjustment of nothing is not an adjustment).
 */
export function yuanToFen(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  const text = String(input).trim().replace(/^¥/, '').replace(/,/g, '');
  const m = /^([+-])?(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (fen === 0 || !Number.isSafeInteger(fen)) return null;
  return m[1] === '-' ? -fen : fen;
}
