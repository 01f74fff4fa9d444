import { shanghaiDate, shanghaiMonth, type VisitRateView } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { Dispatcher } from '../dispatch/dispatcher.service.js';
import { ElderEntity } from '../households/entities/elder.entity.js';
import { OrdersService } from '../orders/orders.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { RegionsService } from '../regions/regions.service.js';
import { visitPlanFor, type VisitPlan, type VisitTier } from './visit-plan.js';

/**
 * 特殊困难老年人月探访: who must be visited comes from the region's visit-plan rules; visits are
 * dispatched like any service; the rate per 社区 and month is what the city reports.
 */
@Injectable()
export class VisitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly orders: OrdersService,
    private readonly dispatcher: Dispatcher,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /**
   * The visit plan of each of these elders, by id (absent: not on the plan): the tiers they fall
   * under and the most frequent of their frequencies. Each region's plan is read once.
   */
  async plansFor(elders: ElderEntity[], today: string): Promise<Map<string, VisitPlan>> {
    const tiersByRegion = new Map<string, VisitTier[]>();
    const plans = new Map<string, VisitPlan>();
    for (const elder of elders) {
      if (!elder.regionId) continue;
      if (!tiersByRegion.has(elder.regionId)) {
        const policy = await this.regions.policyInForce(elder.regionId, 'visit_plan', this.clock.now());
        tiersByRegion.set(elder.regionId, (policy?.rules as { tiers?: VisitTier[] } | undefined)?.tiers ?? []);
      }
      const verifiedCategory = elder.subsidyVerification === 'verified' ? elder.subsidyCategory : 'none';
      const plan = visitPlanFor(tiersByRegion.get(elder.regionId)!, { livingSituation: elder.livingSituation, verifiedCategory, abilityGrade: elder.abilityGrade, birthDate: elder.birthDate }, today);
      if (plan) plans.set(elder.id, plan);
    }
    return plans;
  }

  /** Creates the month's visits (idempotent: one per elder and period) and queues their dispatch. */
  async generate(month: string): Promise<number> {
    const today = shanghaiDate(this.clock.now());
    const elders = await this.dataSource.getRepository(ElderEntity).find();
    const plans = await this.plansFor(elders, today);
    let created = 0;
    for (const elder of elders) {
      const plan = plans.get(elder.id);
      if (!plan) continue;
      const starts = plan.frequency === 'weekly' ? [1, 8, 15, 22] : [10];
      for (const [i, day] of starts.entries()) {
        let start = new Date(`${month}-${String(day).padStart(2, '0')}T09:00:00+08:00`);
        const nextStart = i + 1 < starts.length ? new Date(`${month}-${String(starts[i + 1]).padStart(2, '0')}T09:00:00+08:00`) : null;
        // A period that is over is not visited any more; one under way is visited from tomorrow.
        if (start < this.clock.now()) {
          if (nextStart && nextStart < this.clock.now()) continue;
          start = new Date(`${addDays(today, 1)}T09:00:00+08:00`);
        }
        if (shanghaiMonth(start) !== month) continue;
        const [owner] = await this.dataSource.query(`SELECT user_id FROM household_members WHERE household_id = ? ORDER BY role = 'owner' DESC, joined_at LIMIT 1`, [elder.householdId]);
        if (!owner) continue;
        const key = plan.frequency === 'weekly' ? `visit-${month}-w${i + 1}-${elder.id.slice(0, 8)}` : `visit-${month}-${elder.id.slice(0, 8)}`;
        const exists = await this.dataSource.query('SELECT id FROM orders WHERE created_by = ? AND idempotency_key = ?', [owner.user_id, key]);
        if (exists.length) continue;
        const orderId = await this.dataSource.transaction((m) =>
          this.orders.createSystemJob(m, {
            householdId: elder.householdId, elderId: elder.id, createdBy: owner.user_id, key, serviceCode: 'visit',
            windowStart: start, windowEnd: new Date(start.getTime() + 8 * 3600_000), address: elder.address, lat: elder.lat, lng: elder.lng, regionId: elder.regionId,
            notes: `月度探访（${plan.reasons.join('、')}）`,
          }),
        );
        await this.dispatcher.scheduleDispatch(orderId, new Date(Math.max(this.clock.now().getTime(), start.getTime() - 2 * 3600_000)));
        created++;
      }
    }
    if (created) await this.outbox.kick();
    return created;
  }

  /** 月探访率 per 社区: elders who must be visited, those visited (a completed visit that month), the overdue list. */
  async rate(regionId: string, month: string): Promise<VisitRateView> {
    const region = await this.regions.requireRegion(regionId);
    const today = shanghaiDate(this.clock.now());
    const regionIds = await this.regions.subtreeIds([region.id]);
    const names = new Map<string, string>((await this.dataSource.query(`SELECT id, name FROM regions WHERE id IN (${regionIds.map(() => '?').join(',')})`, regionIds)).map((r: { id: string; name: string }) => [r.id, r.name]));
    const elders = await this.dataSource.getRepository(ElderEntity).createQueryBuilder('e').where('e.region_id IN (:...ids)', { ids: regionIds }).getMany();
    const perCommunity = new Map<string, { regionId: string; name: string; required: number; visited: number }>();
    const overdue: VisitRateView['overdue'] = [];
    const plans = await this.plansFor(elders, today);
    for (const elder of elders) {
      const plan = plans.get(elder.id);
      if (!plan) continue;
      const [visit] = await this.dataSource.query(
        `SELECT MAX(completed_at) AS last FROM orders WHERE elder_id = ? AND service_code = 'visit' AND status IN ('completed', 'rated') AND DATE_FORMAT(CONVERT_TZ(completed_at, '+00:00', '+08:00'), '%Y-%m') = ?`,
        [elder.id, month],
      );
      const c = perCommunity.get(elder.regionId!) ?? { regionId: elder.regionId!, name: names.get(elder.regionId!) ?? '', required: 0, visited: 0 };
      c.required++;
      if (visit?.last) c.visited++;
      else {
        const [last] = await this.dataSource.query(`SELECT MAX(completed_at) AS last FROM orders WHERE elder_id = ? AND service_code = 'visit' AND status IN ('completed', 'rated')`, [elder.id]);
        overdue.push({ elderId: elder.id, elderName: elder.name, communityName: c.name, reasons: plan.reasons, lastVisitAt: last?.last ? new Date(last.last).toISOString() : null });
      }
      perCommunity.set(elder.regionId!, c);
    }
    const communities = [...perCommunity.values()].map((c) => ({ ...c, rate: c.required ? Math.round((c.visited / c.required) * 1000) / 1000 : 1 }));
    const required = communities.reduce((s, c) => s + c.required, 0);
    const visited = communities.reduce((s, c) => s + c.visited, 0);
    return { month, regionId, communities, required, visited, rate: required ? Math.round((visited / required) * 1000) / 1000 : 1, overdue };
  }
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
