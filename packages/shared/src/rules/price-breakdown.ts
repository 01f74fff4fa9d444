import type { SubsidyCategory, SubsidyVerification } from '../enums/elder.js';

/** One row of a region's subsidy table (rules as data, versioned per region). */
export interface SubsidyRule {
  category: SubsidyCategory;
  /** A service code, `meal`, or `*` for every service. */
  service: string;
  kind: 'fixed' | 'percent';
  amountFen?: number;
  percent?: number;
  /** The most one elder may receive in a calendar month (Asia/Shanghai) under this category. */
  monthlyCapFen: number;
  /** Meals: whether the delivery fee is part of what the subsidy may cover. */
  includesDeliveryFee?: boolean;
  /** Only for elders whose current ability grade is one of these (e.g. 护理补贴 for 中度失能 and above). */
  grades?: string[];
}

export interface SubsidyTable {
  currency: 'fen';
  rules: SubsidyRule[];
}

export interface PriceBreakdown {
  priceFen: number;
  subsidyFen: number;
  payFen: number;
  /** Why the subsidy is what it is, in words a family understands. */
  subsidyNote: string;
}

export function findSubsidyRule(table: SubsidyTable | null, category: SubsidyCategory, service: string, grade: string | null = null): SubsidyRule | null {
  if (!table) return null;
  const applies = (r: SubsidyRule) => r.category === category && (!r.grades || (grade !== null && r.grades.includes(grade)));
  return table.rules.find((r) => applies(r) && r.service === service) ?? table.rules.find((r) => applies(r) && r.service === '*') ?? null;
}

/** Where an elder's subsidy category stands today: only `verified` gets a subsidy. */
export type SubsidyStanding = 'verified' | 'unverified' | 'rejected' | 'expired';

/** Verified by the 街道 and not run out (validUntil is the last day it counts, YYYY-MM-DD in Asia/Shanghai). */
export function subsidyStanding(verification: SubsidyVerification, validUntil: string | null | undefined, today: string): SubsidyStanding {
  if (verification === 'rejected') return 'rejected';
  if (verification !== 'verified') return 'unverified';
  return validUntil && validUntil < today ? 'expired' : 'verified';
}

/** Why there is no subsidy, for each standing but `verified`: what happened and what the family can do. */
export const SUBSIDY_STANDING_NOTES: Record<Exclude<SubsidyStanding, 'verified'>, string> = {
  unverified: '补贴类别待街道核验，核验通过后享受补贴',
  rejected: '补贴类别核验未通过，暂不享受补贴；可在老人资料页查看原因并重新申报',
  expired: '补贴资格已过有效期，请重新申报，街道核验通过后恢复补贴',
};

/**
 * Price minus subsidy: the rule's amount (fixed, or a percentage rounded down to the fen),
 * never more than the price and never more than what is left of the month's cap.
 */
export function priceBreakdown(priceFen: number, rule: SubsidyRule | null, usedThisMonthFen: number, standing: SubsidyStanding): PriceBreakdown {
  if (!rule) return { priceFen, subsidyFen: 0, payFen: priceFen, subsidyNote: '无政府补贴' };
  if (standing !== 'verified') return { priceFen, subsidyFen: 0, payFen: priceFen, subsidyNote: SUBSIDY_STANDING_NOTES[standing] };
  const wanted = rule.kind === 'fixed' ? rule.amountFen ?? 0 : Math.floor((priceFen * (rule.percent ?? 0)) / 100);
  const left = Math.max(0, rule.monthlyCapFen - usedThisMonthFen);
  const subsidyFen = Math.max(0, Math.min(wanted, priceFen, left));
  const note = left === 0 ? '本月补贴额度已用完' : subsidyFen < Math.min(wanted, priceFen) ? '本月补贴额度剩余不足，按剩余额度补贴' : '政府补贴';
  return { priceFen, subsidyFen, payFen: priceFen - subsidyFen, subsidyNote: note };
}

export interface CancellationPolicy {
  /** Fee once a staff member has accepted. */
  afterAcceptFeeFen: number;
  /** Share of the price once the staff member is on the way or there. */
  afterDeparturePercent: number;
}

export const DEFAULT_CANCELLATION_POLICY: CancellationPolicy = { afterAcceptFeeFen: 0, afterDeparturePercent: 20 };

/** Free until someone accepts; after that the provider's policy says what it costs. */
export function cancellationFee(status: string, payFen: number, policy: CancellationPolicy): number {
  if (status === 'accepted') return Math.min(payFen, policy.afterAcceptFeeFen);
  if (status === 'en_route' || status === 'in_service') return Math.min(payFen, Math.floor((payFen * policy.afterDeparturePercent) / 100));
  return 0;
}
