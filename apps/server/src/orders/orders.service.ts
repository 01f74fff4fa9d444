import {
  DEFAULT_SHORT_SERVICE_SHARE,
  type StatementChecksRules,
  canTransition,
  cancellationFee,
  CERTIFICATE_LABELS,
  distanceMeters,
  ErrorCode,
  maskPhone,
  ORDER_STATUS_LABELS,
  OutboxEvent,
  Role,
  SERVICE_LABELS,
  type OrderStatus,
} from '@carecircle/shared';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, LessThanOrEqual, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { CatalogService } from '../catalog/catalog.service.js';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { FieldCipher } from '../common/crypto/field-cipher.js';
import { DomainError } from '../common/errors/domain-error.js';
import { idempotencyKeyReused, requestHash, requireIdempotencyKey } from '../common/idempotency.js';
import { insertRows } from '../common/typeorm.js';
import { dispatchConfig, type DispatchConfig } from '../config/configuration.js';
import { Dispatcher } from '../dispatch/dispatcher.service.js';
import { ElderEntity } from '../households/entities/elder.entity.js';
import { HouseholdMemberEntity } from '../households/entities/household-member.entity.js';
import { HouseholdAccess } from '../households/household-access.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { ProviderStaffEntity } from '../providers/entities/provider-staff.entity.js';
import { ProviderEntity } from '../providers/entities/provider.entity.js';
import { StaffCertificateEntity } from '../providers/entities/staff-certificate.entity.js';
import { StaffPositions } from '../providers/staff-positions.service.js';
import { StaffService } from '../providers/staff.service.js';
import { SubsidiesService } from '../subsidies/subsidies.service.js';
import { TimebankService } from '../timebank/timebank.service.js';
import { RegionsService } from '../regions/regions.service.js';
import { OperatorScope } from '../regulation/operator-scope.service.js';
import { randomUUID } from 'node:crypto';
import type { CancelOrderDto, CheckInDto, CheckOutDto, CreateOrderDto, OrderResponse, RateOrderDto } from './dto/order.dto.js';
import { ServiceTypeEntity } from '../catalog/entities/service-type.entity.js';
import { OrderEventEntity } from './entities/order-event.entity.js';
import { OrderEntity } from './entities/order.entity.js';
import { ServiceRecordEntity } from './entities/service-record.entity.js';
import { OrderLive } from './order-live.service.js';
import { OrderTransitions } from './order-transitions.service.js';

const MAX_DAYS_AHEAD = 14;
/** What the price line says for jobs the system creates (no charge to the family). */
const SYSTEM_JOB_NOTES = { meal_delivery: '助餐配送', emergency: '紧急呼叫，免费响应', visit: '探访关爱（政府购买服务）' } as const;

export interface CreatedOrder {
  order: OrderResponse;
  replayed: boolean;
}

@Injectable()
export class OrdersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: HouseholdAccess,
    private readonly catalog: CatalogService,
    private readonly subsidies: SubsidiesService,
    private readonly transitions: OrderTransitions,
    private readonly dispatcher: Dispatcher,
    private readonly staff: StaffService,
    private readonly positions: StaffPositions,
    private readonly live: OrderLive,
    private readonly outbox: OutboxService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly timebank: TimebankService,
    private readonly regions: RegionsService,
    private readonly scope: OperatorScope,
    @Inject(dispatchConfig.KEY) private readonly config: DispatchConfig,
  ) {}

  /**
   * 子女网上下单: one transaction writes the order, its price breakdown, the subsidy ledger row
   * and the outbox row; the same Idempotency-Key always answers with the same order.
   */
  async create(principal: Principal, idempotencyKey: string | undefined, dto: CreateOrderDto): Promise<CreatedOrder> {
    requireIdempotencyKey(idempotencyKey);
    const hash = requestHash(dto);
    const replay = await this.findReplay(principal.userId, idempotencyKey!, hash);
    if (replay) return { order: await this.view(replay), replayed: true };

    // The family orders for their elder; the elder on his own login orders for himself.
    const bySelf = principal.elderId === dto.elderId;
    const elder = bySelf ? await this.access.requireElder(principal, dto.elderId) : await this.access.requireElderOfMyHousehold(principal.userId, dto.elderId);
    const service = await this.catalog.require(dto.serviceCode);
    const now = this.clock.now();
    const window = this.validateWindow(dto, service.urgent, service.durationMinutes, now);
    if (dto.address && !dto.location) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'location: 填写了新地址时请同时选择位置', { fields: [{ field: 'location', message: '填写了新地址时请同时选择位置' }] });
    }
    const dispatchAt = window ? new Date(Math.max(now.getTime(), window.start.getTime() - this.config.leadMinutes * 60_000)) : now;
    const requiredCertificate = await this.gradeRequirement(elder, service.code, now);
    // 子女网上下单、老人体验服务: an elder with their own login says yes or no before anyone is sent.
    const askElder = !bySelf && !service.urgent && elder.confirmOrders && (await this.elderUsesApp(elder.id));
    const orderId = randomUUID();

    try {
      await this.dataSource.transaction(async (m) => {
        // The elder's row lock serialises this elder's orders, so two cannot both spend the last of a cap.
        const locked = await m.getRepository(ElderEntity).findOne({ where: { id: elder.id }, lock: { mode: 'pessimistic_write' } });
        if (!locked) throw new DomainError(ErrorCode.ELDER_NOT_FOUND, '未找到该老人信息');
        const quote = await this.subsidies.quote(m, locked, service.code, service.basePriceFen, now, 0, service.durationMinutes);
        const minutes = Math.min(dto.timebankMinutes ?? 0, service.durationMinutes);
        // 1 hour in the bank pays for 1 hour of service: the share of the duration paid in minutes comes off what is paid.
        const timebankFen = minutes ? Math.floor((quote.payFen * minutes) / service.durationMinutes) : 0;
        const order = {
          id: orderId,
          householdId: locked.householdId, elderId: locked.id, createdBy: principal.userId, idempotencyKey: idempotencyKey!, requestHash: hash,
          serviceCode: service.code, urgent: service.urgent, windowStart: window?.start ?? null, windowEnd: window?.end ?? null,
          dispatchAt, address: dto.address ?? locked.address, lat: dto.location?.lat ?? locked.lat, lng: dto.location?.lng ?? locked.lng,
          regionId: locked.regionId, notes: dto.notes ?? null, durationMinutes: service.durationMinutes,
          priceFen: quote.priceFen, subsidyFen: quote.subsidyFen, payFen: quote.payFen - timebankFen, subsidyNote: quote.subsidyNote,
          policyId: quote.policyId, policyVersion: quote.policyVersion, providerId: null, staffId: null,
          dispatchRadiusM: this.config.radiiM[0], cancelFeeFen: 0, cancelReason: null, acceptedAt: null, checkedInAt: null, completedAt: null,
          ratingStars: null, ratingTags: null, ratingComment: null, createdAt: now,
          status: askElder ? 'awaiting_elder' : 'created',
          elderConfirmDeadline: askElder ? new Date(now.getTime() + locked.confirmTimeoutMinutes * 60_000) : null,
          confirmTimeoutMinutes: askElder ? locked.confirmTimeoutMinutes : null,
          onConfirmTimeout: askElder ? locked.onConfirmTimeout : null,
          requiredCertificate, timebankMinutes: minutes,
        } satisfies Partial<OrderEntity>;
        await insertRows(m, OrderEntity, order);
        await insertRows(m, OrderEventEntity, { orderId: order.id, status: order.status, actor: bySelf ? 'elder' : 'family', actorId: principal.userId, note: askElder ? '已通知老人确认' : bySelf ? '老人本人下单' : null, createdAt: now });
        if (minutes) await this.timebank.spend(m, principal.userId, order.id, minutes);
        if (askElder) {
          await this.outbox.add(m, OutboxEvent.ORDER_STATUS_CHANGED, order.id, { orderId: order.id, householdId: order.householdId, status: 'awaiting_elder', staffId: null, actor: 'family' });
        }
        await this.subsidies.grantDemandSide(m, locked, { sourceType: 'order', sourceId: order.id, service: service.code }, quote);
        if (!askElder) await this.outbox.add(m, OutboxEvent.ORDER_CREATED, order.id, { orderId: order.id, householdId: order.householdId, urgent: order.urgent, dispatchAtMs: dispatchAt.getTime() });
      });
    } catch (err) {
      if ((err as { code?: string }).code === 'ER_DUP_ENTRY') {
        const raced = await this.findReplay(principal.userId, idempotencyKey!, hash);
        if (raced) return { order: await this.view(raced), replayed: true };
      }
      throw err;
    }
    if (!askElder) await this.dispatcher.scheduleDispatch(orderId, dispatchAt);
    await this.live.publish(orderId, askElder ? 'awaiting_elder' : 'created', now);
    await this.outbox.kick();
    return { order: await this.view(await this.dataSource.getRepository(OrderEntity).findOneByOrFail({ id: orderId })), replayed: false };
  }

  /**
   * A job the system creates (a meal delivery at the canteen's cut-off): no price, no subsidy,
   * written with the caller's transaction; the caller queues its dispatch after the commit.
   */
  async createSystemJob(
    m: EntityManager,
    job: { householdId: string; elderId: string; createdBy: string; key: string; serviceCode: 'meal_delivery' | 'emergency' | 'visit'; windowStart: Date | null; windowEnd: Date | null; address: string; lat: number; lng: number; regionId: string | null; notes: string },
  ): Promise<string> {
    const now = this.clock.now();
    const service = await m.getRepository(ServiceTypeEntity).findOneByOrFail({ code: job.serviceCode });
    const order = {
      id: randomUUID(), requiredCertificate: null, timebankMinutes: 0, elderConfirmDeadline: null,
      householdId: job.householdId, elderId: job.elderId, createdBy: job.createdBy, idempotencyKey: job.key, requestHash: requestHash(job),
      serviceCode: job.serviceCode, status: 'created', urgent: service.urgent, windowStart: job.windowStart, windowEnd: job.windowEnd,
      dispatchAt: job.windowStart ? new Date(Math.max(now.getTime(), job.windowStart.getTime() - this.config.leadMinutes * 60_000)) : now,
      address: job.address, lat: job.lat, lng: job.lng, regionId: job.regionId, notes: job.notes, durationMinutes: service.durationMinutes,
      priceFen: 0, subsidyFen: 0, payFen: 0, subsidyNote: SYSTEM_JOB_NOTES[job.serviceCode], policyId: null, policyVersion: null, providerId: null, staffId: null,
      dispatchRadiusM: this.config.radiiM[0], cancelFeeFen: 0, cancelReason: null, acceptedAt: null, checkedInAt: null, completedAt: null,
      ratingStars: null, ratingTags: null, ratingComment: null, createdAt: now,
    } satisfies Partial<OrderEntity>;
    await insertRows(m, OrderEntity, order);
    await insertRows(m, OrderEventEntity, { orderId: order.id, status: 'created', actor: 'system', actorId: null, note: job.notes, createdAt: now });
    await this.outbox.add(m, OutboxEvent.ORDER_CREATED, order.id, { orderId: order.id, householdId: order.householdId, urgent: order.urgent });
    return order.id;
  }

  /** Cancels a system job whose reason went away (the canteen closed that meal). */
  async cancelSystemJob(m: EntityManager, orderId: string, reason: string): Promise<void> {
    const order = await this.lock(m, orderId);
    if (!canTransition(order.status, 'cancelled', 'operator')) return;
    await this.transitions.move(m, order, 'cancelled', 'operator', null, reason, { cancelReason: reason });
    await this.dispatcher.withdrawOpenOffers(m, order.id);
  }

  /** The elder answers a proxy order from their own device: 确认 sends it to dispatch, 不需要 cancels it. */
  async elderDecision(principal: Principal, orderId: string, decision: 'confirm' | 'refuse', device: string | undefined): Promise<OrderResponse> {
    const existing = await this.dataSource.getRepository(OrderEntity).findOneBy({ id: orderId });
    if (!existing || !principal.elderId || existing.elderId !== principal.elderId) throw new DomainError(ErrorCode.ORDER_NOT_FOUND, '未找到该订单');
    await this.decide(orderId, decision, 'elder', principal.userId, device ?? null);
    return this.view(await this.dataSource.getRepository(OrderEntity).findOneByOrFail({ id: orderId }));
  }

  /**
   * When the elder does not answer in time, the family's choice stands: the one in force when the
   * order was placed (kept on the order), not whatever the settings say now.
   */
  async applyConfirmationTimeouts(): Promise<number> {
    const due = await this.dataSource.getRepository(OrderEntity).find({ where: { status: 'awaiting_elder', elderConfirmDeadline: LessThanOrEqual(this.clock.now()) }, take: 200 });
    for (const order of due) {
      // Orders placed before the settings were kept on the order fall back to the elder's.
      const onTimeout = order.onConfirmTimeout ?? (await this.dataSource.getRepository(ElderEntity).findOne({ where: { id: order.elderId }, withDeleted: true }))?.onConfirmTimeout;
      await this.decide(order.id, onTimeout === 'cancel' ? 'refuse' : 'confirm', 'timeout', null, null).catch(() => undefined);
    }
    return due.length;
  }

  private async decide(orderId: string, decision: 'confirm' | 'refuse', source: 'elder' | 'timeout', userId: string | null, device: string | null): Promise<void> {
    const actor = source === 'elder' ? 'elder' : 'system';
    const next = await this.dataSource.transaction(async (m) => {
      const order = await this.lock(m, orderId);
      if (order.status !== 'awaiting_elder') throw new DomainError(ErrorCode.ORDER_INVALID_TRANSITION, '这笔订单已不需要确认');
      await m.query('INSERT INTO order_consents (order_id, decision, source, decided_by, device, created_at) VALUES (?, ?, ?, ?, ?, ?)', [order.id, decision, source, userId, device, this.clock.now()]);
      if (decision === 'confirm') {
        const note = source === 'elder' ? '老人已确认' : '老人未在时限内回复，按家人的下单执行';
        await this.transitions.move(m, order, 'created', actor, userId, note);
        const dispatchAt = new Date(Math.max(this.clock.now().getTime(), order.dispatchAt.getTime()));
        await this.outbox.add(m, OutboxEvent.ORDER_CREATED, order.id, { orderId: order.id, householdId: order.householdId, urgent: order.urgent, dispatchAtMs: dispatchAt.getTime() });
        return { status: 'created' as const, dispatchAt };
      }
      const note = source === 'elder' ? '老人表示不需要' : '老人未在时限内回复，按家人的设置取消';
      await this.transitions.move(m, order, 'cancelled', actor, userId, note, { cancelReason: note });
      await this.subsidies.reverse(m, { sourceType: 'order', sourceId: order.id });
      await this.timebank.refund(m, order.id);
      return { status: 'cancelled' as const, dispatchAt: null };
    });
    if (next.dispatchAt) await this.dispatcher.scheduleDispatch(orderId, next.dispatchAt);
    await this.dispatcher.afterCommit({ orderId, statuses: [next.status], offerExpiries: [] });
  }

  private async consentOf(orderId: string): Promise<OrderResponse['consent']> {
    const [row] = await this.dataSource.query('SELECT decision, source, device, created_at FROM order_consents WHERE order_id = ?', [orderId]);
    return row ? { decision: row.decision, source: row.source, device: row.device, at: new Date(row.created_at).toISOString() } : null;
  }

  private async elderUsesApp(elderId: string): Promise<boolean> {
    const [{ n }] = await this.dataSource.query('SELECT COUNT(*) AS n FROM users WHERE elder_id = ?', [elderId]);
    return Number(n) > 0;
  }

  /**
   * What the elder's ability grade means for this service, from the region's policy table:
   * some services are only for certain grades, some need a higher staff certificate for them.
   */
  private async gradeRequirement(elder: ElderEntity, service: string, at: Date): Promise<string | null> {
    if (!elder.regionId) return null;
    const policy = await this.regions.policyInForce(elder.regionId, 'service_requirements', at);
    const rules = ((policy?.rules as { rules?: { service: string; grades?: string[]; allowedGrades?: string[]; certificate?: string }[] } | undefined)?.rules ?? []).filter((r) => r.service === service);
    for (const r of rules) {
      if (r.allowedGrades && (!elder.abilityGrade || !r.allowedGrades.includes(elder.abilityGrade))) {
        throw new DomainError(ErrorCode.SERVICE_NOT_ALLOWED, `${SERVICE_LABELS[service as keyof typeof SERVICE_LABELS] ?? service}需要经过能力评估，且评估等级符合条件后才能预约`, { allowedGrades: r.allowedGrades });
      }
    }
    return rules.find((r) => r.certificate && r.grades && elder.abilityGrade && r.grades.includes(elder.abilityGrade))?.certificate ?? null;
  }

  async entity(orderId: string): Promise<OrderEntity> {
    return this.dataSource.getRepository(OrderEntity).findOneByOrFail({ id: orderId });
  }

  async get(principal: Principal, orderId: string): Promise<OrderResponse> {
    return this.view(await this.requireVisible(principal, orderId));
  }

  /** The orders of the caller's households, and on an elder's own login his own orders. */
  async listMine(principal: Principal, elderId?: string): Promise<OrderResponse[]> {
    if (elderId) await this.access.requireElder(principal, elderId);
    const memberships = await this.dataSource.getRepository(HouseholdMemberEntity).findBy({ userId: principal.userId });
    const where: FindOptionsWhere<OrderEntity>[] = [];
    if (memberships.length) where.push({ householdId: In(memberships.map((m) => m.householdId)), ...(elderId ? { elderId } : {}) });
    if (principal.elderId && (!elderId || elderId === principal.elderId)) where.push({ elderId: principal.elderId });
    if (where.length === 0) return [];
    const orders = await this.dataSource.getRepository(OrderEntity).find({ where, order: { createdAt: 'DESC' }, take: 50 });
    return Promise.all(orders.map((o) => this.view(o)));
  }

  /** Escalated orders waiting for a person, oldest first (the operator's queue). */
  async escalated(principal: Principal): Promise<OrderResponse[]> {
    const regions = await this.scope.regionIds(principal.userId);
    if (regions.length === 0) return [];
    const orders = await this.dataSource.getRepository(OrderEntity).find({ where: { status: 'escalated', regionId: In(regions) }, order: { updatedAt: 'ASC' }, take: 100 });
    return Promise.all(orders.map((o) => this.view(o)));
  }

  /** Free until someone accepts; after that the provider's cancellation policy sets the fee. */
  async cancel(principal: Principal, orderId: string, dto: CancelOrderDto): Promise<OrderResponse> {
    const actor = principal.roles.includes(Role.OPERATOR) && !(await this.isFamilyOf(principal, orderId)) ? 'operator' : 'family';
    await this.requireVisible(principal, orderId);
    await this.dataSource.transaction(async (m) => {
      const order = await this.lock(m, orderId);
      const provider = order.providerId ? await m.getRepository(ProviderEntity).findOneBy({ id: order.providerId }) : null;
      const fee = provider ? cancellationFee(order.status, order.payFen, { afterAcceptFeeFen: provider.cancelAfterAcceptFeeFen, afterDeparturePercent: provider.cancelAfterDeparturePercent }) : 0;
      const note = fee > 0 ? `${dto.reason}（按机构规定收取取消费 ${(fee / 100).toFixed(2)} 元）` : dto.reason;
      await this.transitions.move(m, order, 'cancelled', actor, principal.userId, note, { cancelReason: dto.reason, cancelFeeFen: fee });
      await this.dispatcher.withdrawOpenOffers(m, order.id);
      await this.subsidies.reverse(m, { sourceType: 'order', sourceId: order.id });
      await this.timebank.refund(m, order.id);
    });
    await this.dispatcher.afterCommit({ orderId, statuses: ['cancelled'], offerExpiries: [] });
    return this.get(principal, orderId);
  }

  async depart(principal: Principal, orderId: string): Promise<OrderResponse> {
    const me = await this.staff.requireStaff(principal);
    await this.dataSource.transaction(async (m) => {
      const order = await this.lockAssigned(m, orderId, me.id);
      await this.transitions.move(m, order, 'en_route', 'staff', principal.userId, `${me.name} 已出发`);
    });
    await this.dispatcher.afterCommit({ orderId, statuses: ['en_route'], offerExpiries: [] });
    return this.view(await this.dataSource.getRepository(OrderEntity).findOneByOrFail({ id: orderId }));
  }

  /** Check-in is geofenced: farther than the allowed distance needs a reason and is flagged for review. */
  async checkIn(principal: Principal, orderId: string, dto: CheckInDto): Promise<OrderResponse> {
    const me = await this.staff.requireStaff(principal);
    await this.dataSource.transaction(async (m) => {
      const order = await this.lockAssigned(m, orderId, me.id);
      if (!dto.location && !dto.overrideReason) {
        throw new DomainError(ErrorCode.VALIDATION_FAILED, 'location: 无法获取位置时，请填写原因后签到', { fields: [{ field: 'location', message: '无法获取位置时请填写原因' }] });
      }
      // Without a position fix the check-in is accepted with the reason and flagged like a far one.
      const distance = dto.location ? Math.round(distanceMeters(dto.location, { lat: order.lat, lng: order.lng })) : -1;
      const tooFar = distance < 0 || distance > this.config.checkInRadiusM;
      if (tooFar && !dto.overrideReason) {
        throw new DomainError(
          ErrorCode.CHECK_IN_TOO_FAR,
          `您距服务地址约 ${distance} 米，超出 ${this.config.checkInRadiusM} 米签到范围。如定位不准，请填写原因后签到`,
          { distanceMeters: distance, allowedMeters: this.config.checkInRadiusM },
        );
      }
      const now = this.clock.now();
      const note = distance < 0 ? `无法定位签到：${dto.overrideReason}` : tooFar ? `超范围签到（${distance} 米）：${dto.overrideReason}` : `${me.name} 已到达`;
      await this.transitions.move(m, order, 'in_service', 'staff', principal.userId, note, { checkedInAt: now });
      await m.getRepository(ServiceRecordEntity).save({
        orderId, staffId: me.id, checkInAt: now, checkInLat: dto.location?.lat ?? order.lat, checkInLng: dto.location?.lng ?? order.lng, checkInDistanceM: Math.max(distance, 0),
        overrideReason: tooFar ? dto.overrideReason! : null, flagged: tooFar, checkOutAt: null, tasks: null, notes: null, durationMinutes: null,
      });
    });
    await this.dispatcher.afterCommit({ orderId, statuses: ['in_service'], offerExpiries: [] });
    return this.view(await this.dataSource.getRepository(OrderEntity).findOneByOrFail({ id: orderId }));
  }

  async checkOut(principal: Principal, orderId: string, dto: CheckOutDto): Promise<OrderResponse> {
    const me = await this.staff.requireStaff(principal);
    await this.dataSource.transaction(async (m) => {
      const order = await this.lockAssigned(m, orderId, me.id);
      const now = this.clock.now();
      const record = await m.getRepository(ServiceRecordEntity).findOneBy({ orderId });
      const minutes = record ? Math.max(1, Math.ceil((now.getTime() - record.checkInAt.getTime()) / 60_000)) : 0;
      if (order.serviceCode === 'visit' && !dto.visitForm) {
        throw new DomainError(ErrorCode.VALIDATION_FAILED, 'visitForm: 探访需要填写探访记录（老人近况、需求、是否需要跟进）', { fields: [{ field: 'visitForm', message: '请填写探访记录' }] });
      }
      // The same share the month's statement flags by (policy statement_checks), so a short service is explained and flagged when it happens.
      const share = await this.shortServiceShare(order.regionId, now, m);
      const short = !!record && minutes < order.durationMinutes * share;
      const shortReason = dto.shortReason?.trim() || null;
      if (short && !shortReason) {
        const message = `实际服务 ${minutes} 分钟，不足预约时长 ${order.durationMinutes} 分钟的 ${Math.round(share * 100)}%，请填写原因后再签退`;
        throw new DomainError(ErrorCode.VALIDATION_FAILED, `shortReason: ${message}`, { fields: [{ field: 'shortReason', message }], servedMinutes: minutes, bookedMinutes: order.durationMinutes });
      }
      const note = short ? `服务完成，用时 ${minutes} 分钟（不足预约的 ${order.durationMinutes} 分钟，原因：${shortReason}）` : `服务完成，用时 ${minutes} 分钟`;
      await this.transitions.move(m, order, 'completed', 'staff', principal.userId, note, { completedAt: now });
      await m.getRepository(ServiceRecordEntity).update({ orderId }, {
        checkOutAt: now, tasks: dto.tasks, notes: dto.notes ?? null, durationMinutes: minutes, visitForm: dto.visitForm ?? null, shortReason: short ? shortReason : null,
      });
      if (dto.visitForm?.followUp) {
        await m.query('INSERT IGNORE INTO follow_up_tasks (id, order_id, elder_id, note) VALUES (UUID(), ?, ?, ?)', [order.id, order.elderId, dto.visitForm.followUpNote ?? dto.visitForm.needs.join('、') ?? '需跟进']);
      }
      // 以服务换养老: a volunteer earns the minutes actually served, at most the booked duration, once per job.
      if (me.isVolunteer && me.userId) await this.timebank.earn(m, me.userId, order.id, Math.min(minutes, order.durationMinutes), `完成服务：${SERVICE_LABELS[order.serviceCode]}`);
    });
    await this.dispatcher.afterCommit({ orderId, statuses: ['completed'], offerExpiries: [] });
    return this.view(await this.dataSource.getRepository(OrderEntity).findOneByOrFail({ id: orderId }));
  }

  private async shortServiceShare(regionId: string | null, at: Date, m: EntityManager): Promise<number> {
    const policy = regionId ? await this.regions.policyInForce(regionId, 'statement_checks', at, m) : null;
    return (policy?.rules as StatementChecksRules | undefined)?.shortServiceShare ?? DEFAULT_SHORT_SERVICE_SHARE;
  }

  async rate(principal: Principal, orderId: string, dto: RateOrderDto): Promise<OrderResponse> {
    await this.requireFamily(principal, orderId);
    await this.dataSource.transaction(async (m) => {
      const order = await this.lock(m, orderId);
      await this.transitions.move(m, order, 'rated', 'family', principal.userId, `${dto.stars} 星`, { ratingStars: dto.stars, ratingTags: dto.tags, ratingComment: dto.comment ?? null });
      if (order.staffId) {
        await m.query(
          `UPDATE provider_staff SET rating_x100 = (SELECT ROUND(AVG(rating_stars) * 100) FROM orders WHERE staff_id = ? AND rating_stars IS NOT NULL) WHERE id = ?`,
          [order.staffId, order.staffId],
        );
      }
    });
    await this.dispatcher.afterCommit({ orderId, statuses: ['rated'], offerExpiries: [] });
    return this.get(principal, orderId);
  }

  /** The family (household members) and operators see an order; anyone else gets 404. */
  async requireVisible(principal: Principal, orderId: string): Promise<OrderEntity> {
    const order = await this.dataSource.getRepository(OrderEntity).findOneBy({ id: orderId });
    if (order && (order.elderId === principal.elderId || (await this.isMember(principal.userId, order.householdId)))) return order;
    if (order && principal.roles.includes(Role.OPERATOR) && order.regionId && (await this.scope.regionIds(principal.userId)).includes(order.regionId)) return order;
    throw new DomainError(ErrorCode.ORDER_NOT_FOUND, '未找到该订单');
  }

  private async requireFamily(principal: Principal, orderId: string): Promise<OrderEntity> {
    const order = await this.dataSource.getRepository(OrderEntity).findOneBy({ id: orderId });
    if (order && (await this.isMember(principal.userId, order.householdId))) return order;
    throw new DomainError(ErrorCode.ORDER_NOT_FOUND, '未找到该订单');
  }

  private async isFamilyOf(principal: Principal, orderId: string): Promise<boolean> {
    const order = await this.dataSource.getRepository(OrderEntity).findOneBy({ id: orderId });
    return !!order && (await this.isMember(principal.userId, order.householdId));
  }

  private async isMember(userId: string, householdId: string): Promise<boolean> {
    return (await this.dataSource.getRepository(HouseholdMemberEntity).countBy({ userId, householdId })) > 0;
  }

  private async lock(m: EntityManager, orderId: string): Promise<OrderEntity> {
    const order = await m.getRepository(OrderEntity).findOne({ where: { id: orderId }, lock: { mode: 'pessimistic_write' } });
    if (!order) throw new DomainError(ErrorCode.ORDER_NOT_FOUND, '未找到该订单');
    return order;
  }

  /** Staff act only on jobs assigned to them; another staff member's job is not found. */
  private async lockAssigned(m: EntityManager, orderId: string, staffId: string): Promise<OrderEntity> {
    const order = await this.lock(m, orderId);
    if (order.staffId !== staffId) throw new DomainError(ErrorCode.ORDER_NOT_FOUND, '未找到该订单');
    return order;
  }

  private async findReplay(userId: string, key: string, requestHash: string): Promise<OrderEntity | null> {
    const existing = await this.dataSource.getRepository(OrderEntity).findOneBy({ createdBy: userId, idempotencyKey: key });
    if (existing && existing.requestHash !== requestHash) throw idempotencyKeyReused();
    return existing;
  }

  private validateWindow(dto: CreateOrderDto, urgent: boolean, durationMinutes: number, now: Date): { start: Date; end: Date } | null {
    const fail = (field: string, message: string) => new DomainError(ErrorCode.VALIDATION_FAILED, `${field}: ${message}`, { fields: [{ field, message }] });
    if (!dto.windowStart && !dto.windowEnd) return null;
    if (urgent) throw fail('windowStart', '助急服务会立即派单，不能预约时间');
    if (!dto.windowStart || !dto.windowEnd) throw fail(dto.windowStart ? 'windowEnd' : 'windowStart', '预约时间需要同时填写开始和结束');
    const start = new Date(dto.windowStart);
    const end = new Date(dto.windowEnd);
    if (start.getTime() < now.getTime() - 60_000) throw fail('windowStart', '预约开始时间已经过去');
    if (start.getTime() > now.getTime() + MAX_DAYS_AHEAD * 86_400_000) throw fail('windowStart', `最多可预约 ${MAX_DAYS_AHEAD} 天内的服务`);
    if (end.getTime() - start.getTime() < durationMinutes * 60_000) throw fail('windowEnd', `预约时段至少需要 ${durationMinutes} 分钟`);
    return { start, end };
  }

  async view(o: OrderEntity): Promise<OrderResponse> {
    const elder = await this.dataSource.getRepository(ElderEntity).findOne({ where: { id: o.elderId }, withDeleted: true, select: { id: true, name: true } });
    const events = await this.dataSource.getRepository(OrderEventEntity).find({ where: { orderId: o.id }, order: { id: 'ASC' } });
    const record = ['in_service', 'completed', 'rated'].includes(o.status) ? await this.dataSource.getRepository(ServiceRecordEntity).findOneBy({ orderId: o.id }) : null;
    let staff: OrderResponse['staff'] = null;
    let staffDistanceMeters: number | null = null;
    if (o.staffId) {
      const s = await this.dataSource.getRepository(ProviderStaffEntity).findOneByOrFail({ id: o.staffId });
      const provider = await this.dataSource.getRepository(ProviderEntity).findOneByOrFail({ id: s.providerId });
      const certs = await this.dataSource.getRepository(StaffCertificateEntity).findBy({ staffId: s.id });
      const phone = this.cipher.decryptNullable(s.phoneEnc);
      staff = {
        id: s.id, name: s.name, providerName: provider.name, ratingX100: s.ratingX100, photoUrl: null,
        certificates: certs.map((c) => ({ type: c.type, label: CERTIFICATE_LABELS[c.type], expiresOn: c.expiresOn })),
        phoneMasked: phone ? maskPhone(phone) : null,
        providerPhone: provider.phone,
      };
      if (o.status === 'accepted' || o.status === 'en_route') {
        const pos = await this.positions.position(s.id).catch(() => null);
        if (pos) staffDistanceMeters = Math.round(distanceMeters(pos, { lat: o.lat, lng: o.lng }));
      }
    }
    return {
      id: o.id, householdId: o.householdId, elderId: o.elderId, elderName: elder?.name ?? '', serviceCode: o.serviceCode,
      serviceName: SERVICE_LABELS[o.serviceCode], status: o.status, statusLabel: ORDER_STATUS_LABELS[o.status as OrderStatus],
      urgent: o.urgent, asap: o.windowStart === null, windowStart: o.windowStart?.toISOString() ?? null, windowEnd: o.windowEnd?.toISOString() ?? null,
      address: o.address, location: { lat: o.lat, lng: o.lng }, notes: o.notes,
      price: { priceFen: o.priceFen, subsidyFen: o.subsidyFen, payFen: o.payFen, subsidyNote: o.subsidyNote },
      cancelFeeFen: o.cancelFeeFen, staff, staffDistanceMeters,
      events: events.map((e) => ({ status: e.status, label: ORDER_STATUS_LABELS[e.status], note: e.note, at: e.createdAt.toISOString() })),
      rating: o.ratingStars ? { stars: o.ratingStars, tags: o.ratingTags ?? [], comment: o.ratingComment } : null,
      serviceRecord: record?.checkOutAt ? { tasks: record.tasks ?? [], notes: record.notes, durationMinutes: record.durationMinutes ?? 0, shortReason: record.shortReason } : null,
      consent: await this.consentOf(o.id),
      elderConfirmDeadline: o.elderConfirmDeadline?.toISOString() ?? null,
      timebankMinutes: o.timebankMinutes,
      createdAt: o.createdAt.toISOString(),
    };
  }
}
