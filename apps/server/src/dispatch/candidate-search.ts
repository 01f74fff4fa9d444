import { ACTIVE_JOB_STATUSES, CERTIFICATE_LABELS, distanceMeters, PRE_JOB_TRAINING_MISSING, SERVICE_LABELS, shanghaiClock, shanghaiDate, type DispatchCandidateView, type DispatchSkipView, type ServiceCode } from '@carecircle/shared';
import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ServiceTypeEntity } from '../catalog/entities/service-type.entity.js';
import type { OrderEntity } from '../orders/entities/order.entity.js';
import type { NearbyStaff } from '../providers/staff-positions.service.js';
import { creditScoreSql } from '../regulation/credit.service.js';
import { preJobPassedSql } from '../training/pre-job-training.js';

const logger = new Logger('CandidateSearch');

/** How much each factor weighs in the ranking (rules as data; change here, not in the code below). */
export const RANKING_WEIGHTS = { distance: 0.4, rating: 0.25, load: 0.2, fairness: 0.15 } as const;

interface CandidateRow {
  id: string;
  name: string;
  on_duty: number;
  skills: string | string[];
  max_concurrent_jobs: number;
  rating_x100: number;
  provider_status: string;
  provider_kind: string;
  provider_lat: string;
  provider_lng: string;
  service_radius_m: number;
  recommended: number;
  active_jobs: string;
  jobs_today: string;
  valid_certs: string;
  last_offer_status: string | null;
  clash: string | ClashRow | null;
  provider_price: number | null;
  is_volunteer: number;
  pre_job_trained: string;
  credit: string;
}

interface ClashRow {
  id: string;
  service: ServiceCode;
  start: string;
  end: string;
}

/** The rules a staff member must meet to be given an order at all, by dispatch or by an operator's hand. */
export interface EligibilityRules {
  preJobTrainingRequired: boolean;
  /** The region's `credit.suspendBelow`: staff whose credit is below it get no work. */
  creditSuspendBelow: number;
}

export interface SearchResult {
  candidates: DispatchCandidateView[];
  skipped: DispatchSkipView[];
}

/** One query for what both dispatch and manual assignment check, per staff member. */
async function candidateRows(manager: EntityManager, order: OrderEntity, service: ServiceTypeEntity, staffIds: string[], now: Date): Promise<CandidateRow[]> {
  const serviceDay = shanghaiDate(order.windowStart ?? now);
  const dayStart = new Date(`${shanghaiDate(now)}T00:00:00+08:00`);
  const windowStart = order.windowStart ?? now;
  const windowEnd = order.windowEnd ?? new Date(now.getTime() + order.durationMinutes * 60_000);
  const active = ACTIVE_JOB_STATUSES.map((s) => `'${s}'`).join(',');
  return manager.query(
    `SELECT s.id, s.name, s.on_duty, s.skills, s.max_concurrent_jobs, s.rating_x100,
            p.status AS provider_status, p.kind AS provider_kind, p.lat AS provider_lat, p.lng AS provider_lng,
            p.service_radius_m, p.recommended,
            (SELECT COUNT(*) FROM orders o WHERE o.staff_id = s.id AND o.status IN (${active})) AS active_jobs,
            (SELECT COUNT(*) FROM orders o WHERE o.staff_id = s.id AND o.accepted_at >= ?) AS jobs_today,
            (SELECT COUNT(*) FROM staff_certificates c WHERE c.staff_id = s.id AND c.type = ? AND c.expires_on >= ?) AS valid_certs,
            (SELECT f.status FROM offers f WHERE f.order_id = ? AND f.staff_id = s.id ORDER BY f.offered_at DESC LIMIT 1) AS last_offer_status,
            (SELECT JSON_OBJECT('id', o.id, 'service', o.service_code, 'start', o.window_start, 'end', o.window_end) FROM orders o
              WHERE o.staff_id = s.id AND o.id <> ? AND o.status IN (${active})
                AND o.window_start IS NOT NULL AND o.window_start < ? AND o.window_end > ? ORDER BY o.window_start LIMIT 1) AS clash,
            (SELECT pp.price_fen FROM provider_service_prices pp WHERE pp.provider_id = s.provider_id AND pp.service_code = ?) AS provider_price,
            s.is_volunteer, ${preJobPassedSql('s.id')} AS pre_job_trained, ${creditScoreSql('staff', 's.id')} AS credit
       FROM provider_staff s JOIN providers p ON p.id = s.provider_id
      WHERE s.id IN (${staffIds.map(() => '?').join(',')})`,
    [dayStart, requiredCertificate(order, service) ?? '', serviceDay, order.id, order.id, windowEnd, windowStart, service.code, ...staffIds],
  );
}

/**
 * Filters the staff a GEO search found, in SQL, and ranks who is left. Every staff member
 * found is either a candidate with a score or skipped with the reason, so an operator can
 * see why an order went to whom.
 */
export async function searchCandidates(
  manager: EntityManager,
  order: OrderEntity,
  service: ServiceTypeEntity,
  nearby: NearbyStaff[],
  radiusM: number,
  now: Date,
  rules: EligibilityRules,
): Promise<SearchResult> {
  if (nearby.length === 0) return { candidates: [], skipped: [] };
  const serviceDay = shanghaiDate(order.windowStart ?? now);
  const rows = await candidateRows(manager, order, service, nearby.map((n) => n.staffId), now);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const candidates: DispatchCandidateView[] = [];
  const skipped: DispatchSkipView[] = [];
  for (const near of nearby) {
    const row = byId.get(near.staffId);
    if (!row) continue;
    const barred = ineligibility(row, order, service, serviceDay, rules);
    const reason = barred ?? unavailability(row, order);
    if (reason) {
      skipped.push({ staffId: row.id, staffName: row.name, reason, qualified: barred === null });
      if (row.clash) logger.log({ msg: 'staff skipped: overlapping scheduled job', orderId: order.id, staffId: row.id, clashOrderId: clashOf(row)!.id });
      continue;
    }
    const load = Number(row.active_jobs) / row.max_concurrent_jobs;
    const components = {
      distance: round(1 - near.distanceM / radiusM),
      rating: round(row.rating_x100 / 500),
      load: round(1 - load),
      fairness: round(1 / (1 + Number(row.jobs_today))),
    };
    const score =
      RANKING_WEIGHTS.distance * components.distance +
      RANKING_WEIGHTS.rating * components.rating +
      RANKING_WEIGHTS.load * components.load +
      RANKING_WEIGHTS.fairness * components.fairness;
    candidates.push({ staffId: row.id, staffName: row.name, distanceMeters: near.distanceM, score: round(score), components });
  }
  candidates.sort((a, b) => b.score - a.score || a.distanceMeters - b.distanceMeters);
  return { candidates, skipped };
}

/**
 * Why this staff member may not be given this order at all, or null. The operator's manual
 * assignment asks this same question, so the two paths cannot drift apart.
 */
export async function eligibilityProblem(manager: EntityManager, order: OrderEntity, service: ServiceTypeEntity, staffId: string, now: Date, rules: EligibilityRules): Promise<{ reason: string; clash: boolean } | null> {
  const [row] = await candidateRows(manager, order, service, [staffId], now);
  if (!row) return null;
  const reason = ineligibility(row, order, service, shanghaiDate(order.windowStart ?? now), rules);
  return reason ? { reason, clash: !!row.clash && reason === clashReason(clashOf(row)!) } : null;
}

// 时间银行 volunteers (is_volunteer) are exempt: neighbours doing light help for hours, not the 护理人员 the training rule is about.
function lacksPreJobTraining(row: CandidateRow, rules: EligibilityRules): boolean {
  return rules.preJobTrainingRequired && !Number(row.is_volunteer) && !Number(row.pre_job_trained);
}

/** Hard rules: the organisation, qualification, training, credit and the staff member's schedule. */
function ineligibility(row: CandidateRow, order: OrderEntity, service: ServiceTypeEntity, serviceDay: string, rules: EligibilityRules): string | null {
  const skills: string[] = typeof row.skills === 'string' ? JSON.parse(row.skills) : row.skills;
  // Meal deliveries also go to the canteens' own couriers; everything else to home-care providers.
  const kindServes = row.provider_kind === 'home_care' || (service.code === 'meal_delivery' && row.provider_kind === 'canteen');
  if (!kindServes) return '不是居家养老服务机构';
  if (row.provider_status !== 'approved') return '所属机构未通过审核或已暂停';
  if (order.subsidyFen > 0 && !row.recommended) return '政府补贴订单只派给推荐清单内的机构';
  if (!skills.includes(service.requiredSkill)) return `不具备「${SERVICE_LABELS[service.requiredSkill as ServiceCode]}」技能`;
  const certificate = requiredCertificate(order, service);
  if (certificate && Number(row.valid_certs) === 0) {
    return `没有在 ${serviceDay} 有效的「${CERTIFICATE_LABELS[certificate as keyof typeof CERTIFICATE_LABELS] ?? certificate}」`;
  }
  if (lacksPreJobTraining(row, rules)) return PRE_JOB_TRAINING_MISSING;
  if (Number(row.credit) < rules.creditSuspendBelow) return `信用分 ${Number(row.credit)} 低于本地区 ${rules.creditSuspendBelow} 分的派单门槛`;
  const clash = clashOf(row);
  if (clash) return clashReason(clash);
  return null;
}

/** Dispatch's own filters: who is on duty, in range, not already asked, not full, not dearer. */
function unavailability(row: CandidateRow, order: OrderEntity): string | null {
  if (!row.on_duty) return '不在岗';
  const fromProvider = distanceMeters({ lat: Number(row.provider_lat), lng: Number(row.provider_lng) }, { lat: order.lat, lng: order.lng });
  if (fromProvider > row.service_radius_m) return `服务地址不在所属机构的服务范围内（${Math.round(fromProvider)} 米 > ${row.service_radius_m} 米）`;
  if (row.last_offer_status === 'declined') return '已婉拒此单';
  if (row.last_offer_status === 'expired') return '超时未接此单';
  if (row.last_offer_status) return '此前已邀约过此单';
  if (Number(row.active_jobs) >= row.max_concurrent_jobs) return `接单已满（${row.active_jobs}/${row.max_concurrent_jobs}）`;
  if (row.provider_price !== null && row.provider_price > order.priceFen) return '所属机构定价高于订单价格';
  return null;
}

function clashOf(row: CandidateRow): ClashRow | null {
  if (!row.clash) return null;
  return typeof row.clash === 'string' ? (JSON.parse(row.clash) as ClashRow) : row.clash;
}

/** Names the clashing job: its service, Shanghai date and time window, and the start of its order number. */
function clashReason(c: ClashRow): string {
  const utc = (v: string) => new Date(`${v.replace(' ', 'T')}Z`);
  const start = utc(c.start);
  const end = utc(c.end);
  return `该时段已有其他服务：订单 ${c.id.slice(0, 8)}（${SERVICE_LABELS[c.service] ?? c.service}，${shanghaiDate(start)} ${shanghaiClock(start)}–${shanghaiClock(end)}）`;
}

/** The order's own demand (the elder's grade asks for more) wins over the catalog's. */
export function requiredCertificate(order: OrderEntity, service: ServiceTypeEntity): string | null {
  return order.requiredCertificate ?? service.requiredCertificate;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
