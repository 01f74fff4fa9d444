import type { StatementLineView } from '@carecircle/shared';
import { describe, expect, it } from 'vitest';
import { isLocked, statementTotals, totalMismatch, yuanToFen } from './statement';

const lines: StatementLineView[] = [
  { kind: 'supply_subsidy', label: '普惠托位运营补贴（补供方）', fundingSource: 'city', count: 12, amountFen: 96_000 },
  { kind: 'supply_subsidy', label: '普惠托位运营补贴（补供方）', fundingSource: 'county', count: 12, amountFen: 144_000 },
  { kind: 'demand_subsidy', label: '居家上门服务补贴（补需方）', fundingSource: 'district', count: 7, amountFen: 35_050 },
  { kind: 'adjustment', label: '调整：服务时长不足，核减', fundingSource: '—', count: 1, amountFen: -5_000 },
  { kind: 'adjustment', label: '调整：补录 10 月 30 日助浴', fundingSource: '—', count: 1, amountFen: 2_550 },
];

describe('statement totals with adjustments', () => {
  it('adds the records and every adjustment', () => {
    expect(statementTotals(lines)).toEqual({ supplyFen: 240_000, demandFen: 35_050, baseFen: 275_050, adjustmentsFen: -2_450, totalFen: 272_600 });
  });

  it('previews an adjustment being typed before it is saved', () => {
    expect(statementTotals(lines, -12_345).totalFen).toBe(260_255);
    expect(statementTotals(lines, -12_345).adjustmentsFen).toBe(-14_795);
    expect(statementTotals([], 100).totalFen).toBe(100);
  });

  it('flags a server total that disagrees with its own lines', () => {
    expect(totalMismatch({ lines, totalFen: 272_600 })).toBe(false);
    expect(totalMismatch({ lines, totalFen: 275_050 })).toBe(true); // adjustments left out
  });

  it('is locked once approved', () => {
    expect(isLocked({ status: 'approved' })).toBe(true);
    expect(isLocked({ status: 'draft' })).toBe(false);
  });
});

describe('yuanToFen', () => {
  it('reads amounts as typed, with sign and up to two decimals', () => {
    expect(yuanToFen('-50')).toBe(-5_000);
    expect(yuanToFen('120.5')).toBe(12_050);
    expect(yuanToFen('+0.01')).toBe(1);
    expect(yuanToFen(' ¥1,234.56 ')).toBe(123_456);
    expect(yuanToFen(-7.2)).toBe(-720);
  });

  it('refuses what is not an amount, or is nothing', () => {
    for (const bad of ['', 'abc', '1.234', '--5', '5-', '0', '0.00', null, undefined]) expect(yuanToFen(bad)).toBeNull();
  });
});
