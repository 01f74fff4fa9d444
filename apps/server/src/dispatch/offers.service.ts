import { ErrorCode, OFFER_STATUS_LABELS, ORDER_STATUS_LABELS, SERVICE_LABELS, type OfferStatus, type OrderStatus } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ServiceTypeEntity } from '../catalog/entities/service-type.entity.js';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { ElderEntity } from '../households/entities/elder.entity.js';
import { OrderEntity } from '../orders/entities/order.entity.js';
import { OrderTransitions } from '../orders/order-transitions.service.js';
import { ProviderStaffEntity } from '../providers/entities/provider-staff.entity.js';
import { StaffService } from '../providers/staff.service.js';
import { SubsidiesService } from '../subsidies/subsidies.service.js';
import { OperatorScope } from '../regulation/operator-scope.service.js';
import { AuditService } from '../regulation/audit.service.js';
import { eligibilityProblem } from './candidate-search.js';
import { Dispatcher } from './dispatcher.service.js';
import type { JobResponse, OfferResponse } from './dto/dispatch.dto.js';
import { DispatchRoundEntity } from './entities/dispatch-round.entity.js';
import { OfferEntity } from './entities/offer.entity.js';

/** The staff side of dispatch: my offers, accept (exactly one wins), decline; and the operator's hand. */
@Injectable()
export class OffersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: Dispatcher,
    private readonly transitions: OrderTransitions,
    private readonly staff: StaffService,
    private readonly subsidies: SubsidiesService,
    private readonly clock: Clock,
    private readonly scope: OperatorScope,
    private readonly audit: AuditService,
  ) {}

  async myOffers(principal: Principal): Promise<OfferResponse[]> {
    const me = await this.staff.requireStaff(principal);
    const offers = await this.dataSource.getRepository(OfferEntity).find({ where: { staffId: me.id, status: 'offered' }, order: { offeredAt: 'DESC' }, take: 20 });
    const now = this.clock.now();
    const open = offers.filter((o) => o.expiresAt > now);
    const jobs = await this.jobsFor(open.map((o) => o.orderId));
    return open.filter((o) => jobs.has(o.orderId)).map((o) => ({ id: o.id, status: o.status, expiresAt: o.expiresAt.toISOString(), distanceMeters: o.distanceM, job: jobs.get(o.orderId)! }));
  }

  async myJobs(principal: Principal): Promise<JobResponse[]> {
    const me = await this.staff.requireStaff(principal);
    const orders = await this.dataSource.getRepository(OrderEntity).find({
      where: { staffId: me.id, status: In(['accepted', 'en_route', 'in_service', 'completed']) },
      order: { acceptedAt: 'DESC' },
      take: 50,
      select: { id: true },
    });
    const jobs = await this.jobsFor(orders.map((o) => o.id));
    return orders.map((o) => jobs.get(o.id)!).filter(Boolean);
  }

  /**
   * First accept wins: the order row is locked, so of any number of concurrent accepts exactly
   * one finds it still `offered`; the rest are told it is taken. The winner's own repeat (a double
   * tap, a retry) gets the same answer as its first accept.
   */
  async accept(principal: Principal, offerId: string): Promise<JobResponse> {
    const me = await this.staff.requireStaff(principal);
    const { orderId, replay } = await this.dataSource.transaction(async (m) => {
      const found = await m.getRepository(OfferEntity).findOneBy({ id: offerId });
      if (!found || found.staffId !== me.id) throw new DomainError(ErrorCode.OFFER_NOT_FOUND, '未找到该派单');
      const order = await m.getRepository(OrderEntity).findOne({ where: { id: found.orderId }, lock: { mode: 'pessimistic_write' } });
      if (!order) throw new DomainError(ErrorCode.OFFER_NOT_FOUND, '未找到该派单');
      // Read again under the order's lock: the first read may predate a concurrent accept of this same offer.
      const offer = await m.getRepository(OfferEntity).findOneOrFail({ where: { id: offerId }, lock: { mode: 'pessimistic_write' } });
      const now = this.clock.now();
      if (offer.status === 'accepted') return { orderId: order.id, replay: true };
      // Say what happened to this offer, not a guess about the order.
      if (offer.status === 'declined') throw new DomainError(ErrorCode.OFFER_DECLINED, '您已拒绝这单，不能再接；订单已转给其他服务人员');
      if (order.status === 'cancelled') throw new DomainError(ErrorCode.OFFER_TAKEN, '家属已取消该订单');
      if (offer.status === 'expired' || (offer.status === 'offered' && offer.expiresAt <= now)) throw new DomainError(ErrorCode.OFFER_EXPIRED, '接单已超时，订单已转给其他服务人员');
      if (order.status !== 'offered' || offer.status !== 'offered') {
        throw new DomainError(ErrorCode.OFFER_TAKEN, order.staffId ? '该订单已被其他服务人员接走' : order.status === 'escalated' ? '这单已转由街道人工安排' : '这单已转给其他服务人员');
      }
      // Offers of overlapping scheduled jobs can be out at once; whichever is accepted second is refused here.
      const service = await m.getRepository(ServiceTypeEntity).findOneByOrFail({ code: order.serviceCode });
      const problem = await eligibilityProblem(m, order, service, me.id, now, await this.dispatcher.eligibilityRules(order.regionId, now, m));
      if (problem) throw new DomainError(problem.clash ? ErrorCode.STAFF_SCHEDULE_CLASH : ErrorCode.STAFF_NOT_QUALIFIED, `${problem.reason}，不能接此单`);
      const updated = await m.getRepository(OfferEntity).update({ id: offer.id, status: 'offered' }, { status: 'accepted', respondedAt: now });
      if (updated.affected !== 1) throw new DomainError(ErrorCode.OFFER_TAKEN, '该订单已被其他服务人员接走');
      await this.dispatcher.withdrawOpenOffers(m, order.id, offer.id);
      await this.transitions.move(m, order, 'accepted', 'staff', principal.userId, `${me.name} 已接单`, { staffId: me.id, providerId: me.providerId, acceptedAt: now });
      await this.subsidies.assignPayee(m, { sourceType: 'order', sourceId: order.id, service: order.serviceCode }, me.providerId);
      return { orderId: order.id, replay: false };
    });
    if (!replay) await this.dispatcher.afterCommit({ orderId, statuses: ['accepted'], offerExpiries: [] });
    return (await this.jobsFor([orderId])).get(orderId)!;
  }

  async decline(principal: Principal, offerId: string): Promise<void> {
    const me = await this.staff.requireStaff(principal);
    const offer = await this.dataSource.getRepository(OfferEntity).findOneBy({ id: offerId });
    if (!offer || offer.staffId !== me.id) throw new DomainError(ErrorCode.OFFER_NOT_FOUND, '未找到该派单');
    const declined = await this.dataSource.getRepository(OfferEntity).update({ id: offerId, status: 'offered' }, { status: 'declined', respondedAt: this.clock.now() });
    if (declined.affected !== 1) {
      const now = await this.dataSource.getRepository(OfferEntity).findOneByOrFail({ id: offerId });
      // Declining twice (a double tap) is the same answer as the first time.
      if (now.status === 'declined') return;
      if (now.status === 'accepted') throw new DomainError(ErrorCode.OFFER_ALREADY_ACCEPTED, '您已接下这单，不能再拒单；如确实无法服务，请在「我的任务」里联系机构或街道改派');
      throw new DomainError(ErrorCode.OFFER_EXPIRED, now.status === 'expired' ? '这单已超时，已转给其他服务人员，无需拒单' : '这单已被收回（家属取消或已由他人接单），无需拒单');
    }
    await this.dispatcher.dispatch(offer.orderId);
  }

  /** The operator hands an escalated (or still searching) order to a qualified staff member. */
  async assign(principal: Principal, orderId: string, staffId: string): Promise<void> {
    await this.scope.requireRecord(principal.userId, 'orders', orderId, new DomainError(ErrorCode.ORDER_NOT_FOUND, '未找到该订单'));
    await this.dataSource.transaction(async (m) => {
      const order = this.dispatcher.requireOrder(await m.getRepository(OrderEntity).findOne({ where: { id: orderId }, lock: { mode: 'pessimistic_write' } }));
      const staff = await m.getRepository(ProviderStaffEntity).findOneBy({ id: staffId });
      if (!staff) throw new DomainError(ErrorCode.STAFF_NOT_FOUND, '未找到该服务人员', { fields: [{ field: 'staffId', message: '未找到该服务人员' }] });
      const service = await m.getRepository(ServiceTypeEntity).findOneByOrFail({ code: order.serviceCode });
      const now = this.clock.now();
      const problem = await eligibilityProblem(m, order, service, staff.id, now, await this.dispatcher.eligibilityRules(order.regionId, now, m));
      if (problem) throw new DomainError(problem.clash ? ErrorCode.STAFF_SCHEDULE_CLASH : ErrorCode.STAFF_NOT_QUALIFIED, `${staff.name}：${problem.reason}，不能指派`, { staffId: staff.id });
      await this.dispatcher.withdrawOpenOffers(m, order.id);
      await this.transitions.move(m, order, 'accepted', 'operator', principal.userId, `运营人员指派给 ${staff.name}`, { staffId: staff.id, providerId: staff.providerId, acceptedAt: this.clock.now() });
      await this.subsidies.assignPayee(m, { sourceType: 'order', sourceId: order.id, service: order.serviceCode }, staff.providerId);
    });
    await this.audit.record(principal.userId, 'order_assign', 'order', orderId);
    await this.dispatcher.afterCommit({ orderId, statuses: ['accepted'], offerExpiries: [] });
  }

  /** The operator sends an escalated order back to automatic dispatch, starting from the smallest circle. */
  async redispatch(principal: Principal, orderId: string): Promise<void> {
    await this.scope.requireRecord(principal.userId, 'orders', orderId, new DomainError(ErrorCode.ORDER_NOT_FOUND, '未找到该订单'));
    await this.dataSource.transaction(async (m) => {
      const order = this.dispatcher.requireOrder(await m.getRepository(OrderEntity).findOne({ where: { id: orderId }, lock: { mode: 'pessimistic_write' } }));
      await this.transitions.move(m, order, 'dispatching', 'operator', principal.userId, '运营人员重新派单', { dispatchRadiusM: 0 });
    });
    await this.audit.record(principal.userId, 'order_redispatch', 'order', orderId);
    await this.dispatcher.dispatch(orderId);
  }

  async rounds(principal: Principal, orderId: string) {
    await this.scope.requireRecord(principal.userId, 'orders', orderId, new DomainError(ErrorCode.ORDER_NOT_FOUND, '未找到该订单'));
    const rounds = await this.dataSource.getRepository(DispatchRoundEntity).find({ where: { orderId }, order: { roundNo: 'ASC' } });
    const offers: { round_id: string; staff_id: string; name: string; status: OfferStatus; offered_at: Date; responded_at: Date | null }[] = await this.dataSource.query(
      'SELECT o.round_id, o.staff_id, s.name, o.status, o.offered_at, o.responded_at FROM offers o JOIN provider_staff s ON s.id = o.staff_id WHERE o.order_id = ? ORDER BY o.offered_at, s.name',
      [orderId],
    );
    return rounds.map((r) => ({
      roundNo: r.roundNo, radiusMeters: r.radiusM, candidates: r.candidates, skipped: r.skipped, offeredTo: r.offeredTo, createdAt: r.createdAt.toISOString(),
      offers: offers.filter((o) => o.round_id === r.id).map((o) => ({
        staffId: o.staff_id, staffName: o.name, status: o.status, statusLabel: OFFER_STATUS_LABELS[o.status],
        offeredAt: new Date(o.offered_at).toISOString(), respondedAt: o.responded_at ? new Date(o.responded_at).toISOString() : null,
      })),
    }));
  }

  async jobsFor(orderIds: string[]): Promise<Map<string, JobResponse>> {
    if (orderIds.length === 0) return new Map();
    const orders = await this.dataSource.getRepository(OrderEntity).findBy({ id: In(orderIds) });
    const elders = await this.dataSource.getRepository(ElderEntity).find({ where: { id: In(orders.map((o) => o.elderId)) }, withDeleted: true, select: { id: true, name: true } });
    const names = new Map(elders.map((e) => [e.id, e.name]));
    return new Map(
      orders.map((o) => [
        o.id,
        {
          orderId: o.id, serviceCode: o.serviceCode, serviceName: SERVICE_LABELS[o.serviceCode], status: o.status as OrderStatus, statusLabel: ORDER_STATUS_LABELS[o.status],
          urgent: o.urgent, elderName: names.get(o.elderId) ?? '', address: o.address, location: { lat: o.lat, lng: o.lng },
          windowStart: o.windowStart?.toISOString() ?? null, windowEnd: o.windowEnd?.toISOString() ?? null, notes: o.notes, durationMinutes: o.durationMinutes,
        },
      ]),
    );
  }
}
