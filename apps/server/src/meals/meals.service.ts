import {
  dietaryClashes,
  distanceMeters,
  ErrorCode,
  MEAL_BOOKING_STATUS_LABELS,
  MEAL_MODE_LABELS,
  MEAL_PERIOD_LABELS,
  OutboxEvent,
  ProviderKind,
  shanghaiClock,
  shanghaiDate,
  shanghaiMonth,
  type CanteenDayView,
  type CanteenView,
  type DietaryNeed,
  type MealBookingStatus,
  type MealBookingView,
  type MealFiguresView,
  type MealMode,
  type MealSlotView,
} from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource, In, IsNull, LessThanOrEqual, type EntityManager } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { idempotencyKeyReused, requestHash, requireIdempotencyKey } from '../common/idempotency.js';
import { Dispatcher } from '../dispatch/dispatcher.service.js';
import { ElderEntity } from '../households/entities/elder.entity.js';
import { HouseholdAccess } from '../households/household-access.service.js';
import { HouseholdMemberEntity } from '../households/entities/household-member.entity.js';
import { OrdersService } from '../orders/orders.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { ProviderEntity } from '../providers/entities/provider.entity.js';
import { ProvidersService } from '../providers/providers.service.js';
import { SubsidiesService } from '../subsidies/subsidies.service.js';
import type { CanteenSettingsDto, CreateMealBookingDto, PublishMenuDto } from './dto/meal.dto.js';
import { CanteenSettingsEntity, DishEntity, MealBookingEntity, MealBookingItemEntity, MealSlotEntity } from './entities/meal.entities.js';

const CAPACITY_COLUMN: Record<MealMode, { booked: string; cap: string }> = {
  dine_in: { booked: 'booked_dine_in', cap: 'cap_dine_in' },
  pickup: { booked: 'booked_pickup', cap: 'cap_pickup' },
  delivery: { booked: 'booked_delivery', cap: 'cap_delivery' },
};
const MAX_DAYS_AHEAD = 14;
const MODE_ORDER: MealMode[] = ['dine_in', 'pickup', 'delivery'];
const SUBSIDY_SERVICE = 'meal';

/** 老年助餐: canteens publish menus, families book within capacity, cut-off turns deliveries into dispatch jobs. */
@Injectable()
export class MealsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: HouseholdAccess,
    private readonly providers: ProvidersService,
    private readonly subsidies: SubsidiesService,
    private readonly orders: OrdersService,
    private readonly dispatcher: Dispatcher,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  // ---- canteen side ---------------------------------------------------------------------------

  async configure(principal: Principal, canteenId: string, dto: CanteenSettingsDto): Promise<CanteenView> {
    await this.providers.requireProviderMember(principal, canteenId, ProviderKind.CANTEEN);
    const periods = new Set(dto.periods.map((p) => p.period));
    if (periods.size !== dto.periods.length) throw fieldError('periods', '每个餐次只能设置一次');
    for (const [i, p] of dto.periods.entries()) {
      if (p.serveEnd <= p.serveStart) throw fieldError(`periods.${i}.serveEnd`, '结束时间应晚于开餐时间');
      if (p.cutoff > p.serveStart) throw fieldError(`periods.${i}.cutoff`, '截止时间不能晚于开餐时间');
    }
    await this.dataSource.getRepository(CanteenSettingsEntity).save({
      providerId: canteenId, openDays: dto.openDays, deliveryRadiusM: dto.deliveryRadiusMeters, deliveryFeeFen: dto.deliveryFeeFen, periods: dto.periods,
    });
    return this.canteenView(await this.dataSource.getRepository(ProviderEntity).findOneByOrFail({ id: canteenId }), null);
  }

  /** Publishes one day's menu for one period; the period's capacity comes from the canteen's settings. */
  async publishMenu(principal: Principal, canteenId: string, dto: PublishMenuDto): Promise<MealSlotView> {
    await this.providers.requireProviderMember(principal, canteenId, ProviderKind.CANTEEN);
    const settings = await this.dataSource.getRepository(CanteenSettingsEntity).findOneBy({ providerId: canteenId });
    if (!settings) throw fieldError('period', '请先设置食堂的营业时间和名额');
    const period = settings.periods.find((p) => p.period === dto.period);
    if (!period) throw fieldError('period', `食堂未设置${MEAL_PERIOD_LABELS[dto.period]}`);
    const today = shanghaiDate(this.clock.now());
    if (dto.date < today) throw fieldError('date', '不能发布过去日期的菜单');
    if (dto.date > addDays(today, MAX_DAYS_AHEAD)) throw fieldError('date', `最多提前 ${MAX_DAYS_AHEAD} 天发布菜单`);
    if (!settings.openDays.includes(isoWeekday(dto.date))) throw fieldError('date', '这一天食堂不营业');
    const slotId = await this.dataSource
      .transaction(async (m) => {
        const slot = await m.getRepository(MealSlotEntity).save({
          providerId: canteenId, date: dto.date, period: dto.period,
          serveStartAt: atShanghai(dto.date, period.serveStart), serveEndAt: atShanghai(dto.date, period.serveEnd), cutoffAt: atShanghai(dto.date, period.cutoff),
          capDineIn: period.capacity.dine_in, capPickup: period.capacity.pickup, capDelivery: period.capacity.delivery,
          bookedDineIn: 0, bookedPickup: 0, bookedDelivery: 0, cancelledAt: null, cancelReason: null, deliveryDispatchedAt: null,
        });
        await m.getRepository(DishEntity).insert(
          dto.dishes.map((d, i) => ({ slotId: slot.id, name: d.name, priceFen: d.priceFen, tags: d.tags, isSetMeal: d.isSetMeal ?? false, portionLimit: d.portionLimit ?? null, bookedPortions: 0, sort: i })),
        );
        return slot.id;
      })
      .catch((err: { code?: string }) => {
        if (err.code === 'ER_DUP_ENTRY') throw new DomainError(ErrorCode.MEAL_MENU_EXISTS, `${dto.date} 的${MEAL_PERIOD_LABELS[dto.period]}菜单已发布`);
        throw err;
      });
    return this.slotView(await this.dataSource.getRepository(MealSlotEntity).findOneByOrFail({ id: slotId }), null);
  }

  /** A canteen cancels a period (closure): every booking is cancelled and refunded in full, families are told. */
  async cancelSlot(principal: Principal, canteenId: string, slotId: string, reason: string): Promise<MealSlotView> {
    await this.providers.requireProviderMember(principal, canteenId, ProviderKind.CANTEEN);
    const deliveryOrders = await this.dataSource.transaction(async (m) => {
      const slot = await m.getRepository(MealSlotEntity).findOne({ where: { id: slotId, providerId: canteenId }, lock: { mode: 'pessimistic_write' } });
      if (!slot) throw new DomainError(ErrorCode.MEAL_SLOT_NOT_FOUND, '未找到该餐次');
      if (slot.cancelledAt) throw new DomainError(ErrorCode.MEAL_SLOT_CANCELLED, '该餐次已取消');
      const now = this.clock.now();
      await m.getRepository(MealSlotEntity).update({ id: slot.id }, { cancelledAt: now, cancelReason: reason });
      const bookings = await m.getRepository(MealBookingEntity).find({ where: { slotId, status: 'booked' }, lock: { mode: 'pessimistic_write' } });
      for (const b of bookings) {
        await m.getRepository(MealBookingEntity).update({ id: b.id }, { status: 'cancelled', cancelledAt: now, cancelReason: `食堂取消：${reason}`, refundFen: b.payFen });
        await this.subsidies.reverse(m, { sourceType: 'meal', sourceId: b.id });
        if (b.deliveryOrderId) await this.orders.cancelSystemJob(m, b.deliveryOrderId, `食堂取消本餐：${reason}`);
      }
      await this.outbox.add(m, OutboxEvent.MEAL_SLOT_CANCELLED, slot.id, { slotId: slot.id, reason });
      return bookings.filter((b) => b.deliveryOrderId).map((b) => b.deliveryOrderId!);
    });
    for (const orderId of deliveryOrders) await this.dispatcher.afterCommit({ orderId, statuses: ['cancelled'], offerExpiries: [] });
    await this.outbox.kick();
    return this.slotView(await this.dataSource.getRepository(MealSlotEntity).findOneByOrFail({ id: slotId }), null);
  }

  /**
   * At the cut-off a slot's delivery bookings become delivery jobs routed by the dispatch engine
   * to couriers and volunteers with the meal-delivery skill. Runs from a repeatable job; each slot once.
   */
  async dispatchDueDeliveries(): Promise<number> {
    const now = this.clock.now();
    const due = await this.dataSource.getRepository(MealSlotEntity).find({ where: { cutoffAt: LessThanOrEqual(now), deliveryDispatchedAt: IsNull(), cancelledAt: IsNull() }, take: 50 });
    let jobs = 0;
    for (const candidate of due) {
      const created = await this.dataSource.transaction(async (m) => {
        const slot = await m.getRepository(MealSlotEntity).findOne({ where: { id: candidate.id }, lock: { mode: 'pessimistic_write' } });
        if (!slot || slot.deliveryDispatchedAt || slot.cancelledAt) return [];
        await m.getRepository(MealSlotEntity).update({ id: slot.id }, { deliveryDispatchedAt: now });
        const canteen = await m.getRepository(ProviderEntity).findOneByOrFail({ id: slot.providerId });
        const bookings = await m.getRepository(MealBookingEntity).findBy({ slotId: slot.id, mode: 'delivery', status: 'booked' });
        const ids: string[] = [];
        for (const b of bookings) {
          const elder = await this.access.elderForSystem(m, b.elderId);
          const items = await this.itemsOf(m, [b.id]);
          const orderId = await this.orders.createSystemJob(m, {
            householdId: b.householdId, elderId: b.elderId, createdBy: b.createdBy, key: `meal-${b.id}`, serviceCode: 'meal_delivery',
            windowStart: slot.serveStartAt, windowEnd: slot.serveEndAt, address: elder.address, lat: elder.lat, lng: elder.lng, regionId: elder.regionId,
            notes: `${canteen.name} ${MEAL_PERIOD_LABELS[slot.period]}送餐：${(items.get(b.id) ?? []).map((i) => `${i.name}×${i.quantity}`).join('、')}，取餐码 ${b.pickupCode}`,
          });
          await m.getRepository(MealBookingEntity).update({ id: b.id }, { deliveryOrderId: orderId });
          ids.push(orderId);
        }
        return ids;
      });
      for (const orderId of created) await this.dispatcher.scheduleDispatch(orderId);
      jobs += created.length;
    }
    if (jobs) await this.outbox.kick();
    return jobs;
  }

  async canteenDay(principal: Principal, canteenId: string, date?: string): Promise<CanteenDayView> {
    await this.providers.requireProviderMember(principal, canteenId, ProviderKind.CANTEEN);
    const day = date ?? shanghaiDate(this.clock.now());
    const slots = await this.dataSource.getRepository(MealSlotEntity).find({ where: { providerId: canteenId, date: day }, order: { serveStartAt: 'ASC' } });
    const periods = [];
    for (const slot of slots) {
      // Staff work through the lists by mode: dine-in first, then pick-up, then delivery.
      const bookings = (await this.dataSource.getRepository(MealBookingEntity).find({ where: { slotId: slot.id }, order: { createdAt: 'ASC', id: 'ASC' } }))
        .sort((a, b) => MODE_ORDER.indexOf(a.mode) - MODE_ORDER.indexOf(b.mode));
      const live = bookings.filter((b) => b.status !== 'cancelled');
      const items = await this.itemsOf(this.dataSource.manager, live.map((b) => b.id));
      const counts = new Map<string, { dishId: string; name: string; quantity: number }>();
      for (const list of items.values()) for (const i of list) counts.set(i.dishId, { dishId: i.dishId, name: i.name, quantity: (counts.get(i.dishId)?.quantity ?? 0) + i.quantity });
      const names = await this.elderNames(bookings.map((b) => b.elderId));
      const orderStatus = await this.deliveryStatuses(bookings);
      periods.push({
        slotId: slot.id, period: slot.period, cancelled: !!slot.cancelledAt, dishCounts: [...counts.values()],
        bookings: bookings.map((b) => ({ id: b.id, elderName: names.get(b.elderId) ?? '', mode: b.mode, status: effectiveStatus(b, orderStatus), pickupCode: b.pickupCode, deliveryOrderStatus: b.deliveryOrderId ? orderStatus.get(b.deliveryOrderId) ?? null : null })),
      });
    }
    return { canteenId, date: day, periods };
  }

  /** Dine-in served, or picked up by its code: recorded by canteen staff. */
  async fulfil(principal: Principal, canteenId: string, how: { bookingId?: string; code?: string; slotId?: string }): Promise<MealBookingView> {
    await this.providers.requireProviderMember(principal, canteenId, ProviderKind.CANTEEN);
    const repo = this.dataSource.getRepository(MealBookingEntity);
    const booking = how.bookingId ? await repo.findOneBy({ id: how.bookingId }) : await repo.findOneBy({ slotId: how.slotId!, pickupCode: how.code! });
    const slot = booking ? await this.dataSource.getRepository(MealSlotEntity).findOneBy({ id: booking.slotId }) : null;
    if (!booking || !slot || slot.providerId !== canteenId) throw new DomainError(ErrorCode.MEAL_BOOKING_NOT_FOUND, how.code ? '取餐码不存在，请核对' : '未找到该订餐');
    if (booking.mode === 'delivery') throw new DomainError(ErrorCode.CONFLICT, '送餐上门的订餐由配送员送达后自动记录');
    const to: MealBookingStatus = booking.mode === 'dine_in' ? 'served' : 'picked_up';
    const done = await repo.update({ id: booking.id, status: 'booked' }, { status: to, fulfilledAt: this.clock.now() });
    if (done.affected !== 1) throw new DomainError(ErrorCode.CONFLICT, `该订餐当前为「${MEAL_BOOKING_STATUS_LABELS[booking.status]}」，无需重复登记`);
    return this.bookingView(await repo.findOneByOrFail({ id: booking.id }));
  }

  // ---- family side ----------------------------------------------------------------------------

  /** Canteens nearest the elder first, with whether they deliver there. */
  async canteens(principal: Principal, elderId?: string): Promise<CanteenView[]> {
    const elder = elderId ? await this.access.requireElder(principal, elderId) : null;
    const canteens = await this.dataSource.getRepository(ProviderEntity).findBy({ kind: ProviderKind.CANTEEN, status: 'approved' });
    const views = await Promise.all(canteens.map((c) => this.canteenView(c, elder)));
    return views.filter((v) => v.periods.length > 0).sort((a, b) => (a.distanceMeters ?? 0) - (b.distanceMeters ?? 0));
  }

  /** A week of periods from `from`, with what is left per mode and per dish, and dietary clashes for the elder. */
  async slots(principal: Principal, canteenId: string, from?: string, elderId?: string): Promise<MealSlotView[]> {
    const canteen = await this.dataSource.getRepository(ProviderEntity).findOneBy({ id: canteenId, kind: ProviderKind.CANTEEN });
    if (!canteen) throw new DomainError(ErrorCode.CANTEEN_NOT_FOUND, '未找到该食堂');
    const elder = elderId ? await this.access.requireElder(principal, elderId) : null;
    const start = from ?? shanghaiDate(this.clock.now());
    const slots = await this.dataSource.getRepository(MealSlotEntity).createQueryBuilder('s')
      .where('s.provider_id = :canteenId AND s.date >= :start AND s.date < :end', { canteenId, start, end: addDays(start, 7) })
      .orderBy('s.serve_start_at', 'ASC').getMany();
    return Promise.all(slots.map((s) => this.slotView(s, elder, canteen.name)));
  }

  /**
   * Books a meal. Capacity per period and mode, and per dish where a portion limit is set, is
   * taken by conditional UPDATEs in one transaction: concurrent bookings for the last places
   * confirm exactly as many as there are.
   */
  async book(principal: Principal, key: string | undefined, dto: CreateMealBookingDto): Promise<{ booking: MealBookingView; replayed: boolean }> {
    requireIdempotencyKey(key);
    const hash = requestHash(dto);
    const replay = await this.findReplay(principal.userId, key!, hash);
    if (replay) return { booking: await this.bookingView(replay), replayed: true };
    const { elder, slot, settings, byId } = await this.prepare(principal, dto);
    const now = this.clock.now();

    let bookingId: string;
    try {
      bookingId = await this.dataSource.transaction(async (m) => {
        const locked = await m.getRepository(ElderEntity).findOne({ where: { id: elder.id }, lock: { mode: 'pessimistic_write' } });
        // One meal per elder per period (at any canteen): a second booking would also draw a second subsidy. The elder's row lock serialises this check.
        const [held] = await m.query(
          `SELECT b.id, b.mode, b.pickup_code, p.name AS canteen FROM meal_bookings b JOIN meal_slots s ON s.id = b.slot_id JOIN providers p ON p.id = s.provider_id
            WHERE b.elder_id = ? AND b.status <> 'cancelled' AND s.date = ? AND s.period = ? LIMIT 1`,
          [elder.id, slot.date, slot.period],
        );
        if (held) {
          throw new DomainError(
            ErrorCode.MEAL_ALREADY_BOOKED,
            `${elder.name}已订了 ${slot.date} 的${MEAL_PERIOD_LABELS[slot.period]}（${held.canteen}，${MEAL_MODE_LABELS[held.mode as MealMode]}，取餐码 ${held.pickup_code}），同一餐只能订一份；如需更改请先取消原订单`,
            { existingBookingId: held.id },
          );
        }
        const col = CAPACITY_COLUMN[dto.mode];
        const taken = await m.query(`UPDATE meal_slots SET ${col.booked} = ${col.booked} + 1 WHERE id = ? AND ${col.booked} < ${col.cap} AND cancelled_at IS NULL`, [slot.id]);
        if (taken.affectedRows !== 1) throw new SlotFull();
        for (const item of dto.items) {
          const dish = byId.get(item.dishId)!;
          const portions = await m.query(`UPDATE dishes SET booked_portions = booked_portions + ? WHERE id = ? AND (portion_limit IS NULL OR booked_portions + ? <= portion_limit)`, [item.quantity, dish.id, item.quantity]);
          if (portions.affectedRows !== 1) throw new DomainError(ErrorCode.MEAL_DISH_SOLD_OUT, `「${dish.name}」已售罄或剩余份数不足`, { dishId: dish.id });
        }
        const priceFen = dto.items.reduce((sum, i) => sum + byId.get(i.dishId)!.priceFen * i.quantity, 0);
        const deliveryFeeFen = dto.mode === 'delivery' ? settings.deliveryFeeFen : 0;
        const quote = await this.subsidies.quote(m, locked!, SUBSIDY_SERVICE, priceFen, now, deliveryFeeFen);
        const clashes = dto.items
          .map((i) => ({ dishName: byId.get(i.dishId)!.name, needs: dietaryClashes(elder.dietaryNeeds as DietaryNeed[], byId.get(i.dishId)!.tags) }))
          .filter((c) => c.needs.length > 0);
        const booking = await m.getRepository(MealBookingEntity).save({
          householdId: elder.householdId, elderId: elder.id, createdBy: principal.userId, idempotencyKey: key!, requestHash: hash, slotId: slot.id, mode: dto.mode,
          status: 'booked', pickupCode: await this.freeCode(m, slot.id), priceFen: quote.priceFen, deliveryFeeFen, subsidyFen: quote.subsidyFen, payFen: quote.payFen,
          subsidyNote: quote.subsidyNote, policyId: quote.policyId, policyVersion: quote.policyVersion, refundFen: 0, dietaryClashes: clashes,
          deliveryOrderId: null, cancelledAt: null, cancelReason: null, fulfilledAt: null, createdAt: now,
        });
        await m.getRepository(MealBookingItemEntity).insert(dto.items.map((i) => ({ bookingId: booking.id, dishId: i.dishId, quantity: i.quantity, priceFen: byId.get(i.dishId)!.priceFen })));
        await this.subsidies.grantDemandSide(m, locked!, { sourceType: 'meal', sourceId: booking.id, service: SUBSIDY_SERVICE }, quote);
        return booking.id;
      });
    } catch (err) {
      // Looked up after the rollback: a query on another connection inside the transaction could starve the pool.
      if (err instanceof SlotFull) {
        throw new DomainError(ErrorCode.MEAL_SLOT_FULL, `${MEAL_PERIOD_LABELS[slot.period]}${MEAL_MODE_LABELS[dto.mode]}已订满`, { next: await this.nextWithRoom(slot, dto.mode) });
      }
      if ((err as { code?: string }).code === 'ER_DUP_ENTRY') {
        const raced = await this.findReplay(principal.userId, key!, hash);
        if (raced) return { booking: await this.bookingView(raced), replayed: true };
      }
      throw err;
    }
    return { booking: await this.bookingView(await this.dataSource.getRepository(MealBookingEntity).findOneByOrFail({ id: bookingId })), replayed: false };
  }

  /** What a booking would cost (price, delivery fee, subsidy, what is paid) and its dietary clashes; nothing is written. */
  async quote(principal: Principal, dto: CreateMealBookingDto): Promise<{ priceFen: number; subsidyFen: number; payFen: number; subsidyNote: string; deliveryFeeFen: number; dietaryClashes: { dishName: string; needs: string[] }[] }> {
    const { elder, settings, byId } = await this.prepare(principal, dto);
    const priceFen = dto.items.reduce((sum, i) => sum + byId.get(i.dishId)!.priceFen * i.quantity, 0);
    const deliveryFeeFen = dto.mode === 'delivery' ? settings.deliveryFeeFen : 0;
    const q = await this.subsidies.quote(this.dataSource.manager, elder, SUBSIDY_SERVICE, priceFen, this.clock.now(), deliveryFeeFen);
    const dietary = dto.items
      .map((i) => ({ dishName: byId.get(i.dishId)!.name, needs: dietaryClashes(elder.dietaryNeeds as DietaryNeed[], byId.get(i.dishId)!.tags) }))
      .filter((c) => c.needs.length > 0);
    return { priceFen: q.priceFen, subsidyFen: q.subsidyFen, payFen: q.payFen, subsidyNote: q.subsidyNote, deliveryFeeFen, dietaryClashes: dietary };
  }

  /** Checks a booking request against the slot, the cut-off, the delivery radius and the menu. */
  private async prepare(principal: Principal, dto: CreateMealBookingDto) {
    // The family, or the elder's own login (长辈版 self-order).
    const elder = await this.access.requireElder(principal, dto.elderId);
    const slot = await this.dataSource.getRepository(MealSlotEntity).findOneBy({ id: dto.slotId });
    if (!slot) throw new DomainError(ErrorCode.MEAL_SLOT_NOT_FOUND, '未找到该餐次', { fields: [{ field: 'slotId', message: '未找到该餐次' }] });
    const now = this.clock.now();
    if (slot.cancelledAt) throw new DomainError(ErrorCode.MEAL_SLOT_CANCELLED, `食堂已取消这一餐：${slot.cancelReason ?? ''}`, { next: await this.nextWithRoom(slot, dto.mode) });
    if (now >= slot.cutoffAt) throw new DomainError(ErrorCode.MEAL_CUTOFF_PASSED, `已过${MEAL_PERIOD_LABELS[slot.period]}的预订截止时间（${shanghaiClock(slot.cutoffAt)}）`, { next: await this.nextWithRoom(slot, dto.mode) });
    const settings = await this.dataSource.getRepository(CanteenSettingsEntity).findOneByOrFail({ providerId: slot.providerId });
    const canteen = await this.dataSource.getRepository(ProviderEntity).findOneByOrFail({ id: slot.providerId });
    if (dto.mode === 'delivery') {
      const distance = Math.round(distanceMeters({ lat: elder.lat, lng: elder.lng }, { lat: canteen.lat, lng: canteen.lng }));
      if (distance > settings.deliveryRadiusM) {
        throw new DomainError(ErrorCode.MEAL_OUT_OF_DELIVERY_RANGE, `老人住址离食堂约 ${distance} 米，超出 ${settings.deliveryRadiusM} 米送餐范围，请选择堂食或自取`, { distanceMeters: distance });
      }
    }
    const dishes = await this.dataSource.getRepository(DishEntity).findBy({ slotId: slot.id, id: In(dto.items.map((i) => i.dishId)) });
    const byId = new Map(dishes.map((d) => [d.id, d]));
    for (const [i, item] of dto.items.entries()) if (!byId.has(item.dishId)) throw fieldError(`items.${i}.dishId`, '这道菜不在本餐菜单上');
    if (new Set(dto.items.map((i) => i.dishId)).size !== dto.items.length) throw fieldError('items', '同一道菜请合并份数');
    return { elder, slot, settings, canteen, byId };
  }

  /** Until the cut-off a cancellation gives the place (and the dish portions, and the subsidy) back. */
  async cancel(principal: Principal, bookingId: string, reason: string): Promise<MealBookingView> {
    const existing = await this.requireFamilyBooking(principal, bookingId);
    await this.dataSource.transaction(async (m) => {
      const booking = await m.getRepository(MealBookingEntity).findOne({ where: { id: existing.id }, lock: { mode: 'pessimistic_write' } });
      if (!booking || booking.status !== 'booked') throw new DomainError(ErrorCode.CONFLICT, `该订餐当前为「${MEAL_BOOKING_STATUS_LABELS[booking?.status ?? 'cancelled']}」，不能取消`);
      const slot = await m.getRepository(MealSlotEntity).findOneByOrFail({ id: booking.slotId });
      if (this.clock.now() >= slot.cutoffAt) throw new DomainError(ErrorCode.MEAL_CUTOFF_PASSED, `已过预订截止时间（${shanghaiClock(slot.cutoffAt)}），订餐已锁定，不能取消`);
      const col = CAPACITY_COLUMN[booking.mode];
      await m.query(`UPDATE meal_slots SET ${col.booked} = ${col.booked} - 1 WHERE id = ? AND ${col.booked} > 0`, [slot.id]);
      for (const item of await m.getRepository(MealBookingItemEntity).findBy({ bookingId: booking.id })) {
        await m.query('UPDATE dishes SET booked_portions = booked_portions - ? WHERE id = ? AND booked_portions >= ?', [item.quantity, item.dishId, item.quantity]);
      }
      await m.getRepository(MealBookingEntity).update({ id: booking.id }, { status: 'cancelled', cancelledAt: this.clock.now(), cancelReason: reason, refundFen: booking.payFen });
      await this.subsidies.reverse(m, { sourceType: 'meal', sourceId: booking.id });
    });
    return this.bookingView(await this.dataSource.getRepository(MealBookingEntity).findOneByOrFail({ id: bookingId }));
  }

  async listMine(principal: Principal, elderId?: string): Promise<MealBookingView[]> {
    if (elderId) await this.access.requireElder(principal, elderId);
    const memberships = await this.dataSource.getRepository(HouseholdMemberEntity).findBy({ userId: principal.userId });
    const visible = [
      ...(memberships.length ? [{ householdId: In(memberships.map((m) => m.householdId)), ...(elderId ? { elderId } : {}) }] : []),
      // An elder's own login sees their own meals.
      ...(principal.elderId && (!elderId || elderId === principal.elderId) ? [{ elderId: principal.elderId }] : []),
    ];
    if (visible.length === 0) return [];
    const where = visible;
    const rows = await this.dataSource.getRepository(MealBookingEntity).find({ where, order: { createdAt: 'DESC' }, take: 50 });
    return Promise.all(rows.map((b) => this.bookingView(b)));
  }

  async get(principal: Principal, bookingId: string): Promise<MealBookingView> {
    const booking = await this.dataSource.getRepository(MealBookingEntity).findOneBy({ id: bookingId });
    if (booking) {
      await this.access.requireElder(principal, booking.elderId).catch(() => {
        throw new DomainError(ErrorCode.MEAL_BOOKING_NOT_FOUND, '未找到该订餐');
      });
      return this.bookingView(booking);
    }
    throw new DomainError(ErrorCode.MEAL_BOOKING_NOT_FOUND, '未找到该订餐');
  }

  // ---- figures for the operator's dashboard (老年助餐服务日均供餐能力) ------------------------------

  /** Per canteen in the given regions (all canteens when no regions are given, e.g. the district KPI). */
  async figures(month?: string, regionIds?: string[]): Promise<MealFiguresView> {
    const m = month ?? shanghaiMonth(this.clock.now());
    if (regionIds && regionIds.length === 0) return { month: m, canteens: [] };
    const inRegions = regionIds ? `AND p.region_id IN (${regionIds.map(() => '?').join(',')})` : '';
    const rows: { provider_id: string; name: string; period: 'lunch' | 'dinner'; days: string; capacity: string; booked: string; served: string }[] = await this.dataSource.query(
      `SELECT s.provider_id, p.name, s.period, COUNT(DISTINCT s.date) AS days,
              SUM(s.cap_dine_in + s.cap_pickup + s.cap_delivery) AS capacity,
              SUM(s.booked_dine_in + s.booked_pickup + s.booked_delivery) AS booked,
              (SELECT COUNT(*) FROM meal_bookings b JOIN meal_slots s2 ON s2.id = b.slot_id LEFT JOIN orders o ON o.id = b.delivery_order_id
                WHERE s2.provider_id = s.provider_id AND s2.period = s.period AND DATE_FORMAT(s2.date, '%Y-%m') = ?
                  AND (b.status IN ('served', 'picked_up', 'delivered') OR o.status IN ('completed', 'rated'))) AS served
         FROM meal_slots s JOIN providers p ON p.id = s.provider_id
        WHERE DATE_FORMAT(s.date, '%Y-%m') = ? AND s.cancelled_at IS NULL ${inRegions}
        GROUP BY s.provider_id, p.name, s.period ORDER BY p.name, s.period`,
      [m, m, ...(regionIds ?? [])],
    );
    const subsidy: { provider_id: string; total: string }[] = await this.dataSource.query(
      `SELECT s.provider_id, SUM(l.amount_fen) AS total FROM subsidy_ledger l JOIN meal_bookings b ON b.id = l.source_id JOIN meal_slots s ON s.id = b.slot_id
        WHERE l.source_type = 'meal' AND l.month = ? GROUP BY s.provider_id`,
      [m],
    );
    const subsidyBy = new Map(subsidy.map((r) => [r.provider_id, Number(r.total)]));
    const canteens = new Map<string, MealFiguresView['canteens'][number] & { days: number }>();
    for (const r of rows) {
      const c = canteens.get(r.provider_id) ?? { canteenId: r.provider_id, canteenName: r.name, periods: [], mealsServedPerDay: 0, subsidyFen: subsidyBy.get(r.provider_id) ?? 0, days: 0 };
      const capacity = Number(r.capacity);
      c.periods.push({ period: r.period, mealsServed: Number(r.served), capacity, booked: Number(r.booked), capacityUse: capacity ? Math.round((Number(r.booked) / capacity) * 1000) / 1000 : 0 });
      c.days = Math.max(c.days, Number(r.days));
      canteens.set(r.provider_id, c);
    }
    return {
      month: m,
      canteens: [...canteens.values()].map(({ days, ...c }) => ({ ...c, mealsServedPerDay: days ? Math.round((c.periods.reduce((s, p) => s + p.mealsServed, 0) / days) * 10) / 10 : 0 })),
    };
  }

  // ---- views ----------------------------------------------------------------------------------

  private async canteenView(c: ProviderEntity, elder: ElderEntity | null): Promise<CanteenView> {
    const settings = await this.dataSource.getRepository(CanteenSettingsEntity).findOneBy({ providerId: c.id });
    const distance = elder ? Math.round(distanceMeters({ lat: elder.lat, lng: elder.lng }, { lat: c.lat, lng: c.lng })) : null;
    return {
      id: c.id, name: c.name, address: c.address, location: { lat: c.lat, lng: c.lng }, phone: c.phone, distanceMeters: distance,
      deliversHere: distance !== null && !!settings && distance <= settings.deliveryRadiusM,
      openDays: settings?.openDays ?? [], deliveryFeeFen: settings?.deliveryFeeFen ?? 0, periods: settings?.periods ?? [],
    };
  }

  private async slotView(s: MealSlotEntity, elder: ElderEntity | null, canteenName?: string): Promise<MealSlotView> {
    const dishes = await this.dataSource.getRepository(DishEntity).find({ where: { slotId: s.id }, order: { sort: 'ASC' } });
    const name = canteenName ?? (await this.dataSource.getRepository(ProviderEntity).findOneByOrFail({ id: s.providerId })).name;
    return {
      id: s.id, canteenId: s.providerId, canteenName: name, date: s.date, period: s.period, serveStart: shanghaiClock(s.serveStartAt), serveEnd: shanghaiClock(s.serveEndAt),
      cutoffAt: s.cutoffAt.toISOString(), open: !s.cancelledAt && this.clock.now() < s.cutoffAt, cancelled: !!s.cancelledAt,
      remaining: { dine_in: s.capDineIn - s.bookedDineIn, pickup: s.capPickup - s.bookedPickup, delivery: s.capDelivery - s.bookedDelivery },
      dishes: dishes.map((d) => ({
        id: d.id, name: d.name, priceFen: d.priceFen, tags: d.tags, isSetMeal: d.isSetMeal, portionLimit: d.portionLimit,
        remaining: d.portionLimit === null ? null : d.portionLimit - d.bookedPortions,
        clashes: elder ? dietaryClashes(elder.dietaryNeeds as DietaryNeed[], d.tags) : [],
      })),
    };
  }

  private async bookingView(b: MealBookingEntity): Promise<MealBookingView> {
    const slot = await this.dataSource.getRepository(MealSlotEntity).findOneByOrFail({ id: b.slotId });
    const canteen = await this.dataSource.getRepository(ProviderEntity).findOneByOrFail({ id: slot.providerId });
    const items = (await this.itemsOf(this.dataSource.manager, [b.id])).get(b.id) ?? [];
    const names = await this.elderNames([b.elderId]);
    const status = effectiveStatus(b, await this.deliveryStatuses([b]));
    return {
      id: b.id, elderId: b.elderId, elderName: names.get(b.elderId) ?? '', slotId: b.slotId, canteenId: canteen.id, canteenName: canteen.name,
      date: slot.date, period: slot.period, mode: b.mode, status, statusLabel: MEAL_BOOKING_STATUS_LABELS[status], pickupCode: b.pickupCode,
      items: items.map((i) => ({ dishId: i.dishId, name: i.name, quantity: i.quantity, priceFen: i.priceFen })), deliveryFeeFen: b.deliveryFeeFen,
      price: { priceFen: b.priceFen, subsidyFen: b.subsidyFen, payFen: b.payFen, subsidyNote: b.subsidyNote }, refundFen: b.refundFen,
      dietaryClashes: b.dietaryClashes, deliveryOrderId: b.deliveryOrderId, cutoffAt: slot.cutoffAt.toISOString(),
      canChange: b.status === 'booked' && this.clock.now() < slot.cutoffAt, createdAt: b.createdAt.toISOString(),
    };
  }

  private async itemsOf(m: EntityManager, bookingIds: string[]): Promise<Map<string, { dishId: string; name: string; quantity: number; priceFen: number }[]>> {
    const out = new Map<string, { dishId: string; name: string; quantity: number; priceFen: number }[]>();
    if (bookingIds.length === 0) return out;
    const rows: { booking_id: string; dish_id: string; name: string; quantity: number; price_fen: number }[] = await m.query(
      `SELECT i.booking_id, i.dish_id, d.name, i.quantity, i.price_fen FROM meal_booking_items i JOIN dishes d ON d.id = i.dish_id WHERE i.booking_id IN (${bookingIds.map(() => '?').join(',')}) ORDER BY d.sort`,
      bookingIds,
    );
    for (const r of rows) out.set(r.booking_id, [...(out.get(r.booking_id) ?? []), { dishId: r.dish_id, name: r.name, quantity: r.quantity, priceFen: r.price_fen }]);
    return out;
  }

  private async elderNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await this.dataSource.query(`SELECT id, name FROM elders WHERE id IN (${ids.map(() => '?').join(',')})`, ids);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  private async deliveryStatuses(bookings: MealBookingEntity[]): Promise<Map<string, string>> {
    const ids = bookings.map((b) => b.deliveryOrderId).filter((id): id is string => !!id);
    if (ids.length === 0) return new Map();
    const rows: { id: string; status: string }[] = await this.dataSource.query(`SELECT id, status FROM orders WHERE id IN (${ids.map(() => '?').join(',')})`, ids);
    return new Map(rows.map((r) => [r.id, r.status]));
  }

  /** The next period of the same canteen that still has room for this mode (told with a 已订满). */
  private async nextWithRoom(slot: MealSlotEntity, mode: MealMode): Promise<{ slotId: string; date: string; period: string } | null> {
    const col = CAPACITY_COLUMN[mode];
    const [next] = await this.dataSource.query(
      `SELECT id, date, period FROM meal_slots WHERE provider_id = ? AND serve_start_at > ? AND cutoff_at > ? AND cancelled_at IS NULL AND ${col.booked} < ${col.cap}
        ORDER BY serve_start_at LIMIT 1`,
      [slot.providerId, slot.serveStartAt, this.clock.now()],
    );
    if (!next) return null;
    const date = typeof next.date === 'string' ? next.date : shanghaiDate(new Date(next.date));
    return { slotId: next.id, date, period: next.period };
  }

  private async freeCode(m: EntityManager, slotId: string): Promise<string> {
    for (;;) {
      const code = String(randomInt(100_000, 1_000_000));
      if ((await m.getRepository(MealBookingEntity).countBy({ slotId, pickupCode: code })) === 0) return code;
    }
  }

  private async requireFamilyBooking(principal: Principal, bookingId: string): Promise<MealBookingEntity> {
    const booking = await this.dataSource.getRepository(MealBookingEntity).findOneBy({ id: bookingId });
    if (booking) {
      const ok = await this.access.requireElder(principal, booking.elderId).then(() => true, () => false);
      if (ok) return booking;
    }
    throw new DomainError(ErrorCode.MEAL_BOOKING_NOT_FOUND, '未找到该订餐');
  }

  private async findReplay(userId: string, key: string, hash: string): Promise<MealBookingEntity | null> {
    const existing = await this.dataSource.getRepository(MealBookingEntity).findOneBy({ createdBy: userId, idempotencyKey: key });
    if (existing && existing.requestHash !== hash) throw idempotencyKeyReused();
    return existing;
  }
}

class SlotFull extends Error {}

function effectiveStatus(b: MealBookingEntity, orderStatus: Map<string, string>): MealBookingStatus {
  if (b.status === 'booked' && b.deliveryOrderId && ['completed', 'rated'].includes(orderStatus.get(b.deliveryOrderId) ?? '')) return 'delivered';
  return b.status;
}

function fieldError(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.VALIDATION_FAILED, `${field}: ${message}`, { fields: [{ field, message }] });
}

function atShanghai(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+08:00`);
}


function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

