import { SUBSIDY_CATEGORIES, SUBSIDY_CATEGORY_LABELS, SubsidyCategory } from '../enums/elder.js';
import { SERVICE_CODES, SERVICE_LABELS } from '../enums/service.js';
import type { FieldError } from '../errors/error-codes.js';
import { SUBSIDY_STANDING_NOTES, type PriceBreakdown, type SubsidyStanding } from './price-breakdown.js';

/**
 * 基本养老服务清单 (region policy `basic_service_list`): per verified subsidy category, which
 * services the elder is entitled to, how much a month, and what the family still pays per use.
 * Where a region has a list in force it is the only source of demand-side subsidies at checkout
 * (the older `subsidy` table is not read there), so what the elder's page shows and what checkout
 * takes off can never disagree.
 */
export const BASIC_SERVICE_LIST_POLICY = 'basic_service_list';

export type EntitlementUnit = 'times' | 'minutes' | 'fen';
export const ENTITLEMENT_UNIT_LABELS: Record<EntitlementUnit, string> = { times: '次', minutes: '分钟', fen: '元' };

export interface BasicServiceItem {
  /** A service code, or `meal` for 助餐. */
  service: string;
  /** How much a month: uses, minutes of service, or subsidy in fen. */
  entitlement: { unit: EntitlementUnit; perMonth: number };
  /** What the family pays per use within the entitlement: a share of the price, or a fixed amount. */
  copay: { percent: number } | { fen: number };
  /** 助餐: whether the delivery fee is covered like the meal. */
  includesDeliveryFee?: boolean;
}

export interface BasicServiceCategory {
  category: SubsidyCategory;
  items: BasicServiceItem[];
}

export interface BasicServiceList {
  categories: BasicServiceCategory[];
}

export const BASIC_SERVICE_CODES: readonly string[] = ['meal', ...SERVICE_CODES];

export function basicServiceLabel(service: string): string {
  return service === 'meal' ? '老年助餐' : (SERVICE_LABELS as Record<string, string>)[service] ?? service;
}

export function copayText(copay: BasicServiceItem['copay']): string {
  if ('percent' in copay) return copay.percent === 0 ? '免费' : `自付 ${copay.percent}%`;
  return copay.fen === 0 ? '免费' : `每次自付 ¥${(copay.fen / 100).toFixed(2)}`;
}

export function entitlementText(e: BasicServiceItem['entitlement']): string {
  if (e.unit === 'fen') return `每月补贴 ¥${(e.perMonth / 100).toFixed(2)}`;
  return `每月 ${e.perMonth} ${ENTITLEMENT_UNIT_LABELS[e.unit]}`;
}

/** The item of the list that covers this category and service, or null. */
export function findBasicService(list: BasicServiceList | null, category: SubsidyCategory, service: string): BasicServiceItem | null {
  return list?.categories?.find((c) => c.category === category)?.items.find((i) => i.service === service) ?? null;
}

export interface EntitlementUse {
  /** Fen of subsidy already received this month under the item. */
  fen: number;
  /** Uses (times) or minutes already consumed this month under the item. */
  units: number;
}

export interface EntitlementBreakdown extends PriceBreakdown {
  /** Units this use consumes (1 for times, the minutes for minutes, 0 for a fen entitlement). */
  units: number;
}

/**
 * Price minus subsidy under a list item: within the entitlement the family pays the co-pay; a
 * minutes entitlement with fewer minutes left than the service takes covers that share of it;
 * nothing left, nothing off.
 */
export function entitlementBreakdown(priceFen: number, item: BasicServiceItem | null, used: EntitlementUse, standing: SubsidyStanding, minutes = 0): EntitlementBreakdown {
  const none = (note: string): EntitlementBreakdown => ({ priceFen, subsidyFen: 0, payFen: priceFen, subsidyNote: note, units: 0 });
  if (!item) return none('不在本类别的基本养老服务清单内，无政府补贴');
  if (standing !== 'verified') return none(SUBSIDY_STANDING_NOTES[standing]);
  const copay = 'percent' in item.copay ? Math.ceil((priceFen * item.copay.percent) / 100) : Math.min(priceFen, item.copay.fen);
  let wanted = Math.max(0, priceFen - copay);
  const { unit, perMonth } = item.entitlement;
  let units = 0;
  let note = '基本养老服务清单补贴';
  if (unit === 'times') {
    if (used.units >= perMonth) return none(`本月 ${perMonth} 次已用完`);
    units = 1;
  } else if (unit === 'minutes') {
    const left = perMonth - used.units;
    if (left <= 0 || minutes <= 0) return none(left <= 0 ? `本月 ${perMonth} 分钟已用完` : '无政府补贴');
    units = Math.min(minutes, left);
    if (units < minutes) {
      wanted = Math.floor((wanted * units) / minutes);
      note = `本月剩余 ${left} 分钟，按剩余时长补贴`;
    }
  } else {
    const left = perMonth - used.fen;
    if (left <= 0) return none('本月补贴额度已用完');
    if (left < wanted) {
      wanted = left;
      note = '本月补贴额度剩余不足，按剩余额度补贴';
    }
  }
  const subsidyFen = Math.max(0, Math.min(wanted, priceFen));
  return { priceFen, subsidyFen, payFen: priceFen - subsidyFen, subsidyNote: note, units };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIntIn = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

const UNIT_LIMITS: Record<EntitlementUnit, [number, string]> = {
  times: [62, '每月次数应为 1–62 的整数'],
  minutes: [44_640, '每月分钟数应为 1–44640 的整数'],
  fen: [100_000_000, '每月补贴额应为大于 0 的整数（分）'],
};

/** Validation of the `basic_service_list` policy before it is published. */
export function basicServiceListErrors(rules: Record<string, unknown>): FieldError[] {
  const list = rules.categories;
  if (!Array.isArray(list) || list.length === 0) return [{ field: 'rules.categories', message: '请按补贴类别填写服务清单（至少一个类别）' }];
  const errors: FieldError[] = [];
  const seenCategory = new Map<string, number>();
  list.forEach((raw, i) => {
    const at = `rules.categories[${i}]`;
    if (!isObject(raw)) return void errors.push({ field: at, message: `第 ${i + 1} 个类别应为一个对象` });
    const cat = raw.category;
    const validCat = SUBSIDY_CATEGORIES.includes(cat as SubsidyCategory) && cat !== SubsidyCategory.NONE;
    const name = validCat ? SUBSIDY_CATEGORY_LABELS[cat as SubsidyCategory] : `第 ${i + 1} 个类别`;
    if (!validCat) errors.push({ field: `${at}.category`, message: `第 ${i + 1} 个类别：请选择补贴类别（${SUBSIDY_CATEGORIES.filter((c) => c !== 'none').join('、')}）` });
    else if (seenCategory.has(cat as string)) errors.push({ field: `${at}.category`, message: `${name}：与第 ${seenCategory.get(cat as string)! + 1} 个类别重复` });
    else seenCategory.set(cat as string, i);
    if (!Array.isArray(raw.items) || raw.items.length === 0) return void errors.push({ field: `${at}.items`, message: `${name}：至少列出一项服务` });
    const seenService = new Map<string, number>();
    raw.items.forEach((item, j) => {
      const it = `${at}.items[${j}]`;
      const row = `${name}第 ${j + 1} 项`;
      if (!isObject(item)) return void errors.push({ field: it, message: `${row}应为一项服务` });
      const fail = (field: string, message: string) => errors.push({ field: `${it}.${field}`, message: `${row}：${message}` });
      if (typeof item.service !== 'string' || !BASIC_SERVICE_CODES.includes(item.service)) fail('service', `请选择服务项目（meal 或服务代码：${SERVICE_CODES.join('、')}）`);
      else if (seenService.has(item.service)) fail('service', `与第 ${seenService.get(item.service)! + 1} 项的服务相同`);
      else seenService.set(item.service, j);
      const e = item.entitlement;
      if (!isObject(e) || !(e.unit === 'times' || e.unit === 'minutes' || e.unit === 'fen')) fail('entitlement.unit', '每月额度的单位只能是 times（次）、minutes（分钟）或 fen（分）');
      else if (!isIntIn(e.perMonth, 1, UNIT_LIMITS[e.unit][0])) fail('entitlement.perMonth', UNIT_LIMITS[e.unit][1]);
      else if (e.unit === 'minutes' && item.service === 'meal') fail('entitlement.unit', '助餐不按分钟计，请用 times 或 fen');
      const c = item.copay;
      if (!isObject(c) || ('percent' in c) === ('fen' in c)) fail('copay', '自付应为 { "percent": 0–100 } 或 { "fen": 金额（分） } 之一');
      else if ('percent' in c && !isIntIn(c.percent, 0, 99)) fail('copay.percent', '自付比例应为 0–99 的整数（100 即没有补贴）');
      else if ('fen' in c && !isIntIn(c.fen, 0, 100_000_000)) fail('copay.fen', '每次自付金额应为不小于 0 的整数（分）');
      if (item.includesDeliveryFee !== undefined && typeof item.includesDeliveryFee !== 'boolean') fail('includesDeliveryFee', '含配送费应为 是 或 否');
    });
  });
  return errors;
}
