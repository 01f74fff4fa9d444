import { ageInYears, shanghaiDate, type SubsidyCategory, type WorklistEntryView, type WorklistsView } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { RegionsService } from '../regions/regions.service.js';
import { calendarDay } from '../common/typeorm.js';
import { monthRange } from './month-range.js';
import { OperatorScope } from './operator-scope.service.js';

interface ElderRow {
  id: string;
  name: string;
  birth_date: string | Date;
  community: string | null;
  subsidy_category: SubsidyCategory;
  valid_until: string | Date | null;
  last_served: Date | string | null;
}

/** Who still needs something this month: 应服尽服, 应评尽评, assessments running out. */
@Injectable()
export class WorklistsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: OperatorScope,
    private readonly regions: RegionsService,
    private readonly clock: Clock,
  ) {}

  async lists(principal: Principal, month: string, days: number, regionId?: string): Promise<WorklistsView> {
    let ids: string[];
    if (regionId) {
      await this.scope.requireRegion(principal.userId, regionId);
      ids = await this.regions.subtreeIds([regionId]);
    } else ids = await this.scope.regionIds(principal.userId);
    if (ids.length === 0) return { month, days, unserved: [], unassessed: [], expiring: [] };
    const inIds = `IN (${ids.map(() => '?').join(',')})`;
    const today = shanghaiDate(this.clock.now());
    const { first, last: lastDay, from, to } = monthRange(month);

    // 应服尽服: verified entitlement valid in the month, and neither a completed service nor a served meal in it.
    const unserved: ElderRow[] = await this.dataSource.query(
      `SELECT e.id, e.name, e.birth_date, r.name AS community, e.subsidy_category, e.subsidy_valid_until AS valid_until,
              DATE_FORMAT(CONVERT_TZ(GREATEST(COALESCE((SELECT MAX(o.completed_at) FROM orders o WHERE o.elder_id = e.id AND o.status IN ('completed', 'rated')), '1000-01-01'),
                       COALESCE((SELECT MAX(s.serve_end_at) FROM meal_bookings b JOIN meal_slots s ON s.id = b.slot_id WHERE b.elder_id = e.id AND b.status IN ('served', 'picked_up', 'delivered')), '1000-01-01')), '+00:00', '+08:00'), '%Y-%m-%d') AS last_served
         FROM elders e LEFT JOIN regions r ON r.id = e.region_id
        WHERE e.deleted_at IS NULL AND e.region_id ${inIds} AND e.subsidy_verification = 'verified' AND e.subsidy_category <> 'none'
          AND (e.subsidy_valid_until IS NULL OR e.subsidy_valid_until >= ?)
          AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.elder_id = e.id AND o.status IN ('completed', 'rated') AND o.completed_at >= ? AND o.completed_at < ?)
          AND NOT EXISTS (SELECT 1 FROM meal_bookings b JOIN meal_slots s ON s.id = b.slot_id LEFT JOIN orders d ON d.id = b.delivery_order_id
                           WHERE b.elder_id = e.id AND s.date BETWEEN ? AND ? AND (b.status IN ('served', 'picked_up', 'delivered') OR d.status IN ('completed', 'rated')))
        ORDER BY r.name, e.name`,
      [...ids, first, from, to, first, lastDay],
    );

    // 应评尽评: 80 and over with no assessment valid today.
    const noAssessment: ElderRow[] = await this.dataSource.query(
      `SELECT e.id, e.name, e.birth_date, r.name AS community, e.subsidy_category, e.assessment_valid_until AS valid_until, NULL AS last_served
         FROM elders e LEFT JOIN regions r ON r.id = e.region_id
        WHERE e.deleted_at IS NULL AND e.region_id ${inIds} AND (e.assessment_valid_until IS NULL OR e.assessment_valid_until < ?) ORDER BY r.name, e.name`,
      [...ids, today],
    );
    const soon = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const expiring: ElderRow[] = await this.dataSource.query(
      `SELECT e.id, e.name, e.birth_date, r.name AS community, e.subsidy_category, e.assessment_valid_until AS valid_until, NULL AS last_served
         FROM elders e LEFT JOIN regions r ON r.id = e.region_id
        WHERE e.deleted_at IS NULL AND e.region_id ${inIds} AND e.assessment_valid_until BETWEEN ? AND ? ORDER BY e.assessment_valid_until, e.name`,
      [...ids, today, soon],
    );

    const view = (r: ElderRow, reason: (v: WorklistEntryView) => string): WorklistEntryView => {
      const last = r.last_served ? calendarDay(r.last_served) : null;
      const v: WorklistEntryView = {
        elderId: r.id, elderName: r.name, age: ageInYears(calendarDay(r.birth_date), today), communityName: r.community,
        category: r.subsidy_category === 'none' ? null : r.subsidy_category, validUntil: r.valid_until ? calendarDay(r.valid_until) : null,
        lastServedAt: last && last > '1001' ? last : null, reason: '',
      };
      return { ...v, reason: reason(v) };
    };
    return {
      month, days,
      unserved: unserved.map((r) => view(r, (v) => (v.lastServedAt ? `本月尚未服务（上次 ${v.lastServedAt}）` : '核验享受补贴，从未接受服务'))),
      unassessed: noAssessment.map((r) => view(r, (v) => (v.validUntil ? `评估已于 ${v.validUntil} 过期` : '80 岁以上尚未评估'))).filter((v) => v.age >= 80),
      expiring: expiring.map((r) => view(r, (v) => `评估将于 ${v.validUntil} 到期`)),
    };
  }
}

