import { policyRuleErrors } from '@carecircle/shared';
import { describe, expect, it } from 'vitest';
import {
  cellMessage,
  duplicateRow,
  emptyRow,
  fenToYuan,
  fieldErrorsToCells,
  hasSubFen,
  locateField,
  ruleFromRow,
  ruleInWords,
  rulesFromTable,
  tableErrors,
  tableFromRules,
  yuanToFen,
} from './subsidyTable';

const DEMO = {
  currency: 'fen',
  rules: [
    { category: 'tekun', service: 'meal', kind: 'fixed', amountFen: 1_000, monthlyCapFen: 30_000, includesDeliveryFee: true },
    { category: 'low_income', service: 'meal', kind: 'fixed', amountFen: 300, monthlyCapFen: 9_000 },
    { category: 'dibao', service: '*', kind: 'percent', percent: 80, monthlyCapFen: 40_000 },
    { category: 'tekun', service: 'rehab', kind: 'percent', percent: 100, monthlyCapFen: 60_000, grades: ['severe', 'total'] },
  ],
};

describe('fen ↔ 元', () => {
  it('converts without float noise', () => {
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(0.29)).toBe(29);
    expect(yuanToFen(1.1)).toBe(110);
    expect(yuanToFen(300)).toBe(30_000);
    expect(yuanToFen(null)).toBeUndefined();
    expect(fenToYuan(1250)).toBe(12.5);
    expect(fenToYuan(undefined)).toBeNull();
    for (let fen = 0; fen <= 100_000; fen += 7) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });

  it('knows an amount finer than a fen', () => {
    expect(hasSubFen(12.345)).toBe(true);
    expect(hasSubFen(19.99)).toBe(false);
    expect(hasSubFen(0.1 + 0.2)).toBe(false);
  });
});

describe('rules ↔ rows', () => {
  it('round-trips the demo table exactly', () => {
    const table = tableFromRules(DEMO)!;
    expect(table.rows).toHaveLength(4);
    expect(table.rows[0]).toMatchObject({ category: 'tekun', service: 'meal', kind: 'fixed', amountYuan: 10, monthlyCapYuan: 300, includesDeliveryFee: true, grades: [] });
    expect(table.rows[2]).toMatchObject({ kind: 'percent', percent: 80, monthlyCapYuan: 400 });
    expect(rulesFromTable(table)).toEqual(DEMO);
  });

  it('keeps fields it does not know, and writes only what the rule’s kind uses', () => {
    const table = tableFromRules({ currency: 'fen', note: '2027 版', rules: [{ category: 'dibao', service: 'cleaning', kind: 'fixed', amountFen: 500, percent: 30, monthlyCapFen: 1000, source: '苏民发〔2027〕1 号' }] })!;
    const out = rulesFromTable(table);
    expect(out.note).toBe('2027 版');
    expect(out.rules).toEqual([{ category: 'dibao', service: 'cleaning', kind: 'fixed', amountFen: 500, monthlyCapFen: 1000, source: '苏民发〔2027〕1 号' }]);
    table.rows[0].kind = 'percent';
    expect(ruleFromRow(table.rows[0])).toEqual({ category: 'dibao', service: 'cleaning', kind: 'percent', percent: 30, monthlyCapFen: 1000, source: '苏民发〔2027〕1 号' });
  });

  it('drops 含配送费 for anything but meals and an empty grade list', () => {
    const row = { ...emptyRow(), category: 'dibao', service: 'bathing', kind: 'fixed', amountYuan: 20, monthlyCapYuan: 100, includesDeliveryFee: true, grades: [] };
    expect(ruleFromRow(row)).toEqual({ category: 'dibao', service: 'bathing', kind: 'fixed', amountFen: 2000, monthlyCapFen: 10_000 });
    expect(ruleFromRow({ ...row, service: 'meal' }).includesDeliveryFee).toBe(true);
  });

  it('refuses tables the form cannot hold, and starts an absent table empty', () => {
    expect(tableFromRules({ currency: 'fen' })).toBeNull();
    expect(tableFromRules({ rules: [{ category: 3 }] })).toBeNull();
    expect(tableFromRules({ rules: ['x'] })).toBeNull();
    expect(tableFromRules([])).toBeNull();
    expect(tableFromRules(undefined)).toEqual({ rows: [], extra: { currency: 'fen' } });
  });

  it('duplicates a row with its own key and arrays', () => {
    const row = tableFromRules(DEMO)!.rows[3];
    const copy = duplicateRow(row);
    expect(copy.key).not.toBe(row.key);
    copy.grades.push('moderate');
    expect(row.grades).toEqual(['severe', 'total']);
  });
});

describe('errors → cells', () => {
  it('locates field paths', () => {
    expect(locateField('rules.rules[1].percent')).toEqual({ row: 1, column: 'amount' });
    expect(locateField('rules.rules[12].amountFen')).toEqual({ row: 12, column: 'amount' });
    expect(locateField('rules.rules[0].monthlyCapFen')).toEqual({ row: 0, column: 'monthlyCap' });
    expect(locateField('rules.rules[3]')).toEqual({ row: 3, column: null });
    expect(locateField('rules.rules')).toEqual({ row: null, column: null });
    expect(locateField('effectiveFrom')).toBeNull();
    expect(locateField('kind')).toBeNull();
  });

  it('words the message for its cell', () => {
    expect(cellMessage('第 2 条：补贴比例应为 1–100 的整数')).toBe('补贴比例应为 1–100 的整数');
    expect(cellMessage('第 1 条：固定补贴金额应为大于 0 的整数（分）')).toBe('固定补贴金额应为大于 0 的金额（元）');
    expect(fieldErrorsToCells([{ field: 'rules.rules', message: '补贴规则应为一个列表' }, { field: 'effectiveFrom', message: 'x' }])).toEqual([{ row: null, column: null, message: '补贴规则应为一个列表' }]);
  });

  it('finds what the shared validator finds, on the right cells', () => {
    const table = tableFromRules(DEMO)!;
    expect(tableErrors(table)).toEqual([]);
    table.rows[2].percent = 0;
    table.rows[1].amountYuan = 12.345;
    table.rows.push({ ...emptyRow(), category: 'tekun', service: 'meal', amountYuan: 5, monthlyCapYuan: 10 });
    const errors = tableErrors(table);
    expect(errors).toEqual([
      { row: 1, column: 'amount', message: '金额最多两位小数（精确到分）' },
      { row: 2, column: 'amount', message: '补贴比例应为 1–100 的整数' },
      { row: 4, column: 'service', message: '与第 1 条的类别和服务相同，只能保留一条' },
    ]);
    // The same function the server runs sees the same rows.
    expect(policyRuleErrors('subsidy', rulesFromTable(table)).map((e) => e.field)).toEqual(['rules.rules[2].percent', 'rules.rules[4].service']);
  });

  it('flags an empty new row on each cell that needs a value', () => {
    const errors = tableErrors({ rows: [emptyRow()], extra: {} });
    expect(errors.map((e) => e.column)).toEqual(['category', 'service', 'amount', 'monthlyCap']);
  });
});

describe('words', () => {
  it('reads a rule as an operator would', () => {
    expect(ruleInWords(DEMO.rules[0] as never)).toEqual({ category: '特困供养', service: '助餐', kind: '固定金额', amount: '每次 ¥10.00', monthlyCap: '300.00', includesDeliveryFee: '是', grades: '不限' });
    expect(ruleInWords(DEMO.rules[3] as never)).toMatchObject({ service: '康复护理', kind: '按比例', amount: '100%', includesDeliveryFee: '—', grades: '重度失能、完全失能' });
  });
});
