import { SUBSIDY_CATEGORIES, SubsidyCategory } from '../enums/elder.js';
import { SERVICE_CODES } from '../enums/service.js';
import type { FieldError } from '../errors/error-codes.js';
import { ABILITY_GRADES } from './assessment.js';
import { inspectionChecklistErrors } from './inspection.js';
import { basicServiceListErrors } from './basic-services.js';
import { childcareGuidanceErrors, childcareSubsidyErrors, childcareWaitlistErrors, gradingCriteriaErrors, serviceRequirementsErrors, timebankErrors, unknownKeyErrors, visitPlanErrors } from './policy-schemas.js';

/**
 * What a region's policy tables must look like before they are published: checkout, dispatch and
 * the statements read them, so a malformed table would break them for everyone. Every kind the code
 * reads is in POLICY_KINDS; any other kind is refused (field `kind`). Field names are paths under
 * `rules` (rules.rules[2].monthlyCapFen); messages name the row as people count (第 3 条).
 */
export function policyRuleErrors(kind: string, rules: Record<string, unknown>): FieldError[] {
  const known = POLICY_KINDS[kind];
  if (!known) return [{ field: 'kind', message: `没有「${kind}」这种政策表。可发布的政策表：${Object.entries(POLICY_KINDS).map(([k, v]) => `${v.label}（${k}）`).join('、')}` }];
  return [...(known.keys ? unknownKeyErrors(rules, known.keys) : []), ...known.check(rules)];
}

type Check = (rules: Record<string, unknown>) => FieldError[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFen = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100_000_000;
const isIntIn = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/** Codes a subsidy rule may name as its service: a service code, 助餐, or every service. */
export const SUBSIDY_SERVICE_CODES: readonly string[] = ['*', 'meal', ...SERVICE_CODES];

function subsidyTable(rules: Record<string, unknown>): FieldError[] {
  const list = rules.rules;
  if (!Array.isArray(list)) return [{ field: 'rules.rules', message: '补贴规则应为一个列表' }];
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  list.forEach((raw, i) => {
    const at = `rules.rules[${i}]`;
    const row = `第 ${i + 1} 条`;
    if (!isObject(raw)) {
      errors.push({ field: at, message: `${row}应为一条规则` });
      return;
    }
    const r = raw;
    const fail = (field: string, message: string) => errors.push({ field: `${at}.${field}`, message: `${row}：${message}` });
    if (!SUBSIDY_CATEGORIES.includes(r.category as SubsidyCategory) || r.category === SubsidyCategory.NONE) fail('category', '请选择补贴类别');
    if (typeof r.service !== 'string' || !SUBSIDY_SERVICE_CODES.includes(r.service)) fail('service', '请选择服务项目（或「全部服务」「助餐」）');
    if (r.kind === 'fixed') {
      if (!isFen(r.amountFen) || r.amountFen === 0) fail('amountFen', '固定补贴金额应为大于 0 的整数（分）');
    } else if (r.kind === 'percent') {
      if (!isIntIn(r.percent, 1, 100)) fail('percent', '补贴比例应为 1–100 的整数');
    } else {
      fail('kind', '补贴方式只能是 固定金额 或 按比例');
    }
    if (!isFen(r.monthlyCapFen)) fail('monthlyCapFen', '每月上限应为不小于 0 的整数（分）');
    if (r.includesDeliveryFee !== undefined && typeof r.includesDeliveryFee !== 'boolean') fail('includesDeliveryFee', '含配送费应为 是 或 否');
    if (r.grades !== undefined && (!Array.isArray(r.grades) || r.grades.length === 0 || r.grades.some((g) => !ABILITY_GRADES.includes(g as never)))) fail('grades', '能力等级应从 能力完好/轻度/中度/重度/完全失能 中选择');
    const key = `${String(r.category)}|${String(r.service)}|${Array.isArray(r.grades) ? [...r.grades].sort().join(',') : ''}`;
    const first = seen.get(key);
    if (first !== undefined) fail('service', `与第 ${first + 1} 条的类别和服务相同，只能保留一条`);
    else seen.set(key, i);
  });
  return errors;
}

function kpiTargets(rules: Record<string, unknown>): FieldError[] {
  return Object.entries(rules)
    .filter(([, v]) => typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    .map(([code]) => ({ field: `rules.${code}`, message: `${code}：目标应为不小于 0 的数（百分比写成小数，如 0.93）` }));
}

function credit(rules: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of ['suspendBelow', 'checkInOverridePoints', 'failCreditPoints']) {
    if (rules[key] !== undefined && !isIntIn(rules[key], 0, 100)) errors.push({ field: `rules.${key}`, message: `${key}：应为 0–100 的整数分` });
  }
  return errors;
}

function operatingSubsidy(rules: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  const perGrade = rules.perElderByGradeFen;
  if (!isObject(perGrade)) errors.push({ field: 'rules.perElderByGradeFen', message: '请按能力等级填写每人每月补贴（分）' });
  else for (const [grade, fen] of Object.entries(perGrade)) {
    if (!ABILITY_GRADES.includes(grade as never)) errors.push({ field: `rules.perElderByGradeFen.${grade}`, message: `没有「${grade}」这个能力等级` });
    else if (!isFen(fen)) errors.push({ field: `rules.perElderByGradeFen.${grade}`, message: '每人每月补贴应为不小于 0 的整数（分）' });
  }
  if (typeof rules.fundingSource !== 'string' || !rules.fundingSource.trim()) errors.push({ field: 'rules.fundingSource', message: '请填写资金来源' });
  if (rules.minServicesPerElder !== undefined && !isIntIn(rules.minServicesPerElder, 1, 100)) errors.push({ field: 'rules.minServicesPerElder', message: '每人最少服务次数应为 1–100 的整数' });
  if (rules.monthlyCapFenPerProvider !== undefined && !isFen(rules.monthlyCapFenPerProvider)) errors.push({ field: 'rules.monthlyCapFenPerProvider', message: '每月上限应为不小于 0 的整数（分）' });
  return errors;
}

function reminderDays(rules: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  if (rules.reminderDays !== undefined && !isIntIn(rules.reminderDays, 1, 365)) errors.push({ field: 'rules.reminderDays', message: '提前提醒天数应为 1–365 的整数' });
  if (rules.validityMonths !== undefined && !isIntIn(rules.validityMonths, 1, 60)) errors.push({ field: 'rules.validityMonths', message: '有效期应为 1–60 个月' });
  return errors;
}

function staffRules(rules: Record<string, unknown>): FieldError[] {
  return rules.preJobTrainingRequired !== undefined && typeof rules.preJobTrainingRequired !== 'boolean' ? [{ field: 'rules.preJobTrainingRequired', message: '是否要求岗前培训应为 是 或 否' }] : [];
}

/** Region policy `elder_rules`: who may be registered as an elder. */
export const ELDER_RULES_POLICY = 'elder_rules';
export interface ElderRules {
  /** 周岁 an elder must have reached; the city's rule without a region policy. */
  minAge?: number;
}
export const DEFAULT_ELDER_MIN_AGE = 60;

function elderRules(rules: Record<string, unknown>): FieldError[] {
  return rules.minAge !== undefined && !isIntIn(rules.minAge, 40, 100) ? [{ field: 'rules.minAge', message: '老人最低年龄应为 40–100 的整数（周岁）' }] : [];
}

function statementChecks(rules: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  const share = rules.shortServiceShare;
  if (share !== undefined && (typeof share !== 'number' || !(share > 0 && share < 1))) errors.push({ field: 'rules.shortServiceShare', message: '时长不足比例应为 0 到 1 之间的小数，如 0.5' });
  if (rules.maxServicesPerPair !== undefined && !isIntIn(rules.maxServicesPerPair, 1, 100)) errors.push({ field: 'rules.maxServicesPerPair', message: '同一人员服务同一老人的月次数上限应为 1–100 的整数' });
  return errors;
}

interface PolicyKind {
  /** What operators call it (console, error messages). */
  label: string;
  check: Check;
  /** The top-level keys the table may have; a key outside them is refused as a likely typo. */
  keys?: readonly string[];
}

/** Every policy kind the code reads: kind → label, validator and allowed keys. One registry for server and console. */
export const POLICY_KINDS: Record<string, PolicyKind> = {
  basic_service_list: { label: '基本养老服务清单', check: basicServiceListErrors, keys: ['categories'] },
  subsidy: { label: '补贴标准表', check: subsidyTable, keys: ['currency', 'rules'] },
  operating_subsidy: { label: '居家服务运营补贴（按能力等级）', check: operatingSubsidy, keys: ['perElderByGradeFen', 'fundingSource', 'minServicesPerElder', 'monthlyCapFenPerProvider'] },
  statement_checks: { label: '结算异常检查', check: statementChecks, keys: ['shortServiceShare', 'maxServicesPerPair'] },
  visit_plan: { label: '探访计划分级', check: visitPlanErrors, keys: ['tiers'] },
  service_requirements: { label: '服务资质要求', check: serviceRequirementsErrors, keys: ['rules'] },
  assessment: { label: '能力评估有效期', check: reminderDays, keys: ['validityMonths', 'reminderDays'] },
  eligibility: { label: '补贴资格核验有效期', check: reminderDays, keys: ['validityMonths', 'reminderDays'] },
  elder_rules: { label: '老人登记规则', check: elderRules, keys: ['minAge'] },
  staff_rules: { label: '服务人员规则（岗前培训）', check: staffRules, keys: ['preJobTrainingRequired'] },
  timebank: { label: '时间银行', check: timebankErrors, keys: ['minutesPerServiceMinute'] },
  kpi_targets: { label: '考核指标目标', check: kpiTargets },
  credit: { label: '信用管理', check: credit, keys: ['suspendBelow', 'checkInOverridePoints', 'failCreditPoints'] },
  grading_criteria: { label: '机构等级评定标准', check: gradingCriteriaErrors, keys: ['items', 'levels'] },
  inspection_checklist: { label: '双随机抽查检查表', check: inspectionChecklistErrors },
  childcare_waitlist: { label: '托育轮候规则', check: childcareWaitlistErrors, keys: ['offerHours', 'rules'] },
  childcare_guidance: { label: '普惠托育指导价', check: childcareGuidanceErrors, keys: ['maxFen'] },
  childcare_subsidy: { label: '普惠托位运营补贴', check: childcareSubsidyErrors, keys: ['perChildMonthlyFen', 'split'] },
};

export const POLICY_KIND_CODES: readonly string[] = Object.keys(POLICY_KINDS);

export function policyKindLabel(kind: string): string {
  return POLICY_KINDS[kind]?.label ?? kind;
}
