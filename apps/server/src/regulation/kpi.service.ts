import type { KpiIndicatorView, KpiSummaryView } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { VisitsService } from '../care/visits.service.js';
import { ChildcareService } from '../childcare/childcare.service.js';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { MealsService } from '../meals/meals.service.js';
import { RegionsService } from '../regions/regions.service.js';
import { OperatorScope } from './operator-scope.service.js';

type Targets = Partial<Record<string, number>>;

/** The indicators the city reports, computed live from the records, against the region's targets (data). */
@Injectable()
export class KpiService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: OperatorScope,
    private readonly regions: RegionsService,
    private readonly visits: VisitsService,
    private readonly meals: MealsService,
    private readonly childcare: ChildcareService,
    private readonly clock: Clock,
  ) {}

  async summary(principal: Principal, regionId: string, month: string): Promise<KpiSummaryView> {
    await this.scope.requireRegion(principal.userId, regionId);
    const region = await this.regions.requireRegion(regionId);
    const targets = ((await this.regions.policyInForce(regionId, 'kpi_targets', this.clock.now()))?.rules ?? {}) as Targets;
    const ids = await this.regions.subtreeIds([regionId]);
    const inRegion = `IN (${ids.map(() => '?').join(',')})`;
    const [population] = await this.dataSource.query(`SELECT SUM(elderly_60) AS elderly FROM regions WHERE id ${inRegion} AND level = 'community'`, ids);
    const [{ elders }] = await this.dataSource.query(`SELECT COUNT(*) AS elders FROM elders WHERE deleted_at IS NULL AND region_id ${inRegion}`, ids);
    const elderBase = Number(population?.elderly ?? 0) || Number(elders);

    const visitRate = await this.visits.rate(regionId, month);
    const [served] = await this.dataSource.query(
      `SELECT COUNT(DISTINCT o.elder_id) AS n FROM orders o WHERE o.region_id ${inRegion} AND o.status IN ('completed', 'rated') AND o.service_code NOT IN ('meal_delivery')
         AND DATE_FORMAT(CONVERT_TZ(o.completed_at, '+00:00', '+08:00'), '%Y-%m') = ?`,
      [...ids, month],
    );
    const meals = await this.meals.figures(month, ids);
    const mealsPerDay = meals.canteens.reduce((s, c) => s + c.mealsServedPerDay, 0);
    const childcare = await this.childcare.figures(regionId);
    const [staff] = await this.dataSource.query(
      `SELECT COUNT(*) AS total, SUM(EXISTS (SELECT 1 FROM staff_certificates c WHERE c.staff_id = s.id AND c.expires_on >= ?)) AS certified
         FROM provider_staff s JOIN providers p ON p.id = s.provider_id WHERE p.kind = 'home_care' AND p.status = 'approved' AND p.region_id ${inRegion} AND s.is_volunteer = 0`,
      [`${month}-01`, ...ids],
    );
    const [assessed] = await this.dataSource.query(`SELECT COUNT(*) AS n FROM elders WHERE deleted_at IS NULL AND region_id ${inRegion} AND assessment_valid_until >= ?`, [...ids, `${month}-01`]);
    const [rating] = await this.dataSource.query(
      `SELECT AVG(rating_stars) AS mean, AVG(rating_stars >= 4) AS good FROM orders WHERE region_id ${inRegion} AND rating_stars IS NOT NULL AND DATE_FORMAT(CONVERT_TZ(completed_at, '+00:00', '+08:00'), '%Y-%m') = ?`,
      [...ids, month],
    );
    const [volunteers] = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM provider_staff s JOIN providers p ON p.id = s.provider_id WHERE s.is_volunteer = 1 AND p.region_id ${inRegion}`,
      ids,
    );
    const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null);
    const indicators: KpiIndicatorView[] = [
      this.indicator('visit_rate', '特殊困难老年人月探访率', visitRate.required ? Math.round(visitRate.rate * 1000) / 10 : null, '%', targets, 100, `/api/kpi/visits?regionId=${regionId}&month=${month}`),
      this.indicator('home_service_share', '接受居家上门服务老人数占比', pct(Number(served.n), elderBase), '%', targets, 100, `/api/operator/escalations`),
      this.indicator('meals_per_day', '老年助餐日均供餐数', Math.round(mealsPerDay * 10) / 10, '份/日', targets, 1, `/api/kpi/meals?month=${month}`),
      this.indicator('places_per_thousand', '每千人口托位数', childcare.placesPerThousand, '个', targets, 1, `/api/kpi/childcare?regionId=${regionId}`),
      this.indicator('puhui_share', '普惠性托位占比', Math.round(childcare.puhuiShare * 1000) / 10, '%', targets, 100, `/api/kpi/childcare?regionId=${regionId}`),
      this.indicator('certified_rate', '养老护理人员持证上岗率', pct(Number(staff.certified ?? 0), Number(staff.total)), '%', targets, 100, `/api/providers`),
      this.indicator('assessment_rate', '生活能力评估率', pct(Number(assessed.n), Number(elders)), '%', targets, 100, `/api/operator/assessments/worklist`),
      this.indicator('satisfaction', '服务满意度（平均星级）', rating?.mean === null || rating?.mean === undefined ? null : Math.round(Number(rating.mean) * 100) / 100, '分', targets, 1, `/api/operator/complaints`),
      this.indicator('volunteer_ratio', '志愿者注册比例', pct(Number(volunteers.n), elderBase), '%', targets, 100, `/api/providers`),
    ];
    return { regionId, regionName: region.name, month, indicators };
  }

  /** Targets are stored as fractions or plain numbers; `scale` turns a fraction into the unit shown. */
  private indicator(code: string, label: string, value: number | null, unit: KpiIndicatorView['unit'], targets: Targets, scale: number, drillDown: string): KpiIndicatorView {
    const raw = targets[code];
    const target = raw === undefined ? null : Math.round(raw * scale * 100) / 100;
    return { code, label, value, unit, target, met: target === null || value === null ? null : value >= target, drillDown };
  }

}
