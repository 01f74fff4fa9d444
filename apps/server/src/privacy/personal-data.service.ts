import { ACTIVE_JOB_STATUSES, ErrorCode, KEPT_AFTER_DELETION, Role, type AccountDeletionView, type EmergencyContact, type PersonalDataExportView, type PhoneRevealView, shanghaiDate } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ConsentService } from '../auth/consent.service.js';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { FieldCipher } from '../common/crypto/field-cipher.js';
import { DomainError } from '../common/errors/domain-error.js';
import { calendarDay } from '../common/typeorm.js';
import { AuditService } from '../regulation/audit.service.js';

/** Orders in these states are done with; anything else is underway and blocks deleting the account. */
const SETTLED_ORDER_STATUSES = ['completed', 'rated', 'cancelled'];
const ANONYMISED = '（已注销）';

/**
 * What PIPL promises a person about their own data: the full phone only to who needs it now
 * (each reveal audited), a copy of everything (art. 45) and deletion (art. 47). Reads across
 * households, orders, meals, childcare and the time bank, so it sits above those domains.
 */
@Injectable()
export class PersonalDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly consents: ConsentService,
  ) {}

  /**
   * The elder's household, the elder's own login, and the staff member whose job for this elder is
   * accepted / en route / in service. Anyone else — also that staff member before accepting or
   * after the job — gets 404 as if the elder did not exist.
   */
  async revealPhone(principal: Principal, elderId: string): Promise<PhoneRevealView> {
    const [elder]: { id: string; household_id: string; phone_enc: string | null }[] = await this.dataSource.query(
      'SELECT id, household_id, phone_enc FROM elders WHERE id = ? AND deleted_at IS NULL',
      [elderId],
    );
    if (!elder || !(await this.mayReveal(principal, elder.id, elder.household_id))) throw new DomainError(ErrorCode.ELDER_NOT_FOUND, '未找到该老人信息');
    await this.audit.record(principal.userId, 'reveal_phone', 'elder', elder.id);
    return { elderId: elder.id, phone: this.cipher.decryptNullable(elder.phone_enc) };
  }

  private async mayReveal(principal: Principal, elderId: string, householdId: string): Promise<boolean> {
    if (principal.elderId === elderId) return true;
    const [member] = await this.dataSource.query('SELECT 1 FROM household_members WHERE household_id = ? AND user_id = ?', [householdId, principal.userId]);
    if (member) return true;
    if (!principal.roles.includes(Role.PROVIDER_STAFF)) return false;
    const [job] = await this.dataSource.query(
      `SELECT 1 FROM orders o JOIN provider_staff s ON s.id = o.staff_id
        WHERE s.user_id = ? AND o.elder_id = ? AND o.status IN (${ACTIVE_JOB_STATUSES.map(() => '?').join(',')}) LIMIT 1`,
      [principal.userId, elderId, ...ACTIVE_JOB_STATUSES],
    );
    return !!job;
  }

  /** Everything about the caller, decrypted: it is their own data and that of the elders and children they manage. */
  async export(principal: Principal): Promise<PersonalDataExportView> {
    const userId = principal.userId;
    const [user] = await this.dataSource.query('SELECT id, nickname, roles, created_at FROM users WHERE id = ?', [userId]);
    const memberships: { household_id: string; role: string; name: string }[] = await this.dataSource.query(
      'SELECT m.household_id, m.role, h.name FROM household_members m JOIN households h ON h.id = m.household_id WHERE m.user_id = ? ORDER BY m.joined_at',
      [userId],
    );
    const householdIds = memberships.map((m) => m.household_id);
    const households: PersonalDataExportView['households'] = [];
    for (const m of memberships) {
      const elders: Record<string, unknown>[] = await this.dataSource.query('SELECT * FROM elders WHERE household_id = ? AND deleted_at IS NULL ORDER BY created_at', [m.household_id]);
      const children: Record<string, unknown>[] = await this.dataSource.query('SELECT * FROM children WHERE household_id = ? AND deleted_at IS NULL ORDER BY created_at', [m.household_id]);
      households.push({
        id: m.household_id,
        name: m.name,
        role: m.role,
        elders: elders.map((e) => ({
          id: e.id, name: e.name, gender: e.gender, birthDate: day(e.birth_date), idNumber: this.cipher.decrypt(String(e.id_number_enc)),
          phone: this.cipher.decryptNullable(e.phone_enc as string | null), address: e.address, location: { lat: Number(e.lat), lng: Number(e.lng) },
          emergencyContacts: JSON.parse(this.cipher.decrypt(String(e.emergency_contacts_enc))) as EmergencyContact[],
          healthNotes: this.cipher.decryptNullable(e.health_notes_enc as string | null), dietaryNeeds: json(e.dietary_needs),
          livingSituation: e.living_situation, subsidyCategory: e.subsidy_category, subsidyVerification: e.subsidy_verification,
          createdAt: iso(e.created_at),
        })),
        children: children.map((c) => ({
          id: c.id, name: c.name, birthDate: day(c.birth_date), idNumber: this.cipher.decryptNullable(c.id_number_enc as string | null), createdAt: iso(c.created_at),
        })),
      });
    }
    const inHouseholds = householdIds.length ? `OR household_id IN (${householdIds.map(() => '?').join(',')})` : '';
    const orders: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT id, household_id, elder_id, service_code, status, window_start, window_end, address, notes, price_fen, subsidy_fen, pay_fen, created_at
         FROM orders WHERE created_by = ? ${inHouseholds} ORDER BY created_at`,
      [userId, ...householdIds],
    );
    const meals: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT id, household_id, elder_id, slot_id, mode, status, price_fen, subsidy_fen, pay_fen, created_at FROM meal_bookings WHERE created_by = ? ${inHouseholds} ORDER BY created_at`,
      [userId, ...householdIds],
    );
    const enrolments: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT id, household_id, child_id, class_id, care_type, start_month, date, start_time, end_time, status, price_fen, created_at FROM enrolments WHERE created_by = ? ${inHouseholds} ORDER BY created_at`,
      [userId, ...householdIds],
    );
    const [account] = await this.dataSource.query('SELECT balance_minutes FROM timebank_accounts WHERE user_id = ?', [userId]);
    const ledger: Record<string, unknown>[] = await this.dataSource.query('SELECT kind, minutes, order_id, note, created_at FROM timebank_ledger WHERE user_id = ? ORDER BY id', [userId]);
    const consent = await this.consents.state(userId);
    await this.audit.record(userId, 'export', 'user', userId);
    return {
      exportedAt: this.clock.now().toISOString(),
      user: { id: user.id, nickname: user.nickname, roles: json(user.roles) as string[], createdAt: iso(user.created_at) },
      households,
      orders: orders.map((o) => ({
        id: o.id, householdId: o.household_id, elderId: o.elder_id, serviceCode: o.service_code, status: o.status, windowStart: isoOrNull(o.window_start),
        windowEnd: isoOrNull(o.window_end), address: o.address, notes: o.notes, priceFen: o.price_fen, subsidyFen: o.subsidy_fen, payFen: o.pay_fen, createdAt: iso(o.created_at),
      })),
      mealBookings: meals.map((b) => ({
        id: b.id, householdId: b.household_id, elderId: b.elder_id, slotId: b.slot_id, mode: b.mode, status: b.status, priceFen: b.price_fen, subsidyFen: b.subsidy_fen, payFen: b.pay_fen, createdAt: iso(b.created_at),
      })),
      childcareBookings: enrolments.map((e) => ({
        id: e.id, householdId: e.household_id, childId: e.child_id, classId: e.class_id, careType: e.care_type, startMonth: e.start_month, date: e.date ? day(e.date) : null,
        startTime: e.start_time, endTime: e.end_time, status: e.status, priceFen: e.price_fen, createdAt: iso(e.created_at),
      })),
      consents: consent.history,
      timebank: {
        balanceMinutes: account ? Number(account.balance_minutes) : 0,
        entries: ledger.map((l) => ({ kind: l.kind, minutes: l.minutes, orderId: l.order_id, note: l.note, at: iso(l.created_at) })),
      },
    };
  }

  /**
   * Deletes the account: households only this person belongs to lose their elders' and children's
   * personal data (rows stay, anonymised, because orders, ledgers and settlements point at them);
   * shared households are only left. Orders and subsidy ledger rows stay for settlement and audit.
   * Refused while an order or booking of theirs is underway, and for work accounts (staff,
   * provider admins, operators), whose records belong to their organisation.
   */
  async deleteAccount(principal: Principal): Promise<AccountDeletionView> {
    const userId = principal.userId;
    const work = principal.roles.filter((r) => r === Role.PROVIDER_STAFF || r === Role.PROVIDER_ADMIN || r === Role.OPERATOR || r === Role.PLATFORM_ADMIN);
    if (work.length) {
      throw new DomainError(ErrorCode.CONFLICT, '这是工作账号（服务人员、机构管理员或运营人员），请先由所在机构或街道解除您的工作身份，再注销账号', { roles: work });
    }
    const now = this.clock.now();
    const deleted: string[] = [];
    await this.dataSource.transaction(async (m) => {
      await m.query('SELECT id FROM users WHERE id = ? FOR UPDATE', [userId]);
      const sole = await this.soleHouseholds(m, userId);
      await this.refuseWhileUnderway(m, userId, sole);
      if (sole.length) {
        const ids = sole.map(() => '?').join(',');
        const elders: { id: string; birth_date: Date | string }[] = await m.query(`SELECT id, birth_date FROM elders WHERE household_id IN (${ids})`, sole);
        for (const e of elders) {
          await m.query(
            `UPDATE elders SET name = ?, birth_date = ?, id_number_enc = ?, id_number_hash = NULL, phone_enc = NULL, address = ?, lat = ROUND(lat, 2), lng = ROUND(lng, 2),
                    emergency_contacts_enc = ?, health_notes_enc = NULL, dietary_needs = '[]', deleted_at = COALESCE(deleted_at, ?) WHERE id = ?`,
            [ANONYMISED, `${day(e.birth_date).slice(0, 4)}-01-01`, this.cipher.encrypt(''), ANONYMISED, this.cipher.encrypt('[]'), now, e.id],
          );
        }
        await m.query(`UPDATE children SET name = ?, id_number_enc = NULL, id_number_hash = NULL, deleted_at = COALESCE(deleted_at, ?) WHERE household_id IN (${ids})`, [ANONYMISED, now, ...sole]);
        await m.query(`UPDATE pickup_persons SET name = ?, phone_enc = ? WHERE child_id IN (SELECT id FROM children WHERE household_id IN (${ids}))`, [ANONYMISED, this.cipher.encrypt(''), ...sole]);
        await m.query(`UPDATE orders SET address = ?, notes = NULL, lat = ROUND(lat, 2), lng = ROUND(lng, 2) WHERE household_id IN (${ids})`, [ANONYMISED, ...sole]);
        await m.query(`UPDATE households SET name = ? WHERE id IN (${ids})`, [ANONYMISED, ...sole]);
        await m.query(`DELETE FROM household_invites WHERE household_id IN (${ids}) AND used_by IS NULL`, sole);
        await m.query(`DELETE FROM elder_login_codes WHERE elder_id IN (SELECT id FROM elders WHERE household_id IN (${ids})) AND used_by IS NULL`, sole);
        deleted.push(`${elders.length} 位老人和这些家庭里孩子的姓名、身份证号、手机号、地址、紧急联系人、健康备注`, '这些家庭订单上的地址和备注');
      }
      await m.query('DELETE FROM household_members WHERE user_id = ?', [userId]);
      await m.query('UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', [now, userId]);
      await m.query("UPDATE users SET openid = ?, nickname = ?, roles = '[]', elder_id = NULL, deleted_at = ? WHERE id = ?", [`deleted:${userId}`, '已注销用户', now, userId]);
      deleted.push('您的微信登录标识和昵称', '您在所有家庭中的成员身份', '您的全部登录会话');
      await this.audit.record(userId, 'account_delete', 'user', userId, m);
    });
    return { deletedAt: now.toISOString(), deleted, kept: KEPT_AFTER_DELETION };
  }

  private async soleHouseholds(m: EntityManager, userId: string): Promise<string[]> {
    const rows: { household_id: string }[] = await m.query(
      `SELECT mine.household_id FROM household_members mine
        WHERE mine.user_id = ? AND NOT EXISTS (SELECT 1 FROM household_members other WHERE other.household_id = mine.household_id AND other.user_id <> mine.user_id)`,
      [userId],
    );
    return rows.map((r) => r.household_id);
  }

  private async refuseWhileUnderway(m: EntityManager, userId: string, sole: string[]): Promise<void> {
    const inSole = sole.length ? `OR household_id IN (${sole.map(() => '?').join(',')})` : '';
    const settled = SETTLED_ORDER_STATUSES.map(() => '?').join(',');
    const [order] = await m.query(`SELECT id, status FROM orders WHERE (created_by = ? ${inSole}) AND status NOT IN (${settled}) LIMIT 1`, [userId, ...sole, ...SETTLED_ORDER_STATUSES]);
    if (order) {
      throw new DomainError(ErrorCode.CONFLICT, '您还有进行中的服务订单，请等服务完成或取消订单后再注销账号', { orderId: order.id, status: order.status });
    }
    const today = shanghaiDate(this.clock.now());
    const [meal] = await m.query(
      `SELECT b.id FROM meal_bookings b JOIN meal_slots s ON s.id = b.slot_id WHERE (b.created_by = ? ${inSole.replace('household_id', 'b.household_id')}) AND b.status = 'booked' AND s.date >= ? LIMIT 1`,
      [userId, ...sole, today],
    );
    if (meal) throw new DomainError(ErrorCode.CONFLICT, '您还有未完成的订餐，请等用餐完成或取消后再注销账号', { mealBookingId: meal.id });
  }
}

function day(value: unknown): string {
  return calendarDay(value as string | Date);
}
function iso(value: unknown): string {
  return new Date(value as string).toISOString();
}
function isoOrNull(value: unknown): string | null {
  return value ? iso(value) : null;
}
function json(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}
