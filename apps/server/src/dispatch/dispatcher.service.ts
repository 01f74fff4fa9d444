import { ErrorCode, JOB, QUEUE, type OrderStatus } from '@carecircle/shared';
import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Queue } from 'bull';
import { DataSource, In, LessThan, LessThanOrEqual, type EntityManager } from 'typeorm';
import { ServiceTypeEntity } from '../catalog/entities/service-type.entity.js';
import { Clock } from '../common/clock.js';
import { insertRows } from '../common/typeorm.js';
import { DomainError } from '../common/errors/domain-error.js';
import { dispatchConfig, type DispatchConfig } from '../config/configuration.js';
import { OrderEntity } from '../orders/entities/order.entity.js';
import { OrderLive } from '../orders/order-live.service.js';
import { OrderTransitions } from '../orders/order-transitions.service.js';
import { dispatchJobId } from '../outbox/outbox-routes.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { StaffPositions, type NearbyStaff } from '../providers/staff-positions.service.js';
import { RegionsService } from '../regions/regions.service.js';
import { preJobTrainingRequired } from '../training/pre-job-training.js';
import { CreditService } from '../regulation/credit.service.js';
import { searchCandidates, type EligibilityRules, type SearchResult } from './candidate-search.js';
import { DispatchRoundEntity } from './entities/dispatch-round.entity.js';
import { OfferEntity } from './entities/offer.entity.js';

const SEARCH_LIMIT = 200;
/** Staff checked per query, nearest first; the next batch only when a batch has nobody who can take the order. */
const CHECK_BATCH = 50;
const SWEEP_LANES = 4;

/** What a transaction decided, to be done once it has committed (Redis is never written inside one). */
export interface AfterCommit {
  orderId: string;
  statuses: OrderStatus[];
  offerExpiries: { offerId: string; expiresAt: Date }[];
  redispatchAt?: Date;
}

/**
 * 线下派单: finds the nearest qualified staff in widening circles, offers the job one at a time
 * (or to everyone at once for 助急), and escalates to the operator when nobody takes it.
 * Every entry point is idempotent: it locks the order row and acts on what it finds there.
 */
@Injectable()
export class Dispatcher {
  private readonly logger = new Logger('Dispatcher');

  constructor(
    private readonly dataSource: DataSource,
    private readonly positions: StaffPositions,
    private readonly transitions: OrderTransitions,
    private readonly live: OrderLive,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(dispatchConfig.KEY) private readonly config: DispatchConfig,
    @InjectQueue(QUEUE.DISPATCH) private readonly queue: Queue,
    private readonly regions: RegionsService,
    private readonly credit: CreditService,
  ) {}

  /** The region's rules every path to work applies (dispatch and the operator's manual assignment). */
  async eligibilityRules(regionId: string | null, now: Date, m: EntityManager): Promise<EligibilityRules> {
    return {
      preJobTrainingRequired: await preJobTrainingRequired(this.regions, regionId, now, m),
      creditSuspendBelow: await this.credit.suspendBelow(regionId ?? '', m),
    };
  }

  async dispatch(orderId: string): Promise<void> {
    const after = await this.dataSource.transaction((m) => this.dispatchLocked(m, orderId));
    if (after) await this.afterCommit(after);
  }

  /** The delayed offer-expiry job and the sweep land here; the DB timestamp decides, not the job. */
  async expireOffer(offerId: string): Promise<void> {
    const offer = await this.dataSource.getRepository(OfferEntity).findOneBy({ id: offerId });
    if (!offer || offer.status !== 'offered') return;
    const now = this.clock.now();
    if (offer.expiresAt > now) {
      await this.scheduleExpiry(offer.id, offer.expiresAt);
      return;
    }
    await this.dispatch(offer.orderId);
  }

  /** Catches what a lost or late job missed: overdue offers, due scheduled orders, stuck rounds. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    const overdueOffers = await this.dataSource.getRepository(OfferEntity).find({ where: { status: 'offered', expiresAt: LessThanOrEqual(now) }, select: { orderId: true }, take: 500 });
    const due = await this.dataSource.getRepository(OrderEntity).find({
      where: [
        { status: 'created', dispatchAt: LessThanOrEqual(now) },
        { status: 'dispatching', updatedAt: LessThan(new Date(now.getTime() - 30_000)) },
      ],
      select: { id: true },
      take: 500,
    });
    const ids = [...new Set([...overdueOffers.map((o) => o.orderId), ...due.map((o) => o.id)])];
    // A few at a time: after Redis lost the expiry jobs, or a worker died holding them, hundreds are
    // due at once, and one by one took longer than the sweep interval.
    let next = 0;
    const lane = async () => {
      while (next < ids.length) {
        const id = ids[next++];
        await this.dispatch(id).catch((err: Error) => this.logger.error({ msg: 'sweep dispatch failed', orderId: id, err: err.message }));
      }
    };
    await Promise.all(Array.from({ length: Math.min(SWEEP_LANES, ids.length) }, lane));
    return ids.length;
  }

  async dispatchLocked(m: EntityManager, orderId: string): Promise<AfterCommit | null> {
    let order = await m.getRepository(OrderEntity).findOne({ where: { id: orderId }, lock: { mode: 'pessimistic_write' } });
    if (!order || !['created', 'dispatching', 'offered'].includes(order.status)) return null;
    const now = this.clock.now();
    const after: AfterCommit = { orderId, statuses: [], offerExpiries: [] };
    if (order.status === 'created' && order.dispatchAt > now) return { ...after, redispatchAt: order.dispatchAt };

    // Read first, then expire by primary key: an UPDATE … WHERE order_id = ? would take a gap lock
    // in the offers index that holds up every other dispatch inserting an offer into that gap.
    const open = await m.getRepository(OfferEntity).find({ where: { orderId, status: 'offered' }, select: { id: true, expiresAt: true } });
    if (open.some((o) => o.expiresAt > now)) return null;
    if (open.length) await m.getRepository(OfferEntity).update({ id: In(open.map((o) => o.id)) }, { status: 'expired', respondedAt: now });

    if (order.status !== 'dispatching') {
      // The family's timeline says why the search goes on: nobody answered in time, or the offer was declined.
      const why = open.length > 0 ? `服务人员未在 ${this.config.offerTimeoutSeconds} 秒内响应` : '服务人员暂时无法接单';
      const note = order.status === 'offered' ? `${why}，继续为您派单` : null;
      order = await this.transitions.move(m, order, 'dispatching', 'system', null, note);
      after.statuses.push('dispatching');
    }
    const service = await m.getRepository(ServiceTypeEntity).findOneByOrFail({ code: order.serviceCode });
    const roundsSoFar = await m.getRepository(DispatchRoundEntity).countBy({ orderId });
    const radii = this.config.radiiM.filter((r) => r >= order!.dispatchRadiusM);
    let roundNo = roundsSoFar;
    const rules = await this.eligibilityRules(order.regionId, now, m);
    for (const radius of radii) {
      const nearby =
        this.config.candidateSource === 'geo'
          ? await this.positions.near(order.lat, order.lng, radius, SEARCH_LIMIT)
          : await this.positions.nearBySqlScan(order.lat, order.lng, radius, SEARCH_LIMIT);
      const { candidates, skipped } = await this.nearestCandidates(m, order, service, nearby, radius, now, rules);
      const chosen = order.urgent ? candidates : candidates.slice(0, 1);
      const round = { id: randomUUID(), orderId, roundNo: ++roundNo, radiusM: radius, candidates, skipped, offeredTo: chosen.map((c) => c.staffId), createdAt: now };
      await insertRows(m, DispatchRoundEntity, round);
      if (chosen.length === 0) continue;
      const expiresAt = new Date(now.getTime() + this.config.offerTimeoutSeconds * 1000);
      for (const c of chosen) {
        const offer = await m.getRepository(OfferEntity).save({
          orderId, staffId: c.staffId, roundId: round.id, status: 'offered', distanceM: c.distanceMeters, offeredAt: now, expiresAt, respondedAt: null,
        });
        after.offerExpiries.push({ offerId: offer.id, expiresAt });
      }
      order = await this.transitions.move(m, order, 'offered', 'system', null, order.urgent ? `紧急呼叫已同时通知附近 ${chosen.length} 位服务人员` : null, { dispatchRadiusM: radius });
      after.statuses.push('offered');
      for (const c of chosen) await this.outbox.add(m, 'offer.made', orderId, { orderId, staffId: c.staffId, urgent: order.urgent });
      return after;
    }
    const lastRadius = radii[radii.length - 1] ?? order.dispatchRadiusM;
    await this.transitions.move(m, order, 'escalated', 'system', null, `${lastRadius / 1000} 公里内暂无可接单的服务人员，已转人工派单`, { dispatchRadiusM: lastRadius });
    after.statuses.push('escalated');
    return after;
  }

  /**
   * The candidates among the nearest staff, checked in batches in order of distance: one who can
   * take it is almost always among the first few dozen, and checking all 200 found was most of the
   * database's work per order. An urgent call is offered to every candidate, so it checks all.
   */
  private async nearestCandidates(m: EntityManager, order: OrderEntity, service: ServiceTypeEntity, nearby: NearbyStaff[], radius: number, now: Date, rules: EligibilityRules): Promise<SearchResult> {
    if (order.urgent) return searchCandidates(m, order, service, nearby, radius, now, rules);
    const found: SearchResult = { candidates: [], skipped: [] };
    for (let i = 0; i < nearby.length && found.candidates.length === 0; i += CHECK_BATCH) {
      const batch = await searchCandidates(m, order, service, nearby.slice(i, i + CHECK_BATCH), radius, now, rules);
      found.candidates.push(...batch.candidates);
      found.skipped.push(...batch.skipped);
    }
    return found;
  }

  async afterCommit(after: AfterCommit): Promise<void> {
    const now = this.clock.now();
    for (const status of after.statuses) await this.live.publish(after.orderId, status, now);
    for (const e of after.offerExpiries) await this.scheduleExpiry(e.offerId, e.expiresAt);
    if (after.redispatchAt) await this.scheduleDispatch(after.orderId, after.redispatchAt);
    if (after.statuses.length) await this.outbox.kick();
  }

  /** Wakes the dispatcher for this order now or at `at` (scheduled orders, the lead time before the window). */
  async scheduleDispatch(orderId: string, at: Date = this.clock.now()): Promise<void> {
    const delay = Math.max(0, at.getTime() - this.clock.now().getTime());
    await this.queue.add(JOB.DISPATCH_ORDER, { orderId }, { jobId: dispatchJobId(orderId, at.getTime()), delay }).catch((err: Error) => {
      this.logger.warn({ msg: 'dispatch job not queued; the sweep will pick the order up', orderId, err: err.message });
    });
  }

  async scheduleExpiry(offerId: string, expiresAt: Date): Promise<void> {
    const delay = Math.max(0, expiresAt.getTime() - this.clock.now().getTime());
    await this.queue.add(JOB.OFFER_EXPIRY, { offerId }, { jobId: `expiry-${offerId}-${expiresAt.getTime()}`, delay }).catch((err: Error) => {
      this.logger.warn({ msg: 'offer expiry not queued; the sweep will expire it', offerId, err: err.message });
    });
  }

  /** Withdraws every open offer of an order (someone accepted, or the order was cancelled). */
  async withdrawOpenOffers(m: EntityManager, orderId: string, exceptOfferId?: string): Promise<void> {
    const open = await m.getRepository(OfferEntity).find({ where: { orderId, status: 'offered' }, select: { id: true } });
    const ids = open.map((o) => o.id).filter((id) => id !== exceptOfferId);
    if (ids.length) await m.getRepository(OfferEntity).update({ id: In(ids) }, { status: 'withdrawn', respondedAt: this.clock.now() });
  }

  requireOrder(order: OrderEntity | null): OrderEntity {
    if (!order) throw new DomainError(ErrorCode.ORDER_NOT_FOUND, '未找到该订单');
    return order;
  }
}
