import { ACTIVE_JOB_STATUSES, CERTIFICATE_LABELS, distanceMeters, PRE_JOB_TRAINING_MISSING, SERVICE_LABELS, shanghaiDate, type DispatchCandidateView, type DispatchSkipView, type ServiceCode } from '@carecircle/shared';
import type { EntityManager } from 'typeorm';
import type { ServiceTypeEntity } from '../catalog/entities/service-type.entity.js';
import type { OrderEntity } from '../orders/entities/order.entity.js';
import type { NearbyStaff } from '../providers/staff-positions.service.js';
import { preJobPassedSql } from '../training/pre-job-training.js';

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
  conflicts: string;
  provider_price: number | null;
  is_volunteer: number;
  pre_job_trained: string;
}

export interface SearchResult {
  candidates: DispatchCandidateView[];
  skipped: DispatchSkipView[];
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
  rules: { preJobTrainingRequired: boolean },
): Promise<SearchResult> {
  if (nearby.length === 0) return { candidates: [], skipped: [] };
  const serviceDay = shanghaiDate(order.windowStart ?? now);
  const dayStart = new Date(`${shanghaiDate(now)}T00:00:00+08:00`);
  const windowStart = order.windowStart ?? now;
  const windowEnd = order.windowEnd ?? new Date(now.getTime() + order.durationMinutes * 60_000);
  const active = ACTIVE_JOB_STATUSES.map((s) => `'${s}'`).join(',');
  const rows: CandidateRow[] = await manager.query(
    `SELECT s.id, s.name, s.on_duty, s.skills, s.max_concurrent_jobs, s.rating_x100,
            p.status AS provider_status, p.kind AS provider_kind, p.lat AS provider_lat, p.lng AS provider_lng,
            p.service_radius_m, p.recommended,
            (SELECT COUNT(*) FROM orders o WHERE o.staff_id = s.id AND o.status IN (${active})) AS active_jobs,
            (SELECT COUNT(*) FROM orders o WHERE o.staff_id = s.id AND o.accepted_at >= ?) AS jobs_today,
            (SELECT COUNT(*) FROM staff_certificates c WHERE c.staff_id = s.id AND c.type = ? AND c.expires_on >= ?) AS valid_certs,
            (SELECT f.status FROM offers f WHERE f.order_id = ? AND f.staff_id = s.id ORDER BY f.offered_at DESC LIMIT 1) AS last_offer_status,
            (SELECT COUNT(*) FROM orders o WHERE o.staff_id = s.id AND o.status IN (${active})
               AND o.window_start IS NOT NULL AND o.window_start < ? AND o.window_end > ?) AS conflicts,
            (SELECT pp.price_fen FROM provider_service_prices pp WHERE pp.provider_id = s.provider_id AND pp.service_code = ?) AS provider_price,
            s.is_volunteer, ${preJobPassedSql('s.id')} AS pre_job_trained
       FROM provider_staff s JOIN providers p ON p.id = s.provider_id
      WHERE s.id IN (${nearby.map(() => '?').join(',')})`,
    [dayStart, requiredCertificate(order, service) ?? '', serviceDay, order.id, windowEnd, windowStart, service.code, ...nearby.map((n) => n.staffId)],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const candidates: DispatchCandidateView[] = [];
  const skipped: DispatchSkipView[] = [];
  for (const near of nearby) {
    const row = byId.get(near.staffId);
    if (!row) continue;
    const reason = skipReason(row, order, service, serviceDay, rules);
    if (reason) {
      skipped.push({ staffId: row.id, staffName: row.name, reason, qualified: isQualified(row, order, service, rules) });
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

/** Skill, certificate and pre-job training only: what a manual assignment also requires. */
function isQualified(row: CandidateRow, order: OrderEntity, service: ServiceTypeEntity, rules: { preJobTrainingRequired: boolean }): boolean {
  const skills: string[] = typeof row.skills === 'string' ? JSON.parse(row.skills) : row.skills;
  return skills.includes(service.requiredSkill) && (!requiredCertificate(order, service) || Number(row.valid_certs) > 0) && !lacksPreJobTraining(row, rules);
}

// 时间银行 volunteers (is_volunteer) are exempt: neighbours doing light help for hours, not the 护理人员 the training rule is about.
function lacksPreJobTraining(row: CandidateRow, rules: { preJobTrainingRequired: boolean }): boolean {
  return rules.preJobTrainingRequired && !Number(row.is_volunteer) && !Number(row.pre_job_trained);
}

function skipReason(row: CandidateRow, order: OrderEntity, service: ServiceTypeEntity, serviceDay: string, rules: { preJobTrainingRequired: boolean }): string | null {
  const skills: string[] = typeof row.skills === 'string' ? JSON.parse(row.skills) : row.skills;
  if (!row.on_duty) return '不在岗';
  // Meal deliveries also go to the canteens' own couriers; everything else to home-care providers.
  const kindServes = row.provider_kind === 'home_care' || (service.code === 'meal_delivery' && row.provider_kind === 'canteen');
  if (!kindServes) return '不是居家养老服务机构';
  if (row.provider_status !== 'approved') return '所属机构未通过审核或已暂停';
  if (order.subsidyFen > 0 && !row.recommended) return '政府补贴订单只派给推荐清单内的机构';
  const fromProvider = distanceMeters({ lat: Number(row.provider_lat), lng: Number(row.provider_lng) }, { lat: order.lat, lng: order.lng });
  if (fromProvider > row.service_radius_m) return `服务地址不在所属机构的服务范围内（${Math.round(fromProvider)} 米 > ${row.service_radius_m} 米）`;
  if (!skills.includes(service.requiredSkill)) return `不具备「${SERVICE_LABELS[service.requiredSkill as ServiceCode]}」技能`;
  const certificate = requiredCertificate(order, service);
  if (certificate && Number(row.valid_certs) === 0) {
    return `没有在 ${serviceDay} 有效的「${CERTIFICATE_LABELS[certificate as keyof typeof CERTIFICATE_LABELS] ?? certificate}」`;
  }
  if (lacksPreJobTraining(row, rules)) return PRE_JOB_TRAINING_MISSING;
  if (row.last_offer_status === 'declined') return '已婉拒此单';
  if (row.last_offer_status === 'expired') return '超时未接此单';
  if (row.last_offer_status) return '此前已邀约过此单';
  if (Number(row.active_jobs) >= row.max_concurrent_jobs) return `接单已满（${row.active_jobs}/${row.max_concurrent_jobs}）`;
  if (Number(row.conflicts) > 0) return '该时段已有其他服务';
  if (row.provider_price !== null && row.provider_price > order.priceFen) return '所属机构定价高于订单价格';
  return null;
}

/** The order's own demand (the elder's grade asks for more) wins over the catalog's. */
export function requiredCertificate(order: OrderEntity, service: ServiceTypeEntity): string | null {
  return order.requiredCertificate ?? service.requiredCertificate;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
