import { CARE_TYPES, type CareType } from '../enums/childcare.js';
import { LIVING_SITUATIONS, SUBSIDY_CATEGORIES, type LivingSituation, type SubsidyCategory } from '../enums/elder.js';
import { CERTIFICATE_TYPES, SERVICE_CODES, type CertificateType, type ServiceCode } from '../enums/service.js';
import type { FieldError } from '../errors/error-codes.js';
import { ABILITY_GRADES } from './assessment.js';

/** Validators of the policy kinds that were free-form until every kind got a schema (see POLICY_KINDS). */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFen = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100_000_000;
const isIntIn = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const isText = (v: unknown, max = 40): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;
const gradesOk = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((g) => ABILITY_GRADES.includes(g as never));
const GRADE_HINT = '能力等级应从 intact、mild、moderate、severe、total 中选择';

/** `childcare_waitlist`: { offerHours, rules: [{ fact, label, points }] } — the facts a family may declare. */
export function childcareWaitlistErrors(rules: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  if (rules.offerHours !== undefined && !isIntIn(rules.offerHours, 1, 336)) errors.push({ field: 'rules.offerHours', message: '保留托位时长应为 1–336 的整数（小时）' });
  if (!Array.isArray(rules.rules)) return [...errors, { field: 'rules.rules', message: '优先规则应为一个列表（每条：fact、label、points）' }];
  const seen = new Map<string, number>();
  rules.rules.forEach((r, i) => {
    const at = `rules.rules[${i}]`;
    const row = `第 ${i + 1} 条`;
    if (!isObject(r)) return void errors.push({ field: at, message: `${row}应为一条规则` });
    if (typeof r.fact !== 'string' || !/^[a-z][a-z0-9_]{1,39}$/.test(r.fact)) errors.push({ field: `${at}.fact`, message: `${row}：事实代码应为小写英文、数字和下划线，如 multi_child` });
    else if (seen.has(r.fact)) errors.push({ field: `${at}.fact`, message: `${row}：与第 ${seen.get(r.fact)! + 1} 条的事实相同` });
    else seen.set(r.fact, i);
    if (!isText(r.label)) errors.push({ field: `${at}.label`, message: `${row}：请填写给家长看的名称，如 多孩家庭` });
    if (!isIntIn(r.points, 1, 999)) errors.push({ field: `${at}.points`, message: `${row}：加分应为 1–999 的整数` });
  });
  return errors;
}

/** `childcare_guidance`: { maxFen: { full_day: 180000, … } } — 普惠 guidance prices per care type. */
export function childcareGuidanceErrors(rules: Record<string, unknown>): FieldError[] {
  if (!isObject(rules.maxFen)) return [{ field: 'rules.maxFen', message: '请按托育类型填写普惠指导价上限（分），如 { "full_day": 180000 }' }];
  const errors: FieldError[] = [];
  for (const [type, fen] of Object.entries(rules.maxFen)) {
    if (!CARE_TYPES.includes(type as CareType)) errors.push({ field: `rules.maxFen.${type}`, message: `没有「${type}」这种托育类型（可用 ${CARE_TYPES.join('、')}）` });
    else if (!isFen(fen) || fen === 0) errors.push({ field: `rules.maxFen.${type}`, message: '指导价上限应为大于 0 的整数（分）' });
  }
  return errors;
}

/** `childcare_subsidy`: { perChildMonthlyFen, split: [{ source, share }] } with shares adding up to 1. */
export function childcareSubsidyErrors(rules: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  if (!isFen(rules.perChildMonthlyFen) || rules.perChildMonthlyFen === 0) errors.push({ field: 'rules.perChildMonthlyFen', message: '每名普惠托位幼儿每月补贴应为大于 0 的整数（分）' });
  if (!Array.isArray(rules.split) || rules.split.length === 0) return [...errors, { field: 'rules.split', message: '请填写资金分担（如 市 0.4、区 0.6）' }];
  let total = 0;
  rules.split.forEach((s, i) => {
    const at = `rules.split[${i}]`;
    if (!isObject(s)) return void errors.push({ field: at, message: `第 ${i + 1} 项分担应为 { source, share }` });
    if (!isText(s.source)) errors.push({ field: `${at}.source`, message: `第 ${i + 1} 项：请填写资金来源` });
    if (typeof s.share !== 'number' || !(s.share > 0 && s.share <= 1)) errors.push({ field: `${at}.share`, message: `第 ${i + 1} 项：分担比例应为 0 到 1 之间的小数` });
    else total += s.share;
  });
  if (errors.length === 0 && Math.abs(total - 1) > 1e-6) errors.push({ field: 'rules.split', message: `各项分担比例之和应为 1（现为 ${Math.round(total * 1000) / 1000}）` });
  return errors;
}

/** `visit_plan`: { tiers: [{ reason, livingSituations? | categories? | grades? | minAge?, frequency }] }. */
export function visitPlanErrors(rules: Record<string, unknown>): FieldError[] {
  if (!Array.isArray(rules.tiers) || rules.tiers.length === 0) return [{ field: 'rules.tiers', message: '请至少填写一档探访要求' }];
  const errors: FieldError[] = [];
  rules.tiers.forEach((t, i) => {
    const at = `rules.tiers[${i}]`;
    const row = `第 ${i + 1} 档`;
    if (!isObject(t)) return void errors.push({ field: at, message: `${row}应为一档要求` });
    if (!isText(t.reason)) errors.push({ field: `${at}.reason`, message: `${row}：请填写原因（如 独居）` });
    if (t.frequency !== 'monthly' && t.frequency !== 'weekly') errors.push({ field: `${at}.frequency`, message: `${row}：频次只能是 monthly（每月）或 weekly（每周）` });
    if (t.livingSituations !== undefined && (!Array.isArray(t.livingSituations) || !t.livingSituations.every((s) => LIVING_SITUATIONS.includes(s as LivingSituation)))) errors.push({ field: `${at}.livingSituations`, message: `${row}：居住情况应从 ${LIVING_SITUATIONS.join('、')} 中选择` });
    if (t.categories !== undefined && (!Array.isArray(t.categories) || !t.categories.every((c) => SUBSIDY_CATEGORIES.includes(c as SubsidyCategory)))) errors.push({ field: `${at}.categories`, message: `${row}：补贴类别应从 ${SUBSIDY_CATEGORIES.join('、')} 中选择` });
    if (t.grades !== undefined && !gradesOk(t.grades)) errors.push({ field: `${at}.grades`, message: `${row}：${GRADE_HINT}` });
    if (t.minAge !== undefined && !isIntIn(t.minAge, 40, 120)) errors.push({ field: `${at}.minAge`, message: `${row}：年龄应为 40–120 的整数` });
    if ([t.livingSituations, t.categories, t.grades, t.minAge].every((v) => v === undefined)) errors.push({ field: at, message: `${row}：请至少填写一个条件（居住情况、补贴类别、能力等级或年龄）` });
  });
  return errors;
}

/** `service_requirements`: { rules: [{ service, grades?, allowedGrades?, certificate? }] }. */
export function serviceRequirementsErrors(rules: Record<string, unknown>): FieldError[] {
  if (!Array.isArray(rules.rules)) return [{ field: 'rules.rules', message: '服务资质要求应为一个列表' }];
  const errors: FieldError[] = [];
  rules.rules.forEach((r, i) => {
    const at = `rules.rules[${i}]`;
    const row = `第 ${i + 1} 条`;
    if (!isObject(r)) return void errors.push({ field: at, message: `${row}应为一条要求` });
    if (!SERVICE_CODES.includes(r.service as ServiceCode)) errors.push({ field: `${at}.service`, message: `${row}：请选择服务项目（${SERVICE_CODES.join('、')}）` });
    if (r.grades !== undefined && !gradesOk(r.grades)) errors.push({ field: `${at}.grades`, message: `${row}：${GRADE_HINT}` });
    if (r.allowedGrades !== undefined && !gradesOk(r.allowedGrades)) errors.push({ field: `${at}.allowedGrades`, message: `${row}：${GRADE_HINT}` });
    if (r.certificate !== undefined && !CERTIFICATE_TYPES.includes(r.certificate as CertificateType)) errors.push({ field: `${at}.certificate`, message: `${row}：证书类型应从 ${CERTIFICATE_TYPES.join('、')} 中选择` });
    if (r.certificate !== undefined && r.grades === undefined) errors.push({ field: `${at}.grades`, message: `${row}：要求证书时请填写适用的能力等级` });
    if (r.certificate === undefined && r.allowedGrades === undefined) errors.push({ field: at, message: `${row}：请填写 certificate（所需证书）或 allowedGrades（可预约的等级）` });
  });
  return errors;
}

/** `grading_criteria`: { items: [{ code, label, maxPoints }], levels: [{ level, minScore }] }. */
export function gradingCriteriaErrors(rules: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  if (!Array.isArray(rules.items) || rules.items.length === 0) errors.push({ field: 'rules.items', message: '请至少填写一个评分项' });
  else {
    const seen = new Set<string>();
    rules.items.forEach((it, i) => {
      const at = `rules.items[${i}]`;
      if (!isObject(it)) return void errors.push({ field: at, message: `第 ${i + 1} 个评分项应为 { code, label, maxPoints }` });
      if (typeof it.code !== 'string' || !/^[a-z0-9_]{1,40}$/.test(it.code) || seen.has(it.code)) errors.push({ field: `${at}.code`, message: `第 ${i + 1} 个评分项：编号应为不重复的小写字母、数字或下划线` });
      else seen.add(it.code);
      if (!isText(it.label)) errors.push({ field: `${at}.label`, message: `第 ${i + 1} 个评分项：请填写名称` });
      if (typeof it.maxPoints !== 'number' || !(it.maxPoints > 0 && it.maxPoints <= 100)) errors.push({ field: `${at}.maxPoints`, message: `第 ${i + 1} 个评分项：满分应为 0–100 之间的正数` });
    });
  }
  if (!Array.isArray(rules.levels) || rules.levels.length === 0) errors.push({ field: 'rules.levels', message: '请至少填写一个等级及其最低分' });
  else rules.levels.forEach((l, i) => {
    const at = `rules.levels[${i}]`;
    if (!isObject(l)) return void errors.push({ field: at, message: `第 ${i + 1} 个等级应为 { level, minScore }` });
    if (!isText(l.level, 20)) errors.push({ field: `${at}.level`, message: `第 ${i + 1} 个等级：请填写等级名称（如 五星）` });
    if (typeof l.minScore !== 'number' || !(l.minScore >= 0 && l.minScore <= 1000)) errors.push({ field: `${at}.minScore`, message: `第 ${i + 1} 个等级：最低分应为不小于 0 的数` });
  });
  return errors;
}

/** `timebank`: { minutesPerServiceMinute } — time-bank minutes earned per minute of service. */
export function timebankErrors(rules: Record<string, unknown>): FieldError[] {
  const v = rules.minutesPerServiceMinute;
  return v !== undefined && (typeof v !== 'number' || !(v > 0 && v <= 10)) ? [{ field: 'rules.minutesPerServiceMinute', message: '每服务 1 分钟存入的时间应为 0–10 之间的正数' }] : [];
}

/** Keys a kind's table may hold: anything else is a typo an operator should hear about. */
export function unknownKeyErrors(rules: Record<string, unknown>, allowed: readonly string[]): FieldError[] {
  return Object.keys(rules).filter((k) => !allowed.includes(k)).map((k) => ({ field: `rules.${k}`, message: `这类政策表没有「${k}」这一项（可填：${allowed.join('、')}）` }));
}
