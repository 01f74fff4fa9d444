import {
  AGE_CLASSES,
  ageClassFor,
  ageInMonths,
  CARE_TYPE_LABELS,
  distanceMeters,
  ErrorCode,
  shanghaiClock,
  shanghaiDate,
  shanghaiMonth,
  maskPhone,
  MONTHLY_CARE_TYPES,
  OutboxEvent,
  ProviderKind,
  WAITLIST_STATUS_LABELS,
  type CareType,
  type ChildcareCentreView,
  type ChildcareClassView,
  type ChildcareFiguresView,
  type EnrolmentView,
  type EnrolResultView,
  type PickupPersonView,
  type RosterView,
  type SettlementView,
  type WaitlistEntryView,
  PRIORITY_FACT_STATUS_LABELS,
  type PriorityFactDecisionInput,
  type PriorityFactStatus,
  type PriorityFactView,
  type WaitlistStatus,
} from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, LessThanOrEqual, type EntityManager } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { FieldCipher } from '../common/crypto/field-cipher.js';
import { DomainError } from '../common/errors/domain-error.js';
import { idempotencyKeyReused, requestHash, requireIdempotencyKey } from '../common/idempotency.js';
import { requireEndedMonth } from '../common/periods.js';
import { ChildEntity } from '../households/entities/child.entity.js';
import { HouseholdAccess } from '../households/household-access.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { ProviderEntity } from '../providers/entities/provider.entity.js';
import { ProvidersService } from '../providers/providers.service.js';
import { RegionsService } from '../regions/regions.service.js';
import { SubsidyLedgerEntity } from '../subsidies/entities/subsidy-ledger.entity.js';
import type { CentreSettingsDto, ChildcareClassDto, EnrolDto, PickupPersonDto } from './dto/childcare.dto.js';
import {
  AttendanceEntity,
  ChildcareCentreEntity,
  ChildcareClassEntity,
  EnrolmentEntity,
  PickupPersonEntity,
  WaitlistEntryEntity,
  WaitlistLogEntity,
} from './entities/childcare.entities.js';

/** Region policy kinds this module reads (rules as data, per region, versioned). */
export const WAITLIST_POLICY = 'childcare_waitlist';
export const GUIDANCE_POLICY = 'childcare_guidance';
export const SUBSIDY_POLICY = 'childcare_subsidy';

interface WaitlistRules {
  rules: { fact: string; label: string; points: number }[];
  offerHours: number;
}
interface GuidanceRules {
  maxFen: Partial<Record<CareType, number>>;
}
interface ChildcareSubsidyRules {
  perChildMonthlyFen: number;
  split: { source: string; share: number }[];
}

const AGE_MOVE_POINTS = 1000;
const DEFAULT_OPEN = '07:30';
const DEFAULT_CLOSE = '18:00';
const MAX_MONTHS_AHEAD = 6;

/** 托育 for children under three: places by month or by day, never oversold; a fair, explained waitlist. */
@Injectable()
export class ChildcareService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: HouseholdAccess,
    private readonly providers: ProvidersService,
    private readonly regions: RegionsService,
    private readonly outbox: OutboxService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  // ---- centre set-up --------------------------------------------------------------------------

  /** 额定托位数 and 开放时间 (omitted opening times stay as they are; 07:30–18:00 by default). */
  async updateSettings(principal: Principal, centreId: string, dto: CentreSettingsDto): Promise<ChildcareCentreView> {
    const { licensedPlaces } = dto;
    await this.providers.requireProviderMember(principal, centreId, ProviderKind.CHILDCARE);
    const [{ places }] = await this.dataSource.query('SELECT COALESCE(SUM(capacity), 0) AS places FROM childcare_classes WHERE provider_id = ?', [centreId]);
    if (Number(places) > licensedPlaces) throw new DomainError(ErrorCode.CLASS_CAP_EXCEEDED, `现有班级已有 ${places} 个托位，额定托位数不能少于它`);
    const current = await this.dataSource.getRepository(ChildcareCentreEntity).findOneBy({ providerId: centreId });
    const openTime = dto.openTime ?? current?.openTime ?? DEFAULT_OPEN;
    const closeTime = dto.closeTime ?? current?.closeTime ?? DEFAULT_CLOSE;
    if (closeTime <= openTime) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `closeTime: 闭园时间应晚于开园时间 ${openTime}`, { fields: [{ field: dto.closeTime ? 'closeTime' : 'openTime', message: '闭园时间应晚于开园时间' }] });
    }
    await this.dataSource.getRepository(ChildcareCentreEntity).save({ providerId: centreId, licensedPlaces, openTime, closeTime });
    return this.centreView(await this.requireCentre(centreId), null);
  }

  /** A class: its age band's cap, the licensed places, and for 普惠 the region's guidance price all hold. */
  async addClass(principal: Principal, centreId: string, dto: ChildcareClassDto): Promise<ChildcareClassView> {
    await this.providers.requireProviderMember(principal, centreId, ProviderKind.CHILDCARE);
    const centre = await this.requireCentre(centreId);
    const band = AGE_CLASSES[dto.ageClass];
    if (dto.capacity > band.maxChildren) {
      throw new DomainError(ErrorCode.CLASS_CAP_EXCEEDED, `${band.label}每班最多 ${band.maxChildren} 名幼儿`, { fields: [{ field: 'capacity', message: `${band.label}每班最多 ${band.maxChildren} 名` }] });
    }
    const settings = await this.dataSource.getRepository(ChildcareCentreEntity).findOneBy({ providerId: centreId });
    if (!settings) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'licensedPlaces: 请先登记额定托位数', { fields: [{ field: 'licensedPlaces', message: '请先登记额定托位数' }] });
    const [{ places }] = await this.dataSource.query('SELECT COALESCE(SUM(capacity), 0) AS places FROM childcare_classes WHERE provider_id = ?', [centreId]);
    if (Number(places) + dto.capacity > settings.licensedPlaces) {
      throw new DomainError(ErrorCode.CLASS_CAP_EXCEEDED, `各班托位合计不能超过额定托位数 ${settings.licensedPlaces}（已有 ${places}）`, { fields: [{ field: 'capacity', message: '超过额定托位数' }] });
    }
    if (Object.keys(dto.prices).length === 0) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'prices: 至少提供一种托育方式的价格', { fields: [{ field: 'prices', message: '至少提供一种托育方式的价格' }] });
    if (dto.puhui) {
      const guidance = (await this.regions.policyInForce(centre.regionId, GUIDANCE_POLICY, this.clock.now()))?.rules as GuidanceRules | undefined;
      for (const [type, price] of Object.entries(dto.prices) as [CareType, number][]) {
        const max = guidance?.maxFen[type];
        if (max !== undefined && price > max) {
          throw new DomainError(ErrorCode.PUHUI_PRICE_TOO_HIGH, `普惠托位的${CARE_TYPE_LABELS[type]}价格不能高于政府指导价 ${(max / 100).toFixed(2)} 元`, { fields: [{ field: `prices.${type}`, message: '高于政府指导价' }] });
        }
      }
    }
    const saved = await this.dataSource.getRepository(ChildcareClassEntity).save({ providerId: centreId, ageClass: dto.ageClass, name: dto.name, capacity: dto.capacity, puhui: dto.puhui, prices: dto.prices, dailyQuota: dto.dailyQuota, enrolled: 0 });
    return this.classView(saved);
  }

  // ---- parents --------------------------------------------------------------------------------

  async centres(lat?: number, lng?: number): Promise<ChildcareCentreView[]> {
    const centres = await this.dataSource.getRepository(ProviderEntity).findBy({ kind: ProviderKind.CHILDCARE, status: 'approved' });
    const views = await Promise.all(centres.map((c) => this.centreView(c, lat !== undefined && lng !== undefined ? { lat, lng } : null)));
    return views.sort((a, b) => (a.distanceMeters ?? 0) - (b.distanceMeters ?? 0));
  }

  /**
   * A monthly place (全日托/半日托) or a day (计时托/临时托). The place is taken by a conditional
   * UPDATE, so concurrent parents for the last places get exactly as many as there are; the
   * others join the waitlist when they asked to, or get a 409.
   */
  async enrol(principal: Principal, key: string | undefined, dto: EnrolDto): Promise<{ result: EnrolResultView; replayed: boolean }> {
    requireIdempotencyKey(key);
    const hash = requestHash(dto);
    const replay = await this.dataSource.getRepository(EnrolmentEntity).findOneBy({ createdBy: principal.userId, idempotencyKey: key! });
    if (replay) {
      if (replay.requestHash !== hash) throw idempotencyKeyReused();
      return { result: { enrolment: await this.enrolmentView(replay), waitlist: null }, replayed: true };
    }
    const child = await this.access.requireChild(principal.userId, dto.childId);
    const cls = await this.requireClass(dto.classId);
    const price = cls.prices[dto.careType];
    if (price === undefined) throw new DomainError(ErrorCode.VALIDATION_FAILED, `careType: ${cls.name}不提供${CARE_TYPE_LABELS[dto.careType]}`, { fields: [{ field: 'careType', message: `本班不提供${CARE_TYPE_LABELS[dto.careType]}` }] });
    const monthly = MONTHLY_CARE_TYPES.includes(dto.careType);
    const onDate = monthly ? this.validMonth(dto.startMonth) : this.validDay(dto);
    if (dto.careType === 'hourly') await this.assertWithinOpeningHours(cls.providerId, dto.startTime!, dto.endTime!);
    this.assertAgeFits(child, cls, onDate);

    if (monthly) {
      const already = await this.dataSource.getRepository(EnrolmentEntity).findOne({ where: { childId: child.id, status: 'active', careType: In(MONTHLY_CARE_TYPES as CareType[]) } });
      if (already) throw new DomainError(ErrorCode.ALREADY_ENROLLED, `${child.name}已有按月托位（${await this.placeName(already)}），如需换班请先退托`);
    }
    // The class-day row exists before the transaction, so bookings of one class-day queue on its lock.
    if (!monthly) await this.dataSource.query('INSERT IGNORE INTO class_day_usage (class_id, date, booked) VALUES (?, ?, 0)', [cls.id, dto.date!]);
    try {
      const outcome = await this.dataSource.transaction(async (m) => {
        // A child is in one place at a time, at any centre: the child's row lock serialises the check with a concurrent booking.
        await m.query('SELECT id FROM children WHERE id = ? FOR UPDATE', [child.id]);
        const clash = await this.clashingBooking(m, child.id, dto, monthly);
        if (clash) {
          throw new DomainError(ErrorCode.CHILDCARE_BOOKING_CLASH, `${child.name}已有时间重叠的托育预约：${await this.placeName(clash, m)}，同一时间只能在一处入托`, { enrolmentId: clash.id });
        }
        const taken = monthly
          ? ((await m.query('UPDATE childcare_classes SET enrolled = enrolled + 1 WHERE id = ? AND enrolled < capacity', [cls.id])) as { affectedRows: number }).affectedRows === 1
            ? { ok: true as const }
            : { ok: false as const, hour: null }
          : await this.takeDay(m, cls.id, dto);
        if (!taken.ok) {
          if (monthly && dto.waitlistIfFull) return { waitlistId: await this.joinWaitlist(m, principal, child, cls, dto) };
          return { full: true as const, hour: taken.hour };
        }
        const enrolment = await m.getRepository(EnrolmentEntity).save({
          householdId: child.householdId, childId: child.id, classId: cls.id, careType: dto.careType,
          startMonth: monthly ? dto.startMonth! : null, date: monthly ? null : dto.date!, startTime: dto.startTime ?? null, endTime: dto.endTime ?? null,
          status: 'active', priceFen: dto.careType === 'hourly' ? price * hoursBetween(dto.startTime!, dto.endTime!) : price, puhui: cls.puhui,
          createdBy: principal.userId, idempotencyKey: key!, requestHash: hash, withdrawnAt: null,
        });
        return { enrolmentId: enrolment.id };
      });
      if ('full' in outcome) {
        const hour = outcome.hour ?? null;
        const message = monthly
          ? `${cls.name}已满，可以加入轮候`
          : hour === null
            ? `${dto.date} ${cls.name}已约满`
            : dto.careType === 'hourly'
              ? `${dto.date} ${cls.name} ${hourRange(hour)} 已满`
              : `${dto.date} ${cls.name}已约满（${hourRange(hour)} 已满）`;
        throw new DomainError(ErrorCode.CLASS_FULL, message, { canWaitlist: monthly });
      }
      if ('waitlistId' in outcome) {
        return { result: { enrolment: null, waitlist: await this.waitlistView(await this.requireEntry(outcome.waitlistId!)) }, replayed: false };
      }
      return { result: { enrolment: await this.enrolmentView(await this.dataSource.getRepository(EnrolmentEntity).findOneByOrFail({ id: outcome.enrolmentId })), waitlist: null }, replayed: false };
    } catch (err) {
      if ((err as { code?: string }).code === 'ER_DUP_ENTRY') {
        const raced = await this.dataSource.getRepository(EnrolmentEntity).findOneBy({ createdBy: principal.userId, idempotencyKey: key! });
        if (raced) return { result: { enrolment: await this.enrolmentView(raced), waitlist: null }, replayed: true };
      }
      throw err;
    }
  }

  /** Withdrawing frees the place, which goes straight to the first eligible child on the waitlist. */
  async withdraw(principal: Principal, enrolmentId: string): Promise<EnrolmentView> {
    const enrolment = await this.dataSource.getRepository(EnrolmentEntity).findOneBy({ id: enrolmentId });
    if (!enrolment) throw new DomainError(ErrorCode.ENROLMENT_NOT_FOUND, '未找到该托位');
    await this.access.requireChild(principal.userId, enrolment.childId).catch(() => {
      throw new DomainError(ErrorCode.ENROLMENT_NOT_FOUND, '未找到该托位');
    });
    await this.dataSource.transaction(async (m) => {
      const done = await m.getRepository(EnrolmentEntity).update({ id: enrolment.id, status: 'active' }, { status: 'withdrawn', withdrawnAt: this.clock.now() });
      if (done.affected !== 1) throw new DomainError(ErrorCode.CONFLICT, '该托位已退');
      if (enrolment.date) await this.returnDay(m, enrolment);
      else {
        await m.query('UPDATE childcare_classes SET enrolled = enrolled - 1 WHERE id = ? AND enrolled > 0', [enrolment.classId]);
        await this.offerNextLocked(m, enrolment.classId);
      }
    });
    await this.outbox.kick();
    return this.enrolmentView(await this.dataSource.getRepository(EnrolmentEntity).findOneByOrFail({ id: enrolment.id }));
  }

  async myEnrolments(principal: Principal): Promise<EnrolmentView[]> {
    const ids = await this.myHouseholds(principal);
    if (ids.length === 0) return [];
    const rows = await this.dataSource.getRepository(EnrolmentEntity).find({ where: { householdId: In(ids) }, order: { createdAt: 'DESC' }, take: 50 });
    return Promise.all(rows.map((e) => this.enrolmentView(e)));
  }

  async myWaitlist(principal: Principal): Promise<WaitlistEntryView[]> {
    const ids = await this.myHouseholds(principal);
    if (ids.length === 0) return [];
    const rows = await this.dataSource.getRepository(WaitlistEntryEntity).find({ where: { householdId: In(ids) }, order: { createdAt: 'DESC' }, take: 50 });
    return Promise.all(rows.map((e) => this.waitlistView(e)));
  }

  /** The parent says yes to the place held for them: it becomes an enrolment. */
  async acceptOffer(principal: Principal, entryId: string): Promise<EnrolmentView> {
    const entry = await this.requireFamilyEntry(principal, entryId);
    const enrolmentId = await this.dataSource.transaction(async (m) => {
      const locked = await m.getRepository(WaitlistEntryEntity).findOne({ where: { id: entry.id }, lock: { mode: 'pessimistic_write' } });
      if (!locked || locked.status !== 'offered' || !locked.offerExpiresAt || locked.offerExpiresAt <= this.clock.now()) {
        throw new DomainError(ErrorCode.WAITLIST_NOT_OFFERED, await this.whyNotHeld(locked ?? entry), { status: (locked ?? entry).status });
      }
      const cls = await m.getRepository(ChildcareClassEntity).findOneByOrFail({ id: locked.classId });
      await m.getRepository(WaitlistEntryEntity).update({ id: locked.id }, { status: 'accepted', respondedAt: this.clock.now() });
      await this.log(m, locked.id, 'accepted', '家长确认入托');
      const startMonth = maxMonth(locked.startMonth, nextMonth(shanghaiMonth(this.clock.now())));
      const monthNote = startMonth === locked.startMonth ? null : `您申请 ${locked.startMonth} 入托，确认时（${shanghaiDate(this.clock.now())}）该月已开始，改为 ${startMonth} 起`;
      await m.getRepository(WaitlistEntryEntity).update({ id: locked.id }, { confirmedMonth: startMonth, monthNote });
      if (monthNote) await this.log(m, locked.id, 'month_moved', monthNote);
      const enrolment = await m.getRepository(EnrolmentEntity).save({
        householdId: locked.householdId, childId: locked.childId, classId: cls.id, careType: locked.careType, startMonth, date: null, startTime: null, endTime: null,
        status: 'active', priceFen: cls.prices[locked.careType] ?? 0, puhui: cls.puhui, createdBy: principal.userId,
        idempotencyKey: `waitlist-${locked.id}`, requestHash: requestHash({ entry: locked.id }), withdrawnAt: null,
      });
      return enrolment.id;
    });
    return this.enrolmentView(await this.dataSource.getRepository(EnrolmentEntity).findOneByOrFail({ id: enrolmentId }));
  }

  async declineOffer(principal: Principal, entryId: string): Promise<WaitlistEntryView> {
    const entry = await this.requireFamilyEntry(principal, entryId);
    await this.dataSource.transaction(async (m) => {
      const done = await m.getRepository(WaitlistEntryEntity).update({ id: entry.id, status: 'offered' }, { status: 'declined', respondedAt: this.clock.now() });
      if (done.affected !== 1) throw new DomainError(ErrorCode.CONFLICT, '没有待确认的托位');
      await this.log(m, entry.id, 'declined', '家长放弃');
      await this.releaseHeldPlace(m, entry.classId);
    });
    await this.outbox.kick();
    return this.waitlistView(await this.requireEntry(entry.id));
  }

  async leaveWaitlist(principal: Principal, entryId: string): Promise<WaitlistEntryView> {
    const entry = await this.requireFamilyEntry(principal, entryId);
    const done = await this.dataSource.getRepository(WaitlistEntryEntity).update({ id: entry.id, status: 'waiting' }, { status: 'cancelled', respondedAt: this.clock.now() });
    if (done.affected !== 1) throw new DomainError(ErrorCode.CONFLICT, '只能退出轮候中的登记');
    await this.log(this.dataSource.manager, entry.id, 'cancelled', '家长退出轮候');
    return this.waitlistView(await this.requireEntry(entry.id));
  }

  /** Offers whose deadline passed go to the next child; run by a repeatable job (time from the clock). */
  async expireOffers(): Promise<number> {
    const overdue = await this.dataSource.getRepository(WaitlistEntryEntity).find({ where: { status: 'offered', offerExpiresAt: LessThanOrEqual(this.clock.now()) }, take: 100 });
    for (const entry of overdue) {
      await this.dataSource.transaction(async (m) => {
        const done = await m.getRepository(WaitlistEntryEntity).update({ id: entry.id, status: 'offered' }, { status: 'expired', respondedAt: this.clock.now() });
        if (done.affected !== 1) return;
        await this.log(m, entry.id, 'expired', '逾期未确认，托位转给下一位');
        await this.releaseHeldPlace(m, entry.classId);
      });
    }
    if (overdue.length) await this.outbox.kick();
    return overdue.length;
  }

  /**
   * At the month boundary a child who grew into the next age band moves class if there is room;
   * otherwise they stay and wait for the next class with top priority.
   */
  async moveUpAgeBands(month: string): Promise<{ moved: number; waiting: number }> {
    const firstDay = `${month}-01`;
    const active = await this.dataSource.getRepository(EnrolmentEntity).findBy({ status: 'active', careType: In(MONTHLY_CARE_TYPES as CareType[]) });
    let moved = 0;
    let waiting = 0;
    for (const e of active) {
      const child = await this.dataSource.getRepository(ChildEntity).findOneBy({ id: e.childId });
      const cls = await this.dataSource.getRepository(ChildcareClassEntity).findOneBy({ id: e.classId });
      if (!child || !cls) continue;
      const band = ageClassFor(ageInMonths(child.birthDate, firstDay));
      if (band === cls.ageClass || band === null) continue;
      const target = await this.dataSource.getRepository(ChildcareClassEntity).findOne({ where: { providerId: cls.providerId, ageClass: band }, order: { createdAt: 'ASC' } });
      if (!target) continue;
      const done = await this.dataSource.transaction(async (m) => {
        const taken = await m.query('UPDATE childcare_classes SET enrolled = enrolled + 1 WHERE id = ? AND enrolled < capacity', [target.id]);
        if (taken.affectedRows === 1) {
          await m.getRepository(EnrolmentEntity).update({ id: e.id }, { classId: target.id, priceFen: target.prices[e.careType] ?? e.priceFen, puhui: target.puhui });
          await m.query('UPDATE childcare_classes SET enrolled = enrolled - 1 WHERE id = ? AND enrolled > 0', [cls.id]);
          await this.offerNextLocked(m, cls.id);
          return true;
        }
        const queued = await m.getRepository(WaitlistEntryEntity).countBy({ childId: child.id, classId: target.id, status: In(['waiting', 'offered']) });
        if (!queued) {
          const id = await this.insertEntry(m, { classId: target.id, childId: child.id, householdId: child.householdId, createdBy: e.createdBy, careType: e.careType, startMonth: month, score: AGE_MOVE_POINTS, reasons: [`升班优先 +${AGE_MOVE_POINTS}（已满 ${AGE_CLASSES[band].minMonths} 个月，原班继续就读）`] });
          await this.log(m, id, 'joined', '到龄升班，目标班暂无空位，优先轮候');
        }
        return false;
      });
      if (done) moved++;
      else waiting++;
    }
    return { moved, waiting };
  }

  async centreWaitlist(principal: Principal, centreId: string): Promise<(WaitlistEntryView & { log: { event: string; note: string | null; at: string }[] })[]> {
    await this.providers.requireProviderMember(principal, centreId, ProviderKind.CHILDCARE);
    const classes = await this.dataSource.getRepository(ChildcareClassEntity).findBy({ providerId: centreId });
    if (classes.length === 0) return [];
    const entries = await this.dataSource.getRepository(WaitlistEntryEntity).find({ where: { classId: In(classes.map((c) => c.id)) }, order: { score: 'DESC', seq: 'ASC' } });
    return Promise.all(
      entries.map(async (e) => ({
        ...(await this.waitlistView(e)),
        log: (await this.dataSource.getRepository(WaitlistLogEntity).find({ where: { entryId: e.id }, order: { id: 'ASC' } })).map((l) => ({ event: l.event, note: l.note, at: l.createdAt.toISOString() })),
      })),
    );
  }

  // ---- pick-up persons and attendance ---------------------------------------------------------

  async addPickupPerson(principal: Principal, childId: string, dto: PickupPersonDto): Promise<PickupPersonView> {
    await this.access.requireChild(principal.userId, childId);
    const saved = await this.dataSource.getRepository(PickupPersonEntity).save({ childId, name: dto.name, phoneEnc: this.cipher.encrypt(dto.phone), relation: dto.relation });
    return this.pickupView(saved);
  }

  async pickupPersons(principal: Principal, childId: string): Promise<PickupPersonView[]> {
    await this.access.requireChild(principal.userId, childId);
    const rows = await this.dataSource.getRepository(PickupPersonEntity).find({ where: { childId }, order: { createdAt: 'ASC' } });
    return rows.map((p) => this.pickupView(p));
  }

  async removePickupPerson(principal: Principal, childId: string, personId: string): Promise<void> {
    await this.access.requireChild(principal.userId, childId);
    const done = await this.dataSource.getRepository(PickupPersonEntity).softDelete({ id: personId, childId });
    if (done.affected !== 1) throw new DomainError(ErrorCode.NOT_FOUND, '未找到该接送人');
  }

  async roster(principal: Principal, classId: string, date?: string): Promise<RosterView> {
    const cls = await this.requireClass(classId);
    await this.providers.requireProviderMember(principal, cls.providerId, ProviderKind.CHILDCARE);
    const day = date ?? shanghaiDate(this.clock.now());
    const month = day.slice(0, 7);
    const enrolments = await this.dataSource.getRepository(EnrolmentEntity).createQueryBuilder('e')
      .where("e.class_id = :classId AND e.status = 'active' AND ((e.start_month IS NOT NULL AND e.start_month <= :month) OR e.date = :day)", { classId, month, day }).getMany();
    const children = await this.dataSource.getRepository(ChildEntity).find({ where: { id: In(enrolments.map((e) => e.childId).concat(['-'])) }, withDeleted: true });
    const names = new Map(children.map((c) => [c.id, c]));
    const attendance = await this.dataSource.getRepository(AttendanceEntity).findBy({ classId, date: day });
    const att = new Map(attendance.map((a) => [a.childId, a]));
    const persons = await this.dataSource.getRepository(PickupPersonEntity).find({ where: { id: In(attendance.map((a) => a.pickupPersonId ?? '-').concat(['-'])) }, withDeleted: true });
    const personName = new Map(persons.map((p) => [p.id, `${p.name}（${p.relation}）`]));
    const authorised = await this.dataSource.getRepository(PickupPersonEntity).find({ where: { childId: In(enrolments.map((e) => e.childId).concat(['-'])) }, order: { createdAt: 'ASC' } });
    return {
      classId, className: cls.name, date: day,
      children: enrolments.map((e) => {
        const child = names.get(e.childId)!;
        const a = att.get(e.childId);
        return {
          childId: e.childId, name: child?.name ?? '', ageMonths: child ? ageInMonths(child.birthDate, day) : 0, careType: e.careType,
          checkedInAt: a?.checkInAt.toISOString() ?? null, checkedOutAt: a?.checkOutAt?.toISOString() ?? null, pickedUpBy: a?.pickupPersonId ? personName.get(a.pickupPersonId) ?? null : null,
          pickupPersons: authorised.filter((p) => p.childId === e.childId).map((p) => this.pickupView(p)),
        };
      }),
    };
  }

  async checkIn(principal: Principal, classId: string, childId: string): Promise<RosterView> {
    const cls = await this.requireClass(classId);
    await this.providers.requireProviderMember(principal, cls.providerId, ProviderKind.CHILDCARE);
    const day = shanghaiDate(this.clock.now());
    const roster = await this.roster(principal, classId, day);
    if (!roster.children.some((c) => c.childId === childId)) throw new DomainError(ErrorCode.NOT_FOUND, '该幼儿今天不在本班名单上');
    await this.dataSource.getRepository(AttendanceEntity).createQueryBuilder().insert().orIgnore()
      .values({ childId, classId, date: day, checkInAt: this.clock.now(), checkOutAt: null, pickupPersonId: null }).execute();
    return this.roster(principal, classId, day);
  }

  /** Check-out only to someone on the child's authorised list; anyone else is refused (and nothing changes). */
  async checkOut(principal: Principal, classId: string, childId: string, pickupPersonId: string | undefined): Promise<RosterView> {
    const cls = await this.requireClass(classId);
    await this.providers.requireProviderMember(principal, cls.providerId, ProviderKind.CHILDCARE);
    const day = shanghaiDate(this.clock.now());
    const person = pickupPersonId ? await this.dataSource.getRepository(PickupPersonEntity).findOneBy({ id: pickupPersonId, childId }) : null;
    if (!person) throw new DomainError(ErrorCode.PICKUP_NOT_AUTHORISED, '接送人不在该幼儿的授权名单上，不能交接。请联系家长确认', { fields: [{ field: 'pickupPersonId', message: '不在授权名单上' }] });
    const done = await this.dataSource.getRepository(AttendanceEntity).createQueryBuilder().update()
      .set({ checkOutAt: this.clock.now(), pickupPersonId: person.id })
      .where('child_id = :childId AND class_id = :classId AND date = :day AND check_out_at IS NULL', { childId, classId, day }).execute();
    if (done.affected !== 1) throw new DomainError(ErrorCode.CONFLICT, '该幼儿今天未签到或已签退');
    return this.roster(principal, classId, day);
  }

  // ---- subsidy and figures --------------------------------------------------------------------

  /**
   * 补供方: the operating subsidy per enrolled 普惠 child for a month, split by funding source,
   * capped at the centre's licensed places, written to the ledger once per enrolment and month.
   */
  async settleMonth(principal: Principal, month: string, regionIds: string[]): Promise<SettlementView> {
    requireEndedMonth(month, this.clock.now(), '结算');
    if (regionIds.length === 0) return { month, children: 0, totalFen: 0, settledAt: null, settledBy: null };
    const [earlier] = await this.dataSource.query(
      `SELECT s.settled_at, u.nickname FROM childcare_settlements s LEFT JOIN users u ON u.id = s.settled_by
        WHERE s.month = ? AND s.region_id IN (${regionIds.map(() => '?').join(',')}) ORDER BY s.settled_at LIMIT 1`,
      [month, ...regionIds],
    );
    if (earlier) throw alreadySettled(month, new Date(earlier.settled_at), earlier.nickname);
    const enrolments: { id: string; child_id: string; provider_id: string; region_id: string; licensed_places: number }[] = await this.dataSource.query(
      `SELECT e.id, e.child_id, c.provider_id, p.region_id, cc.licensed_places
         FROM enrolments e JOIN childcare_classes c ON c.id = e.class_id JOIN providers p ON p.id = c.provider_id JOIN childcare_centres cc ON cc.provider_id = c.provider_id
        WHERE e.puhui = 1 AND e.start_month IS NOT NULL AND e.start_month <= ? AND (e.status = 'active' OR DATE_FORMAT(e.withdrawn_at, '%Y-%m') > ?)
          AND p.region_id IN (${regionIds.map(() => '?').join(',')})
        ORDER BY e.created_at`,
      [month, month, ...regionIds],
    );
    const perCentre = new Map<string, number>();
    let children = 0;
    let totalFen = 0;
    const at = new Date(`${month}-01T00:00:00+08:00`);
    for (const e of enrolments) {
      const count = perCentre.get(e.provider_id) ?? 0;
      if (count >= e.licensed_places) continue;
      const policy = await this.regions.policyInForce(e.region_id, SUBSIDY_POLICY, at);
      const rules = policy?.rules as ChildcareSubsidyRules | undefined;
      if (!rules) continue;
      perCentre.set(e.provider_id, count + 1);
      for (const part of rules.split) {
        const amount = Math.round(rules.perChildMonthlyFen * part.share);
        const inserted = await this.dataSource.getRepository(SubsidyLedgerEntity).createQueryBuilder().insert().orIgnore().values({
          elderId: null, childId: e.child_id, sourceType: 'childcare', sourceId: e.id, entry: `${month}:${part.source}`.slice(0, 16), month, category: 'puhui', service: 'childcare',
          ruleKey: 'childcare', amountFen: amount, side: 'supply', payer: part.source, payee: '托育机构', payeeProviderId: e.provider_id,
          fundingSource: `普惠托育运营补贴（${part.source}）`, policyId: policy!.id, policyVersion: policy!.version,
        }).execute();
        if (inserted.raw.affectedRows === 1) totalFen += amount;
      }
      children++;
    }
    const settledAt = this.clock.now();
    try {
      await this.dataSource.transaction(async (m) => {
        for (const regionId of regionIds) {
          await m.query('INSERT INTO childcare_settlements (region_id, month, settled_by, settled_at, children, total_fen) VALUES (?, ?, ?, ?, ?, ?)', [regionId, month, principal.userId, settledAt, children, totalFen]);
        }
      });
    } catch (err) {
      // Two operators settling at the same moment: the ledger's unique key paid once; the later one is told.
      if ((err as { code?: string }).code !== 'ER_DUP_ENTRY') throw err;
      const [first] = await this.dataSource.query(`SELECT s.settled_at, u.nickname FROM childcare_settlements s LEFT JOIN users u ON u.id = s.settled_by WHERE s.month = ? AND s.region_id IN (${regionIds.map(() => '?').join(',')}) ORDER BY s.settled_at LIMIT 1`, [month, ...regionIds]);
      throw alreadySettled(month, new Date(first.settled_at), first.nickname);
    }
    const [me] = await this.dataSource.query('SELECT nickname FROM users WHERE id = ?', [principal.userId]);
    return { month, children, totalFen, settledAt: settledAt.toISOString(), settledBy: me?.nickname ?? null };
  }

  /** 每千人口托位数, 普惠 share, occupancy and waitlist length for a region (and the regions under it). */
  async figures(regionId: string): Promise<ChildcareFiguresView> {
    const region = await this.regions.requireRegion(regionId);
    const ids = await this.regions.subtreeIds([region.id]);
    const [row] = await this.dataSource.query(
      `SELECT COALESCE(SUM(c.capacity), 0) AS places, COALESCE(SUM(CASE WHEN c.puhui = 1 THEN c.capacity ELSE 0 END), 0) AS puhui,
              COALESCE(SUM(c.enrolled), 0) AS enrolled,
              (SELECT COUNT(*) FROM waitlist_entries w JOIN childcare_classes c2 ON c2.id = w.class_id JOIN providers p2 ON p2.id = c2.provider_id
                WHERE w.status = 'waiting' AND p2.region_id IN (${ids.map(() => '?').join(',')})) AS waiting
         FROM childcare_classes c JOIN providers p ON p.id = c.provider_id
        WHERE p.status = 'approved' AND p.region_id IN (${ids.map(() => '?').join(',')})`,
      [...ids, ...ids],
    );
    const places = Number(row.places);
    // The year's reference figures (地区基础数据), as the KPI uses; the region's own figure when none were entered.
    const known = (await this.regions.figuresForArea(region.id, ids, Number(shanghaiDate(this.clock.now()).slice(0, 4)))).filter((f) => f.residents !== null);
    const population = known.length ? known.reduce((sum, f) => sum + (f.residents ?? 0), 0) : region.population;
    return {
      regionId, population, places,
      placesPerThousand: population ? Math.round((places / population) * 1000 * 100) / 100 : null,
      puhuiPlaces: Number(row.puhui), puhuiShare: places ? Math.round((Number(row.puhui) / places) * 1000) / 1000 : 0,
      enrolled: Number(row.enrolled), occupancy: places ? Math.round((Number(row.enrolled) / places) * 1000) / 1000 : 0,
      waitlistLength: Number(row.waiting),
    };
  }

  // ---- internals ------------------------------------------------------------------------------

  private async joinWaitlist(m: EntityManager, principal: Principal, child: ChildEntity, cls: ChildcareClassEntity, dto: EnrolDto): Promise<string> {
    const existing = await m.getRepository(WaitlistEntryEntity).findOneBy({ childId: child.id, classId: cls.id, status: In(['waiting', 'offered']) });
    if (existing) return existing.id;
    const provider = await m.getRepository(ProviderEntity).findOneByOrFail({ id: cls.providerId });
    const rules = ((await this.regions.policyInForce(provider.regionId, WAITLIST_POLICY, this.clock.now(), m))?.rules as WaitlistRules | undefined)?.rules ?? [];
    const declared = requireDeclarableFacts(rules, dto);
    const [{ siblings }] = await m.query(
      `SELECT COUNT(*) AS siblings FROM enrolments e JOIN childcare_classes c ON c.id = e.class_id WHERE e.household_id = ? AND e.child_id <> ? AND e.status = 'active' AND c.provider_id = ?`,
      [child.householdId, child.id, cls.providerId],
    );
    const sibling = Number(siblings) > 0 ? rules.find((r) => r.fact === SIBLING_FACT) : undefined;
    const id = await this.insertEntry(m, { classId: cls.id, childId: child.id, householdId: child.householdId, createdBy: principal.userId, careType: dto.careType, startMonth: dto.startMonth!, score: 0, reasons: [] });
    // A sibling at this centre is in the centre's own records: verified at once. Declared facts wait for the centre or the 街道.
    if (sibling) await this.insertFact(m, id, sibling, 'verified', '系统核对：同胞在本园就读');
    for (const { rule, note } of declared) await this.insertFact(m, id, rule, 'pending', note);
    const score = await this.rescore(m, id);
    await this.log(m, id, 'joined', `加入轮候，得分 ${score}${declared.length ? `；${declared.map((d) => d.rule.label).join('、')}待核验，核验通过后计分` : ''}`);
    return id;
  }

  private async insertEntry(m: EntityManager, e: { classId: string; childId: string; householdId: string; createdBy: string; careType: CareType; startMonth: string; score: number; reasons: string[] }): Promise<string> {
    const id = randomUUID();
    await m.query(
      `INSERT INTO waitlist_entries (id, class_id, child_id, household_id, created_by, care_type, start_month, score, reasons, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting', ?)`,
      [id, e.classId, e.childId, e.householdId, e.createdBy, e.careType, e.startMonth, e.score, JSON.stringify(e.reasons), this.clock.now()],
    );
    return id;
  }

  private async insertFact(m: EntityManager, entryId: string, rule: WaitlistRules['rules'][number], status: PriorityFactStatus, note: string): Promise<void> {
    await m.query(
      `INSERT INTO waitlist_priority_facts (id, entry_id, fact, label, points, evidence_note, status, decided_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [randomUUID(), entryId, rule.fact, rule.label, rule.points, note, status, status === 'verified' ? this.clock.now() : null, this.clock.now()],
    );
  }

  /** Score and reasons from the entry's verified facts only; a pending fact is shown but adds nothing. */
  private async rescore(m: EntityManager, entryId: string): Promise<number> {
    const facts: { label: string; points: number; status: PriorityFactStatus }[] = await m.query('SELECT label, points, status FROM waitlist_priority_facts WHERE entry_id = ? ORDER BY points DESC, fact', [entryId]);
    const score = facts.filter((f) => f.status === 'verified').reduce((sum, f) => sum + f.points, 0);
    const reasons = [
      ...facts.map((f) => (f.status === 'verified' ? `${f.label} +${f.points}` : f.status === 'pending' ? `${f.label}（待核验，通过后 +${f.points}）` : `${f.label}（核验未通过，不计分）`)),
      '同分按登记先后（先到先得）',
    ];
    await m.query('UPDATE waitlist_entries SET score = ?, reasons = ? WHERE id = ?', [score, JSON.stringify(reasons), entryId]);
    return score;
  }

  /**
   * The centre's admin or an operator of its region verifies or rejects a declared priority. Only a
   * verified fact scores, so the entry's score — and with it the queue order — changes here; the
   * decision and the new score go to the waitlist log.
   */
  async decideFact(principal: Principal, entryId: string, fact: string, dto: PriorityFactDecisionInput): Promise<WaitlistEntryView> {
    const entry = await this.dataSource.getRepository(WaitlistEntryEntity).findOneBy({ id: entryId });
    if (!entry) throw new DomainError(ErrorCode.NOT_FOUND, '未找到该轮候登记');
    const cls = await this.dataSource.getRepository(ChildcareClassEntity).findOneByOrFail({ id: entry.classId });
    await this.providers.requireProviderMember(principal, cls.providerId, ProviderKind.CHILDCARE).catch(() => {
      throw new DomainError(ErrorCode.NOT_FOUND, '未找到该轮候登记');
    });
    if (!dto.verified && !dto.note?.trim()) throw new DomainError(ErrorCode.VALIDATION_FAILED, '不通过时请写明原因，让家长知道需要补充什么', { fields: [{ field: 'note', message: '请写明不通过的原因' }] });
    await this.dataSource.transaction(async (m) => {
      const [locked] = await m.query('SELECT status FROM waitlist_entries WHERE id = ? FOR UPDATE', [entry.id]);
      if (locked.status !== 'waiting') throw new DomainError(ErrorCode.CONFLICT, `该登记已${WAITLIST_STATUS_LABELS[locked.status as WaitlistStatus]}，排序已不再变化，无需核验`);
      const [row] = await m.query('SELECT label, points, status FROM waitlist_priority_facts WHERE entry_id = ? AND fact = ?', [entry.id, fact]);
      if (!row) throw new DomainError(ErrorCode.NOT_FOUND, `该登记没有申报「${fact}」`);
      if (row.status !== 'pending') throw new DomainError(ErrorCode.CONFLICT, `「${row.label}」已${PRIORITY_FACT_STATUS_LABELS[row.status as PriorityFactStatus]}，不能重复核验`);
      await m.query('UPDATE waitlist_priority_facts SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE entry_id = ? AND fact = ?', [
        dto.verified ? 'verified' : 'rejected', principal.userId, this.clock.now(), dto.note?.trim() || null, entry.id, fact,
      ]);
      const score = await this.rescore(m, entry.id);
      await this.log(m, entry.id, dto.verified ? 'fact_verified' : 'fact_rejected', `${row.label}${dto.verified ? `核验通过 +${row.points}` : `核验未通过${dto.note ? `（${dto.note.trim()}）` : ''}`}，得分 ${score}`);
    });
    return this.waitlistView(await this.requireEntry(entry.id));
  }

  /** A held place was not taken: free it and offer it to the next eligible child. */
  private async releaseHeldPlace(m: EntityManager, classId: string): Promise<void> {
    await m.query('UPDATE childcare_classes SET enrolled = enrolled - 1 WHERE id = ? AND enrolled > 0', [classId]);
    await this.offerNextLocked(m, classId);
  }

  /**
   * If the class has a free place, holds it for the first eligible waiting child (highest score,
   * then earliest) with a deadline. Children whose age no longer fits are passed over, with a log line.
   */
  private async offerNextLocked(m: EntityManager, classId: string): Promise<void> {
    const cls = await m.getRepository(ChildcareClassEntity).findOne({ where: { id: classId }, lock: { mode: 'pessimistic_write' } });
    if (!cls || cls.enrolled >= cls.capacity) return;
    const provider = await m.getRepository(ProviderEntity).findOneByOrFail({ id: cls.providerId });
    const hours = ((await this.regions.policyInForce(provider.regionId, WAITLIST_POLICY, this.clock.now(), m))?.rules as WaitlistRules | undefined)?.offerHours ?? 48;
    const queue = await m.getRepository(WaitlistEntryEntity).find({ where: { classId, status: 'waiting' }, order: { score: 'DESC', seq: 'ASC' }, take: 50 });
    for (const entry of queue) {
      const child = await m.getRepository(ChildEntity).findOneBy({ id: entry.childId });
      const start = `${maxMonth(entry.startMonth, nextMonth(shanghaiMonth(this.clock.now())))}-01`;
      if (!child || ageClassFor(ageInMonths(child.birthDate, start)) !== cls.ageClass) {
        await this.log(m, entry.id, 'skipped', '年龄已不符合本班，跳过');
        continue;
      }
      const now = this.clock.now();
      const expires = new Date(now.getTime() + hours * 3600_000);
      await m.getRepository(WaitlistEntryEntity).update({ id: entry.id }, { status: 'offered', offeredAt: now, offerExpiresAt: expires });
      await m.query('UPDATE childcare_classes SET enrolled = enrolled + 1 WHERE id = ?', [classId]);
      await this.log(m, entry.id, 'offered', `有空位，保留至 ${expires.toISOString()}`);
      await this.outbox.add(m, OutboxEvent.WAITLIST_OFFERED, entry.id, { entryId: entry.id, householdId: entry.householdId, className: cls.name, hours });
      return;
    }
  }

  /**
   * A day (临时托) occupies every hour of the day; 计时托 only the hours it touches (09:30–11:00 → 9, 10).
   * Per hour at most: the places enrolled children leave free, plus the daily quota. Bookings of one
   * class-day serialize on its class_day_usage row (created before the transaction), then check and count.
   * On refusal, `hour` is the full hour (null: the day itself is full).
   */
  private async takeDay(m: EntityManager, classId: string, dto: EnrolDto): Promise<{ ok: true } | { ok: false; hour: number | null }> {
    const date = dto.date!;
    const [day] = await m.query('SELECT booked FROM class_day_usage WHERE class_id = ? AND date = ? FOR UPDATE', [classId, date]);
    const [cls] = await m.query('SELECT capacity - enrolled + daily_quota AS places FROM childcare_classes WHERE id = ? LOCK IN SHARE MODE', [classId]);
    const limit = Number(cls.places);
    const dayBooked = Number(day?.booked ?? 0);
    const rows: { hour: number; booked: number }[] = await m.query('SELECT hour, booked FROM class_hour_usage WHERE class_id = ? AND date = ? FOR UPDATE', [classId, date]);
    const byHour = new Map(rows.map((r) => [Number(r.hour), Number(r.booked)]));
    if (dto.careType !== 'hourly') {
      if (dayBooked >= limit) return { ok: false, hour: null };
      const busiest = [...byHour.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
      if (busiest && dayBooked + busiest[1] >= limit) return { ok: false, hour: busiest[0] };
      await m.query('UPDATE class_day_usage SET booked = booked + 1 WHERE class_id = ? AND date = ?', [classId, date]);
      return { ok: true };
    }
    const hours = hoursTouched(dto.startTime!, dto.endTime!);
    if (dayBooked >= limit) return { ok: false, hour: null };
    const full = hours.find((h) => dayBooked + (byHour.get(h) ?? 0) >= limit);
    if (full !== undefined) return { ok: false, hour: full };
    await m.query(
      `INSERT INTO class_hour_usage (class_id, date, hour, booked) VALUES ${hours.map(() => '(?, ?, ?, 1)').join(', ')} ON DUPLICATE KEY UPDATE booked = booked + 1`,
      hours.flatMap((h) => [classId, date, h]),
    );
    return { ok: true };
  }

  /** Cancelling a day or 计时托 gives back its day, or the hours it touched. */
  private async returnDay(m: EntityManager, e: EnrolmentEntity): Promise<void> {
    await m.query('SELECT booked FROM class_day_usage WHERE class_id = ? AND date = ? FOR UPDATE', [e.classId, e.date]);
    if (e.careType === 'hourly' && e.startTime && e.endTime) {
      const hours = hoursTouched(e.startTime, e.endTime);
      await m.query(`UPDATE class_hour_usage SET booked = booked - 1 WHERE class_id = ? AND date = ? AND hour IN (${hours.map(() => '?').join(', ')}) AND booked > 0`, [e.classId, e.date, ...hours]);
    } else {
      await m.query('UPDATE class_day_usage SET booked = booked - 1 WHERE class_id = ? AND date = ? AND booked > 0', [e.classId, e.date]);
    }
  }

  /**
   * An active booking of the child that overlaps this one: a monthly place (全日托/半日托, open until
   * withdrawn) against another monthly place; a day (临时托, the whole day) or 计时托 against one on the
   * same date whose times overlap, or against a 全日托 place already running in that month.
   */
  private async clashingBooking(m: EntityManager, childId: string, dto: EnrolDto, monthly: boolean): Promise<EnrolmentEntity | null> {
    const q = m.getRepository(EnrolmentEntity).createQueryBuilder('e').where('e.child_id = :childId AND e.status = :active', { childId, active: 'active' });
    if (monthly) return q.andWhere('e.care_type IN (:...monthly)', { monthly: MONTHLY_CARE_TYPES }).getOne();
    const [start, end] = dto.careType === 'hourly' ? [dto.startTime!, dto.endTime!] : ['00:00', '24:00'];
    return q
      .andWhere(
        `((e.date = :date AND COALESCE(e.start_time, '00:00') < :end AND COALESCE(e.end_time, '24:00') > :start)
          OR (e.care_type = 'full_day' AND e.start_month <= :month))`,
        { date: dto.date!, start, end, month: dto.date!.slice(0, 7) },
      )
      .getOne();
  }

  /** 「某托育园 托小班 全日托 2026-12 起」: where and when a booking is, for messages. */
  private async placeName(e: EnrolmentEntity, m: EntityManager = this.dataSource.manager): Promise<string> {
    const [row] = await m.query('SELECT c.name AS class_name, p.name AS centre FROM childcare_classes c JOIN providers p ON p.id = c.provider_id WHERE c.id = ?', [e.classId]);
    const when = e.date ? `${e.date}${e.startTime && e.endTime ? ` ${e.startTime}–${e.endTime}` : ''}` : `${e.startMonth} 起`;
    return `${row?.centre ?? ''} ${row?.class_name ?? ''} ${CARE_TYPE_LABELS[e.careType]} ${when}`;
  }

  private async assertWithinOpeningHours(centreId: string, start: string, end: string): Promise<void> {
    const settings = await this.dataSource.getRepository(ChildcareCentreEntity).findOneBy({ providerId: centreId });
    const open = settings?.openTime ?? DEFAULT_OPEN;
    const close = settings?.closeTime ?? DEFAULT_CLOSE;
    const fields: { field: string; message: string }[] = [];
    if (start < open) fields.push({ field: 'startTime', message: `本园开放时间 ${open}–${close}，开始时间不能早于 ${open}` });
    if (end > close) fields.push({ field: 'endTime', message: `本园开放时间 ${open}–${close}，结束时间不能晚于 ${close}` });
    if (fields.length) throw new DomainError(ErrorCode.VALIDATION_FAILED, `${fields.map((f) => f.field).join('/')}: 本园开放时间 ${open}–${close}`, { fields });
  }

  private validMonth(month: string | undefined): string {
    if (!month) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'startMonth: 请选择入托月份', { fields: [{ field: 'startMonth', message: '请选择入托月份' }] });
    const current = shanghaiMonth(this.clock.now());
    if (month < current) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'startMonth: 入托月份不能早于本月', { fields: [{ field: 'startMonth', message: '不能早于本月' }] });
    if (month > addMonths(current, MAX_MONTHS_AHEAD)) throw new DomainError(ErrorCode.VALIDATION_FAILED, `startMonth: 最多可预约 ${MAX_MONTHS_AHEAD} 个月内入托`, { fields: [{ field: 'startMonth', message: '太远了' }] });
    return `${month}-01`;
  }

  private validDay(dto: EnrolDto): string {
    if (!dto.date) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'date: 请选择日期', { fields: [{ field: 'date', message: '请选择日期' }] });
    const today = shanghaiDate(this.clock.now());
    if (dto.date < today) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'date: 日期已经过去', { fields: [{ field: 'date', message: '日期已经过去' }] });
    if (dto.careType === 'hourly') {
      if (!dto.startTime || !dto.endTime || dto.endTime <= dto.startTime) {
        throw new DomainError(ErrorCode.VALIDATION_FAILED, 'endTime: 计时托请填写开始和结束时间，结束晚于开始', { fields: [{ field: 'endTime', message: '结束时间应晚于开始时间' }] });
      }
    }
    return dto.date;
  }

  private assertAgeFits(child: ChildEntity, cls: ChildcareClassEntity, onDate: string): void {
    const months = ageInMonths(child.birthDate, onDate);
    const fits = ageClassFor(months);
    if (fits !== cls.ageClass) {
      const band = AGE_CLASSES[cls.ageClass];
      const should = fits ? `应入${AGE_CLASSES[fits].label}` : months < 6 ? '未满 6 个月，暂不能入托' : '已满 3 周岁，超出托育年龄';
      throw new DomainError(ErrorCode.AGE_DOES_NOT_FIT, `${child.name}在 ${onDate} 为 ${months} 个月，${band.label}收 ${band.minMonths}–${band.maxMonths} 个月的幼儿，${should}`, {
        ageMonths: months, suitableClass: fits,
      });
    }
  }

  private async requireCentre(id: string): Promise<ProviderEntity> {
    const centre = await this.dataSource.getRepository(ProviderEntity).findOneBy({ id, kind: ProviderKind.CHILDCARE });
    if (!centre) throw new DomainError(ErrorCode.CENTRE_NOT_FOUND, '未找到该托育机构');
    return centre;
  }

  private async requireClass(id: string): Promise<ChildcareClassEntity> {
    const cls = await this.dataSource.getRepository(ChildcareClassEntity).findOneBy({ id });
    if (!cls) throw new DomainError(ErrorCode.CLASS_NOT_FOUND, '未找到该班级', { fields: [{ field: 'classId', message: '未找到该班级' }] });
    return cls;
  }

  private async requireEntry(id: string): Promise<WaitlistEntryEntity> {
    const entry = await this.dataSource.getRepository(WaitlistEntryEntity).findOneBy({ id });
    if (!entry) throw new DomainError(ErrorCode.WAITLIST_NOT_FOUND, '未找到该轮候登记');
    return entry;
  }

  private async requireFamilyEntry(principal: Principal, id: string): Promise<WaitlistEntryEntity> {
    const entry = await this.requireEntry(id);
    await this.access.requireChild(principal.userId, entry.childId).catch(() => {
      throw new DomainError(ErrorCode.WAITLIST_NOT_FOUND, '未找到该轮候登记');
    });
    return entry;
  }

  private async myHouseholds(principal: Principal): Promise<string[]> {
    const rows: { household_id: string }[] = await this.dataSource.query('SELECT household_id FROM household_members WHERE user_id = ?', [principal.userId]);
    return rows.map((r) => r.household_id);
  }

  private async log(m: EntityManager, entryId: string, event: string, note: string): Promise<void> {
    await m.getRepository(WaitlistLogEntity).insert({ entryId, event, note, createdAt: this.clock.now() });
  }

  private async centreView(c: ProviderEntity, from: { lat: number; lng: number } | null): Promise<ChildcareCentreView> {
    const settings = await this.dataSource.getRepository(ChildcareCentreEntity).findOneBy({ providerId: c.id });
    const classes = await this.dataSource.getRepository(ChildcareClassEntity).find({ where: { providerId: c.id }, order: { createdAt: 'ASC' } });
    const views = await Promise.all(classes.map((k) => this.classView(k)));
    return {
      id: c.id, name: c.name, address: c.address, location: { lat: c.lat, lng: c.lng }, phone: c.phone, licensedPlaces: settings?.licensedPlaces ?? 0,
      openTime: settings?.openTime ?? DEFAULT_OPEN, closeTime: settings?.closeTime ?? DEFAULT_CLOSE,
      distanceMeters: from ? Math.round(distanceMeters(from, { lat: c.lat, lng: c.lng })) : null, puhui: classes.some((k) => k.puhui), classes: views,
    };
  }

  private async classView(k: ChildcareClassEntity): Promise<ChildcareClassView> {
    const waitlist = await this.dataSource.getRepository(WaitlistEntryEntity).countBy({ classId: k.id, status: 'waiting' });
    return {
      id: k.id, centreId: k.providerId, ageClass: k.ageClass, ageLabel: AGE_CLASSES[k.ageClass].label, name: k.name, capacity: k.capacity, puhui: k.puhui,
      prices: k.prices, dailyQuota: k.dailyQuota, enrolled: k.enrolled, free: Math.max(0, k.capacity - k.enrolled), waitlist,
    };
  }

  private async enrolmentView(e: EnrolmentEntity): Promise<EnrolmentView> {
    const cls = await this.dataSource.getRepository(ChildcareClassEntity).findOneByOrFail({ id: e.classId });
    const centre = await this.dataSource.getRepository(ProviderEntity).findOneByOrFail({ id: cls.providerId });
    const child = await this.dataSource.getRepository(ChildEntity).findOne({ where: { id: e.childId }, withDeleted: true });
    return {
      id: e.id, childId: e.childId, childName: child?.name ?? '', centreId: centre.id, centreName: centre.name, classId: cls.id, className: cls.name,
      careType: e.careType, startMonth: e.startMonth, date: e.date, startTime: e.startTime, endTime: e.endTime, status: e.status, priceFen: e.priceFen, puhui: e.puhui,
      createdAt: e.createdAt.toISOString(),
    };
  }

  /** Why a parent cannot confirm a place: what actually happened to their entry. */
  private async whyNotHeld(e: WaitlistEntryEntity): Promise<string> {
    switch (e.status) {
      case 'waiting': {
        const view = await this.waitlistView(e);
        return `还没有为您保留托位：您在轮候第 ${view.position} 位，有空位时会通知您在时限内确认`;
      }
      case 'offered':
      case 'expired':
        return `为您保留的托位已过确认时限${e.offerExpiresAt ? `（${shanghaiDate(e.offerExpiresAt)} ${shanghaiClock(e.offerExpiresAt)}）` : ''}，已转给下一位；如仍需要，请重新预约或加入轮候`;
      case 'accepted':
        return '您已确认入托，无需重复确认';
      case 'declined':
        return '您已放弃这个保留的托位；如仍需要，请重新预约或加入轮候';
      default:
        return '您已退出轮候；如仍需要，请重新预约或加入轮候';
    }
  }

  async waitlistView(e: WaitlistEntryEntity): Promise<WaitlistEntryView> {
    const cls = await this.dataSource.getRepository(ChildcareClassEntity).findOneByOrFail({ id: e.classId });
    const centre = await this.dataSource.getRepository(ProviderEntity).findOneByOrFail({ id: cls.providerId });
    const child = await this.dataSource.getRepository(ChildEntity).findOne({ where: { id: e.childId }, withDeleted: true });
    let position: number | null = null;
    if (e.status === 'waiting') {
      const [{ ahead }] = await this.dataSource.query(
        `SELECT COUNT(*) AS ahead FROM waitlist_entries WHERE class_id = ? AND status = 'waiting' AND (score > ? OR (score = ? AND seq < ?))`,
        [e.classId, e.score, e.score, e.seq],
      );
      position = Number(ahead) + 1;
    }
    return {
      id: e.id, childId: e.childId, childName: child?.name ?? '', classId: cls.id, className: cls.name, centreName: centre.name, careType: e.careType,
      status: e.status, statusLabel: WAITLIST_STATUS_LABELS[e.status], position, score: e.score, reasons: e.reasons,
      facts: await this.factViews(e.id), requestedMonth: e.startMonth, startMonth: e.confirmedMonth, monthNote: e.monthNote,
      offerExpiresAt: e.offerExpiresAt?.toISOString() ?? null, createdAt: e.createdAt.toISOString(),
    };
  }

  private async factViews(entryId: string): Promise<PriorityFactView[]> {
    const rows: { fact: string; label: string; points: number; status: PriorityFactStatus; evidence_note: string | null; decision_note: string | null; decided_at: Date | null }[] =
      await this.dataSource.query('SELECT fact, label, points, status, evidence_note, decision_note, decided_at FROM waitlist_priority_facts WHERE entry_id = ? ORDER BY points DESC, fact', [entryId]);
    return rows.map((f) => ({
      fact: f.fact, label: f.label, points: f.points, status: f.status, statusLabel: PRIORITY_FACT_STATUS_LABELS[f.status],
      evidenceNote: f.evidence_note, decisionNote: f.decision_note, decidedAt: f.decided_at ? new Date(f.decided_at).toISOString() : null,
    }));
  }

  private pickupView(p: PickupPersonEntity): PickupPersonView {
    return { id: p.id, name: p.name, phoneMasked: maskPhone(this.cipher.decrypt(p.phoneEnc)), relation: p.relation };
  }
}

function alreadySettled(month: string, at: Date, by: string | null): DomainError {
  return new DomainError(ErrorCode.PERIOD_ALREADY_SETTLED, `${month} 的普惠托位运营补贴已结算（${by ?? '街道运营'}，${shanghaiDate(at)} ${shanghaiClock(at)}），不能重复结算`, {
    month, settledAt: at.toISOString(), settledBy: by,
  });
}

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

function nextMonth(month: string): string {
  return addMonths(month, 1);
}

const SIBLING_FACT = 'sibling_enrolled';

/**
 * The facts a family declares must be ones the region's waitlist policy scores (else 400 naming
 * them), and each needs evidence: a short note the centre or the 街道 can check.
 */
function requireDeclarableFacts(rules: WaitlistRules['rules'], dto: EnrolDto): { rule: WaitlistRules['rules'][number]; note: string }[] {
  const declared = (dto.priorityFacts ?? []).filter((f) => f !== SIBLING_FACT || !rules.some((r) => r.fact === f));
  const unknown = declared.filter((f) => !rules.some((r) => r.fact === f));
  const offered = rules.filter((r) => r.fact !== SIBLING_FACT).map((r) => `${r.label}（${r.fact}）`).join('、') || '无';
  if (unknown.length) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `本地区的轮候规则中没有「${unknown.join('」「')}」这项优先条件。可申报：${offered}`, {
      fields: [{ field: 'priorityFacts', message: `没有「${unknown.join('」「')}」这项优先条件` }],
    });
  }
  const notes = new Map((dto.priorityEvidence ?? []).map((e) => [e.fact, e.note.trim()]));
  const stray = [...notes.keys()].filter((f) => !declared.includes(f));
  if (stray.length) throw new DomainError(ErrorCode.VALIDATION_FAILED, `证明材料说明对应的优先条件「${stray.join('」「')}」没有申报`, { fields: [{ field: 'priorityEvidence', message: '只为申报的优先条件填写证明' }] });
  return declared.map((fact) => {
    const rule = rules.find((r) => r.fact === fact)!;
    const note = notes.get(fact);
    if (!note) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `请为「${rule.label}」写明证明（如户口簿、在职证明上的信息），托育机构或街道核验通过后才计分`, {
        fields: [{ field: 'priorityEvidence', message: `「${rule.label}」缺少证明说明` }],
      });
    }
    return { rule, note };
  });
}

function maxMonth(a: string, b: string): string {
  return a > b ? a : b;
}

/** The clock hours a booking touches: 09:30–11:00 → [9, 10]. */
function hoursTouched(start: string, end: string): number[] {
  const [sh, sm] = start.split(':').map(Number);
  const [eh, em] = end.split(':').map(Number);
  const first = Math.floor((sh * 60 + sm) / 60);
  const last = Math.ceil((eh * 60 + em) / 60);
  return Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i);
}

function hourRange(hour: number): string {
  const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
  return `${hh(hour)}–${hh(hour + 1)}`;
}

function hoursBetween(start: string, end: string): number {
  const [sh, sm] = start.split(':').map(Number);
  const [eh, em] = end.split(':').map(Number);
  return Math.ceil((eh * 60 + em - sh * 60 - sm) / 60);
}

