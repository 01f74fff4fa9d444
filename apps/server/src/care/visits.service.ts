import { shanghaiDate, shanghaiMonth, shiftMonth, type VisitRateView } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { requireStartedMonth } from '../common/periods.js';
import { Dispatcher } from '../dispatch/dispatcher.service.js';
import { ElderEntity } from '../households/entities/elder.entity.js';
import { OrdersService } from '../orders/orders.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { RegionsService } from '../regions/regions.service.js';
import { visitPeriods, visitPlanFor, type VisitPeriod, type VisitPlan, type VisitTier } from './visit-plan.js';

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
      const periods = visitPeriods(plan.frequency, month);
      for (const [i, period] of periods.entries()) {
        let start = period.opensAt;
        const nextStart = periods[i + 1]?.opensAt ?? null;
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
            notes: `${plan.frequency === 'weekly' ? `每周探访·${period.label}` : '月度探访'}（${plan.reasons.join('、')}）`,
          }),
        );
        await this.dispatcher.scheduleDispatch(orderId, new Date(Math.max(this.clock.now().getTime(), start.getTime() - 2 * 3600_000)));
        created++;
      }
    }
    if (created) await this.outbox.kick();
    return created;
  }

  /**
   * The one computation of 月探访率 (the KPI, /kpi/visits, breakdown, trend and report all read it):
   * for each elder of the regions on the plan in the month, each visit period (weekly tiers: every
   * week; monthly: the month) with its completed visit. An elder is visited when every period whose
   * window has opened has a visit and at least one has; overdue when an opened period has none.
   */
  async standing(regionIds: string[], month: string): Promise<{ asOf: string; partial: boolean; elders: VisitStanding[] }> {
    const from = new Date(`${month}-01T00:00:00+08:00`);
    const to = new Date(`${shiftMonth(month, 1)}-01T00:00:00+08:00`);
    const now = this.clock.now();
    const partial = now < to;
    const until = partial ? now : to;
    const asOf = shanghaiDate(partial ? now : new Date(to.getTime() - 1));
    if (regionIds.length === 0) return { asOf, partial, elders: [] };
    const query = this.dataSource.getRepository(ElderEntity).createQueryBuilder('e').where('e.region_id IN (:...ids)', { ids: regionIds });
    // An ended month counts the elders registered by its end; the running month everyone registered so far.
    if (!partial) query.andWhere('e.created_at < :to', { to });
    const elders = await query.orderBy('e.name').addOrderBy('e.id').getMany();
    const inIds = regionIds.map(() => '?').join(',');
    const visits: { elder_id: string; completed_at: Date }[] = await this.dataSource.query(
      `SELECT o.elder_id, o.completed_at FROM orders o JOIN elders e ON e.id = o.elder_id
        WHERE e.region_id IN (${inIds}) AND o.service_code = 'visit' AND o.status IN ('completed', 'rated') AND o.completed_at >= ? AND o.completed_at < ? ORDER BY o.completed_at`,
      [...regionIds, from, to],
    );
    const lastEver = new Map<string, Date>(
      (await this.dataSource.query(
        `SELECT o.elder_id, MAX(o.completed_at) AS last FROM orders o JOIN elders e ON e.id = o.elder_id
          WHERE e.region_id IN (${inIds}) AND o.service_code = 'visit' AND o.status IN ('completed', 'rated') AND o.completed_at < ? GROUP BY o.elder_id`,
        [...regionIds, to],
      )).map((r: { elder_id: string; last: Date }) => [r.elder_id, new Date(r.last)]),
    );
    const plans = await this.plansFor(elders, asOf);
    const out: VisitStanding[] = [];
    for (const elder of elders) {
      const plan = plans.get(elder.id);
      if (!plan) continue;
      const mine = visits.filter((v) => v.elder_id === elder.id).map((v) => new Date(v.completed_at));
      const periods = visitPeriods(plan.frequency, month).map((p) => ({
        ...p,
        opened: p.opensAt <= until,
        visitedAt: mine.find((at) => shanghaiDate(at) >= p.first && shanghaiDate(at) <= p.last) ?? null,
      }));
      const missing = periods.filter((p) => p.opened && !p.visitedAt).map((p) => p.label);
      out.push({ elder, plan, periods, visited: missing.length === 0 && periods.some((p) => p.visitedAt), missing, lastVisitAt: lastEver.get(elder.id) ?? null });
    }
    return { asOf, partial, elders: out };
  }

  /** 月探访率 per 社区: elders who must be visited, those visited as their plan requires, the overdue list. */
  async rate(regionId: string, month: string): Promise<VisitRateView> {
    requireStartedMonth(month, this.clock.now());
    const region = await this.regions.requireRegion(regionId);
    const regionIds = await this.regions.subtreeIds([region.id]);
    const names = new Map<string, string>((await this.dataSource.query(`SELECT id, name FROM regions WHERE id IN (${regionIds.map(() => '?').join(',')})`, regionIds)).map((r: { id: string; name: string }) => [r.id, r.name]));
    const { asOf, partial, elders } = await this.standing(regionIds, month);
    const perCommunity = new Map<string, { regionId: string; name: string; required: number; visited: number }>();
    const overdue: VisitRateView['overdue'] = [];
    for (const s of elders) {
      const c = perCommunity.get(s.elder.regionId!) ?? { regionId: s.elder.regionId!, name: names.get(s.elder.regionId!) ?? '', required: 0, visited: 0 };
      c.required++;
      if (s.visited) c.visited++;
      if (s.missing.length) {
        overdue.push({ elderId: s.elder.id, elderName: s.elder.name, communityName: c.name, reasons: s.plan.reasons, frequency: s.plan.frequency, missing: s.missing, lastVisitAt: s.lastVisitAt?.toISOString() ?? null });
      }
      perCommunity.set(s.elder.regionId!, c);
    }
    const communities = [...perCommunity.values()].map((c) => ({ ...c, rate: visitRateOf(c.visited, c.required) }));
    const required = communities.reduce((s, c) => s + c.required, 0);
    const visited = communities.reduce((s, c) => s + c.visited, 0);
    return { month, regionId, partial, asOf, communities, required, visited, rate: visitRateOf(visited, required), overdue };
  }
}

export interface VisitStanding {
  elder: ElderEntity;
  plan: VisitPlan;
  periods: (VisitPeriod & { opened: boolean; visitedAt: Date | null })[];
  visited: boolean;
  /** Labels of periods whose window opened without a completed visit. */
  missing: string[];
  lastVisitAt: Date | null;
}

/** Visited ÷ required as a fraction to 4 places (as every KPI ratio); none required → no figure. */
export function visitRateOf(visited: number, required: number): number | null {
  return required ? Math.round((visited / required) * 10_000) / 10_000 : null;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
