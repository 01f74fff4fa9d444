import {
  ABILITY_GRADE_LABELS,
  ABILITY_GRADES,
  type FieldError,
  formatFen,
  policyRuleErrors,
  SERVICE_LABELS,
  SUBSIDY_CATEGORIES,
  SUBSIDY_CATEGORY_LABELS,
  SUBSIDY_SERVICE_CODES,
  SubsidyCategory,
  type SubsidyRule,
} from '@carecircle/shared';

/**
 * The region's subsidy table (policy kind `subsidy`, `{ currency: 'fen', rules: SubsidyRule[] }`)
 * as operators edit it: one form row per rule, money in 元, and the shared validator's field paths
 * (`rules.rules[1].percent`) pointed back at the row and column they are about.
 */

export const SUBSIDY_KIND = 'subsidy';

/** The editor's columns; `amount` holds amountFen or percent, depending on the rule's kind. */
export type SubsidyColumn = 'category' | 'service' | 'kind' | 'amount' | 'monthlyCap' | 'includesDeliveryFee' | 'grades';

export interface SubsidyFormRow {
  /** Stable React key; not sent. */
  key: string;
  category?: string;
  service?: string;
  kind?: string;
  /** 元 for a fixed rule (the InputNumber's value). */
  amountYuan?: number | null;
  percent?: number | null;
  monthlyCapYuan?: number | null;
  includesDeliveryFee: boolean;
  /** Empty = every ability grade. */
  grades: string[];
  /** Fields of the rule the editor does not know, written back as they were. */
  extra: Record<string, unknown>;
}

export interface SubsidyTableForm {
  rows: SubsidyFormRow[];
  /** Top-level fields besides `rules` (currency …), written back as they were. */
  extra: Record<string, unknown>;
}

// ---- money ----

/** Integer fen as the number of 元 an InputNumber shows (1250 → 12.5). */
export function fenToYuan(fen: number | null | undefined): number | null {
  return typeof fen === 'number' && Number.isFinite(fen) ? fen / 100 : null;
}

/** 元 as typed (12.5, 19.99) to integer fen, rounded so float noise (19.99 * 100 = 1998.9999…) never leaks. */
export function yuanToFen(yuan: number | null | undefined): number | undefined {
  return typeof yuan === 'number' && Number.isFinite(yuan) ? Math.round(yuan * 100) : undefined;
}

/** More than two decimals (0.001 元) cannot be fen. */
export function hasSubFen(yuan: number | null | undefined): boolean {
  if (typeof yuan !== 'number' || !Number.isFinite(yuan)) return false;
  return Math.abs(yuan * 100 - Math.round(yuan * 100)) > 1e-6;
}

// ---- rows ↔ rules ----

let nextKey = 0;
export function newRowKey(): string {
  nextKey += 1;
  return `rule-${nextKey}`;
}

export function emptyRow(): SubsidyFormRow {
  return { key: newRowKey(), kind: 'fixed', includesDeliveryFee: false, grades: [], extra: {} };
}

export function duplicateRow(row: SubsidyFormRow): SubsidyFormRow {
  return { ...row, key: newRowKey(), grades: [...row.grades], extra: { ...row.extra } };
}

const KNOWN_RULE_KEYS = new Set(['category', 'service', 'kind', 'amountFen', 'percent', 'monthlyCapFen', 'includesDeliveryFee', 'grades']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optional = (v: unknown, type: 'string' | 'number' | 'boolean') => v === undefined || typeof v === type;

/**
 * A stored rule as a form row, or null when it cannot be shown in the table without losing what
 * it says (a number where a code belongs …): such tables stay in the JSON editor.
 */
export function rowFromRule(rule: unknown): SubsidyFormRow | null {
  if (!isObject(rule)) return null;
  const r = rule;
  if (!optional(r.category, 'string') || !optional(r.service, 'string') || !optional(r.kind, 'string')) return null;
  if (!optional(r.amountFen, 'number') || !optional(r.percent, 'number') || !optional(r.monthlyCapFen, 'number') || !optional(r.includesDeliveryFee, 'boolean')) return null;
  if (r.grades !== undefined && (!Array.isArray(r.grades) || r.grades.some((g) => typeof g !== 'string'))) return null;
  const extra = Object.fromEntries(Object.entries(r).filter(([k]) => !KNOWN_RULE_KEYS.has(k)));
  return {
    key: newRowKey(),
    category: r.category as string | undefined,
    service: r.service as string | undefined,
    kind: r.kind as string | undefined,
    amountYuan: fenToYuan(r.amountFen as number | undefined),
    percent: typeof r.percent === 'number' ? r.percent : null,
    monthlyCapYuan: fenToYuan(r.monthlyCapFen as number | undefined),
    includesDeliveryFee: r.includesDeliveryFee === true,
    grades: [...((r.grades as string[] | undefined) ?? [])],
    extra,
  };
}

/** A form row as the rule the server stores: only the fields its kind uses, fen as integers. */
export function ruleFromRow(row: SubsidyFormRow): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row.extra };
  if (row.category !== undefined) out.category = row.category;
  if (row.service !== undefined) out.service = row.service;
  if (row.kind !== undefined) out.kind = row.kind;
  if (row.kind === 'fixed') {
    const fen = yuanToFen(row.amountYuan);
    if (fen !== undefined) out.amountFen = fen;
  } else if (row.kind === 'percent') {
    if (typeof row.percent === 'number') out.percent = row.percent;
  }
  const cap = yuanToFen(row.monthlyCapYuan);
  if (cap !== undefined) out.monthlyCapFen = cap;
  if (row.service === 'meal' && row.includesDeliveryFee) out.includesDeliveryFee = true;
  if (row.grades.length) out.grades = [...row.grades];
  return out;
}

/** The policy's rules as the table form, or null when they are not a subsidy table the form can hold. */
export function tableFromRules(rules: unknown): SubsidyTableForm | null {
  if (rules === undefined || rules === null) return { rows: [], extra: { currency: 'fen' } };
  if (!isObject(rules) || !Array.isArray(rules.rules)) return null;
  const rows = rules.rules.map(rowFromRule);
  if (rows.some((r) => r === null)) return null;
  const extra = Object.fromEntries(Object.entries(rules).filter(([k]) => k !== 'rules'));
  return { rows: rows as SubsidyFormRow[], extra };
}

/** The form as the `rules` object to publish. */
export function rulesFromTable(table: SubsidyTableForm): Record<string, unknown> {
  return { currency: 'fen', ...table.extra, rules: table.rows.map(ruleFromRow) };
}

// ---- errors ----

export interface CellLocation {
  /** 0-based row; null = the table as a whole. */
  row: number | null;
  column: SubsidyColumn | null;
}

const FIELD_COLUMNS: Record<string, SubsidyColumn> = {
  category: 'category',
  service: 'service',
  kind: 'kind',
  amountFen: 'amount',
  percent: 'amount',
  monthlyCapFen: 'monthlyCap',
  includesDeliveryFee: 'includesDeliveryFee',
  grades: 'grades',
};

/**
 * Where a field error belongs: `rules.rules[1].percent` → row 1, column amount; `rules.rules[1]` →
 * the whole row; `rules.rules` / `rules` → the table. Null for fields outside the table (kind, effectiveFrom).
 */
export function locateField(field: string): CellLocation | null {
  const m = /^rules\.rules\[(\d+)\](?:\.([A-Za-z]+))?/.exec(field);
  if (m) return { row: Number(m[1]), column: m[2] ? FIELD_COLUMNS[m[2]] ?? null : null };
  if (field === 'rules' || field === 'rules.rules' || field.startsWith('rules.')) return { row: null, column: null };
  return null;
}

/**
 * The message as shown next to its cell: the row is already where it is shown (「第 2 条：」 goes),
 * and amounts are typed in 元 here, not 分.
 */
export function cellMessage(message: string): string {
  return message.replace(/^第 \d+ 条[：:]\s*/, '').replace(/的整数（分）/, '的金额（元）');
}

export interface CellError extends CellLocation {
  message: string;
}

/**
 * What is wrong with the table before it is sent: the shared validator the server runs
 * (policyRuleErrors), plus amounts finer than a fen, which the conversion would otherwise round away.
 */
export function tableErrors(table: SubsidyTableForm): CellError[] {
  const errors: CellError[] = [];
  table.rows.forEach((row, i) => {
    if (row.kind === 'fixed' && hasSubFen(row.amountYuan)) errors.push({ row: i, column: 'amount', message: '金额最多两位小数（精确到分）' });
    if (hasSubFen(row.monthlyCapYuan)) errors.push({ row: i, column: 'monthlyCap', message: '每月上限最多两位小数（精确到分）' });
  });
  for (const e of fieldErrorsToCells(policyRuleErrors(SUBSIDY_KIND, rulesFromTable(table)))) {
    if (!errors.some((x) => x.row === e.row && x.column === e.column)) errors.push(e);
  }
  return errors;
}

/** Server (or shared-validator) field errors placed on their cells; fields outside the table are left out. */
export function fieldErrorsToCells(fields: readonly FieldError[]): CellError[] {
  const out: CellError[] = [];
  for (const f of fields) {
    const at = locateField(f.field);
    if (at) out.push({ ...at, message: at.row === null ? f.message : cellMessage(f.message) });
  }
  return out;
}

// ---- words ----

export const SUBSIDY_CATEGORY_OPTIONS = SUBSIDY_CATEGORIES.filter((c) => c !== SubsidyCategory.NONE).map((c) => ({ value: c as string, label: SUBSIDY_CATEGORY_LABELS[c] }));

export function serviceLabel(code: string | undefined): string {
  if (code === undefined) return '—';
  if (code === '*') return '全部服务';
  if (code === 'meal') return '助餐';
  return (SERVICE_LABELS as Record<string, string>)[code] ?? code;
}

export const SUBSIDY_SERVICE_OPTIONS = SUBSIDY_SERVICE_CODES.map((c) => ({ value: c, label: serviceLabel(c) }));

export const SUBSIDY_KIND_OPTIONS = [
  { value: 'fixed', label: '固定金额' },
  { value: 'percent', label: '按比例' },
];

export const ABILITY_GRADE_OPTIONS = ABILITY_GRADES.map((g) => ({ value: g as string, label: ABILITY_GRADE_LABELS[g] }));

export function categoryLabel(c: string | undefined): string {
  if (c === undefined) return '—';
  return (SUBSIDY_CATEGORY_LABELS as Record<string, string>)[c] ?? c;
}

export function gradeLabel(g: string): string {
  return (ABILITY_GRADE_LABELS as Record<string, string>)[g] ?? g;
}

/** One stored rule in words, for the read-only table. */
export interface SubsidyRuleWords {
  category: string;
  service: string;
  kind: string;
  amount: string;
  monthlyCap: string;
  includesDeliveryFee: string;
  grades: string;
}

export function ruleInWords(rule: Partial<SubsidyRule>): SubsidyRuleWords {
  const fixed = rule.kind === 'fixed';
  return {
    category: categoryLabel(rule.category),
    service: serviceLabel(rule.service),
    kind: fixed ? '固定金额' : rule.kind === 'percent' ? '按比例' : String(rule.kind ?? '—'),
    amount: fixed ? (typeof rule.amountFen === 'number' ? `每次 ${formatFen(rule.amountFen)}` : '—') : typeof rule.percent === 'number' ? `${rule.percent}%` : '—',
    monthlyCap: typeof rule.monthlyCapFen === 'number' ? formatFen(rule.monthlyCapFen).replace(/^¥/, '') : '—',
    includesDeliveryFee: rule.service === 'meal' ? (rule.includesDeliveryFee ? '是' : '否') : '—',
    grades: rule.grades?.length ? rule.grades.map(gradeLabel).join('、') : '不限',
  };
}

/** An error pinned to a row by its key, so it stays on its row when rows are added, removed or copied. */
export interface KeyedCellError {
  rowKey: string | null;
  column: SubsidyColumn | null;
  message: string;
}

export function keyErrors(rows: readonly SubsidyFormRow[], errors: readonly CellError[]): KeyedCellError[] {
  return errors.map((e) => ({ rowKey: e.row === null ? null : rows[e.row]?.key ?? null, column: e.row !== null && !rows[e.row] ? null : e.column, message: e.message }));
}
