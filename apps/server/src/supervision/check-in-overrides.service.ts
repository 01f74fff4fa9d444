import { ErrorCode, type CheckInOverrideView } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RegionsService } from '../regions/regions.service.js';
import { AuditService } from '../regulation/audit.service.js';
import { CreditService } from '../regulation/credit.service.js';
import { iso } from './json.js';
import { SupervisionAccess } from './supervision-access.service.js';

const DEFAULT_OVERRIDE_POINTS = 5;

interface OverrideRow {
  order_id: string;
  region_id: string;
  provider_id: string;
  provider_name: string;
  staff_id: string;
  staff_name: string;
  check_in_distance_m: number;
  override_reason: string | null;
  check_in_at: Date;
  justified: number | null;
  note: string | null;
  credit_points: number | null;
  reviewer: string | null;
  reviewed_at: Date | null;
}

/**
 * Check-ins outside the geofence are accepted with the staff member's reason and flagged on the
 * service record (service_records.flagged). The operator reviews each one; "无正当理由" takes the
 * region's `credit` policy `checkInOverridePoints` (default 5) off the staff member and the provider.
 */
@Injectable()
export class CheckInOverridesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: SupervisionAccess,
    private readonly regions: RegionsService,
    private readonly credit: CreditService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, status: 'unreviewed' | 'reviewed' | 'all' = 'unreviewed', providerId?: string): Promise<CheckInOverrideView[]> {
    if (providerId) await this.access.requireOperatorProvider(principal, providerId);
    const regions = await this.access.operatorRegionIds(principal);
    if (regions.length === 0) return [];
    const where = [`o.region_id IN (${regions.map(() => '?').join(',')})`, 'r.flagged = 1'];
    const args: string[] = [...regions];
    if (status === 'unreviewed') where.push('v.order_id IS NULL');
    if (status === 'reviewed') where.push('v.order_id IS NOT NULL');
    if (providerId) where.push('o.provider_id = ?'), args.push(providerId);
    const rows: OverrideRow[] = await this.dataSource.query(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY r.check_in_at DESC LIMIT 500`, args);
    return rows.map(toView);
  }

  async review(principal: Principal, orderId: string, justified: boolean, note: string): Promise<CheckInOverrideView> {
    const row = await this.requireOverride(principal, orderId);
    if (row.justified !== null) throw new DomainError(ErrorCode.CONFLICT, '该超范围签到已审核');
    const now = this.clock.now();
    const policy = await this.regions.policyInForce(row.region_id, 'credit', now);
    const points = justified ? 0 : (policy?.rules as { checkInOverridePoints?: number } | undefined)?.checkInOverridePoints ?? DEFAULT_OVERRIDE_POINTS;
    await this.dataSource.transaction(async (m) => {
      const r = await m.query('INSERT IGNORE INTO check_in_override_reviews (order_id, justified, note, credit_points, reviewed_by, reviewed_at) VALUES (?, ?, ?, ?, ?, ?)', [
        orderId, justified ? 1 : 0, note, points, principal.userId, now,
      ]);
      if (r.affectedRows !== 1) throw new DomainError(ErrorCode.CONFLICT, '该超范围签到已审核');
      if (points > 0) {
        const reason = `超范围签到无正当理由（${row.check_in_distance_m} 米）：${note.slice(0, 60)}`;
        await this.credit.deduct(m, 'staff', row.staff_id, points, reason, orderId, row.region_id);
        await this.credit.deduct(m, 'provider', row.provider_id, points, reason, orderId, row.region_id);
      }
      await this.audit.record(principal.userId, justified ? 'override_justified' : 'override_unjustified', 'order', orderId, m);
    });
    return toView((await this.dataSource.query(`${SELECT} WHERE o.id = ?`, [orderId]))[0]);
  }

  private async requireOverride(principal: Principal, orderId: string): Promise<OverrideRow> {
    const [row]: OverrideRow[] = await this.dataSource.query(`${SELECT} WHERE o.id = ? AND r.flagged = 1`, [orderId]);
    if (!row || !(await this.access.operatorRegionIds(principal)).includes(row.region_id)) throw new DomainError(ErrorCode.ORDER_NOT_FOUND, '未找到该超范围签到记录');
    return row;
  }
}

const SELECT = `SELECT o.id AS order_id, o.region_id, o.provider_id, p.name AS provider_name, r.staff_id, s.name AS staff_name, r.check_in_distance_m, r.override_reason, r.check_in_at,
       v.justified, v.note, v.credit_points, u.nickname AS reviewer, v.reviewed_at
  FROM service_records r JOIN orders o ON o.id = r.order_id JOIN providers p ON p.id = o.provider_id JOIN provider_staff s ON s.id = r.staff_id
  LEFT JOIN check_in_override_reviews v ON v.order_id = o.id LEFT JOIN users u ON u.id = v.reviewed_by`;

function toView(r: OverrideRow): CheckInOverrideView {
  return {
    orderId: r.order_id, providerId: r.provider_id, providerName: r.provider_name, staffId: r.staff_id, staffName: r.staff_name,
    distanceMeters: r.check_in_distance_m, reason: r.override_reason ?? '', checkedInAt: iso(r.check_in_at)!,
    review: r.justified === null ? null : { justified: !!r.justified, note: r.note ?? '', creditPoints: r.credit_points ?? 0, reviewedByName: r.reviewer ?? '', reviewedAt: iso(r.reviewed_at)! },
  };
}
