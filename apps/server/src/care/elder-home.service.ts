import { MEAL_BOOKING_STATUS_LABELS, MEAL_MODE_LABELS, MEAL_PERIOD_LABELS, shanghaiDate, type ElderHomeView, type EmergencyContact } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { calendarDay } from '../common/typeorm.js';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { FieldCipher } from '../common/crypto/field-cipher.js';
import { DomainError } from '../common/errors/domain-error.js';
import { ErrorCode } from '@carecircle/shared';
import { HouseholdAccess } from '../households/household-access.service.js';
import { OrdersService } from '../orders/orders.service.js';
import { SosService } from './sos.service.js';

/** 长辈版 home: today's visits and meals with who is coming, orders waiting for a yes/no, family to call. */
@Injectable()
export class ElderHomeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: HouseholdAccess,
    private readonly orders: OrdersService,
    private readonly sos: SosService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async home(principal: Principal, elderId?: string): Promise<ElderHomeView> {
    const id = elderId ?? principal.elderId;
    if (!id) throw new DomainError(ErrorCode.ELDER_NOT_FOUND, '当前账号还没有绑定老人，请让家人在「我的家人」里生成绑定码');
    const elder = await this.access.requireElder(principal, id);
    const today = shanghaiDate(this.clock.now());
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const dayStart = new Date(`${today}T00:00:00+08:00`);
    // Today's and tomorrow's visits: an elder who just confirmed tomorrow's service sees it here.
    const dayEnd = new Date(Date.parse(`${tomorrow}T00:00:00+08:00`) + 86_400_000);
    const active: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM orders WHERE elder_id = ? AND status IN ('created','dispatching','offered','accepted','en_route','in_service','escalated')
         AND (window_start IS NULL OR (window_start >= ? AND window_start < ?)) ORDER BY COALESCE(window_start, created_at)`,
      [elder.id, dayStart, dayEnd],
    );
    const today_ = await Promise.all(active.map(async (o) => this.orders.view(await this.orders.entity(o.id))));
    const pending: { id: string }[] = await this.dataSource.query(`SELECT id FROM orders WHERE elder_id = ? AND status = 'awaiting_elder' ORDER BY created_at`, [elder.id]);
    const pendingViews = await Promise.all(
      pending.map(async (o) => {
        const entity = await this.orders.entity(o.id);
        const [by] = await this.dataSource.query('SELECT nickname FROM users WHERE id = ?', [entity.createdBy]);
        const view = await this.orders.view(entity);
        return { orderId: o.id, serviceName: view.serviceName, orderedBy: by?.nickname ?? '家人', windowStart: view.windowStart, deadline: view.elderConfirmDeadline ?? '' };
      }),
    );
    type Collected = ElderHomeView['meals'][number]['status'];
    const meals: { id: string; date: string | Date; period: 'lunch' | 'dinner'; canteen: string; mode: 'dine_in' | 'pickup' | 'delivery'; pickup_code: string; status: Collected; delivery_status: string | null }[] = await this.dataSource.query(
      `SELECT b.id, s.date, s.period, p.name AS canteen, b.mode, b.pickup_code, b.status, o.status AS delivery_status FROM meal_bookings b JOIN meal_slots s ON s.id = b.slot_id JOIN providers p ON p.id = s.provider_id
        LEFT JOIN orders o ON o.id = b.delivery_order_id
        WHERE b.elder_id = ? AND b.status <> 'cancelled' AND s.date IN (?, ?) ORDER BY s.serve_start_at`,
      [elder.id, today, tomorrow],
    );
    const contacts = JSON.parse(this.cipher.decrypt(elder.emergencyContactsEnc)) as EmergencyContact[];
    return {
      elderId: elder.id,
      name: elder.name,
      today: today_.map((o) => ({ orderId: o.id, serviceName: o.serviceName, statusLabel: o.statusLabel, staffName: o.staff?.name ?? null, windowStart: o.windowStart, staffDistanceMeters: o.staffDistanceMeters })),
      meals: meals.map((b) => {
        // A delivered meal is recorded on its delivery job, not on the booking.
        const status: Collected = b.status === 'booked' && ['completed', 'rated'].includes(b.delivery_status ?? '') ? 'delivered' : b.status;
        return {
          bookingId: b.id, date: calendarDay(b.date),
          periodLabel: MEAL_PERIOD_LABELS[b.period], canteenName: b.canteen, modeLabel: MEAL_MODE_LABELS[b.mode], pickupCode: b.pickup_code,
          status, statusLabel: MEAL_BOOKING_STATUS_LABELS[status], collected: status !== 'booked',
        };
      }),
      pendingConfirmations: pendingViews,
      family: contacts.map((c) => ({ name: c.name, relation: c.relation, phone: c.phone })),
      activeSos: await this.sos.activeFor(elder.id),
    };
  }
}
