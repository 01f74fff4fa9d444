import { ErrorCode, Role, shanghaiDate, type RegisterVolunteerInput, type StaffMeView, type TimebankRecipientView, type TimebankView } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuthService } from '../auth/auth.service.js';
import { Clock } from '../common/clock.js';
import { StaffService } from '../providers/staff.service.js';
import { RegionsService } from '../regions/regions.service.js';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';

/** The households a user belongs to: as a member, or as an elder on his own login (two `?`: the user id twice). */
const HOUSEHOLDS_OF = `SELECT household_id FROM household_members WHERE user_id = ? UNION SELECT e.household_id FROM users u JOIN elders e ON e.id = u.elder_id WHERE u.id = ? AND e.deleted_at IS NULL`;

/**
 * 时间银行 (以服务换养老): volunteers earn minutes for completed jobs, spend them on services or
 * give them to family. The balance is one row changed by conditional UPDATEs (never negative);
 * the ledger's unique key credits a job once.
 */
@Injectable()
export class TimebankService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly auth: AuthService,
    private readonly staff: StaffService,
    private readonly clock: Clock,
  ) {}

  /**
   * 时间银行志愿者 register themselves: they join their 街道's volunteer team (created on first use)
   * and take light services through dispatch like any staff member, earning minutes for each.
   */
  async registerVolunteer(principal: Principal, { regionId, skills, birthYear }: RegisterVolunteerInput): Promise<StaffMeView> {
    const age = Number(shanghaiDate(this.clock.now()).slice(0, 4)) - birthYear;
    if (age < 18 || age > 75) {
      const message = '时间银行志愿者须年满 18 周岁、不超过 75 周岁';
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `birthYear: ${message}`, { fields: [{ field: 'birthYear', message }] });
    }
    const allowed = ['visit', 'companionship', 'shopping', 'mobility', 'meal_delivery'];
    const wrong = skills.filter((x) => !allowed.includes(x));
    if (wrong.length) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'skills: 志愿者可选探访关爱、精神慰藉、助购、助行、送餐', { fields: [{ field: 'skills', message: '志愿者可选探访关爱、精神慰藉、助购、助行、送餐' }] });
    const region = await this.regions.requireRegion(regionId);
    const street = region.level === 'community' && region.parentId ? await this.regions.requireRegion(region.parentId) : region;
    const [already] = await this.dataSource.query('SELECT id FROM provider_staff WHERE user_id = ?', [principal.userId]);
    if (already) throw new DomainError(ErrorCode.CONFLICT, '您已登记为服务人员或志愿者');
    const [user] = await this.dataSource.query('SELECT nickname FROM users WHERE id = ?', [principal.userId]);
    await this.dataSource.transaction(async (m) => {
      const licence = `VOL-${street.code}`.slice(0, 64);
      await m.query(
        `INSERT IGNORE INTO providers (id, kind, name, licence_no, region_id, address, lat, lng, service_radius_m, status, recommended) VALUES (?, 'home_care', ?, ?, ?, ?, ?, ?, 8000, 'approved', 0)`,
        [randomUUID(), `${street.name}志愿者服务队`, licence, street.id, `${street.name}社区服务中心`, street.centerLat, street.centerLng],
      );
      const [team] = await m.query('SELECT id FROM providers WHERE licence_no = ?', [licence]);
      await m.query(
        `INSERT INTO provider_staff (id, provider_id, user_id, name, skills, home_lat, home_lng, max_concurrent_jobs, rating_x100, on_duty, is_volunteer, birth_year) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 480, 0, 1, ?)`,
        [randomUUID(), team.id, principal.userId, user?.nickname ?? '志愿者', JSON.stringify(skills), region.centerLat, region.centerLng, birthYear],
      );
    });
    await this.auth.grantRole(principal.userId, Role.PROVIDER_STAFF);
    return this.staff.me(principal);
  }

  async view(userId: string): Promise<TimebankView> {
    const [account] = await this.dataSource.query('SELECT balance_minutes FROM timebank_accounts WHERE user_id = ?', [userId]);
    const rows: { kind: TimebankView['entries'][number]['kind']; minutes: number; order_id: string | null; note: string | null; created_at: Date }[] = await this.dataSource.query(
      'SELECT kind, minutes, order_id, note, created_at FROM timebank_ledger WHERE user_id = ? ORDER BY id DESC LIMIT 100',
      [userId],
    );
    return { userId, balanceMinutes: Number(account?.balance_minutes ?? 0), entries: rows.map((r) => ({ kind: r.kind, minutes: r.minutes, orderId: r.order_id, note: r.note, at: new Date(r.created_at).toISOString() })) };
  }

  /** Credits a completed job once, whatever retries happen. */
  async earn(m: EntityManager, userId: string, orderId: string, minutes: number, note: string): Promise<boolean> {
    const inserted = await m.query('INSERT IGNORE INTO timebank_ledger (user_id, kind, minutes, order_id, note) VALUES (?, ?, ?, ?, ?)', [userId, 'earn', minutes, orderId, note]);
    if (inserted.affectedRows !== 1) return false;
    await m.query('INSERT INTO timebank_accounts (user_id, balance_minutes) VALUES (?, ?) ON DUPLICATE KEY UPDATE balance_minutes = balance_minutes + VALUES(balance_minutes)', [userId, minutes]);
    return true;
  }

  /** Pays for (part of) an order; refuses rather than going below zero. */
  async spend(m: EntityManager, userId: string, orderId: string, minutes: number): Promise<void> {
    const taken = await m.query('UPDATE timebank_accounts SET balance_minutes = balance_minutes - ? WHERE user_id = ? AND balance_minutes >= ?', [minutes, userId, minutes]);
    if (taken.affectedRows !== 1) {
      const [account] = await m.query('SELECT balance_minutes FROM timebank_accounts WHERE user_id = ?', [userId]);
      throw new DomainError(ErrorCode.TIMEBANK_INSUFFICIENT, `时间银行余额不足：需要 ${minutes} 分钟，现有 ${Number(account?.balance_minutes ?? 0)} 分钟`, {
        fields: [{ field: 'timebankMinutes', message: '余额不足' }],
      });
    }
    await m.query('INSERT INTO timebank_ledger (user_id, kind, minutes, order_id, note) VALUES (?, ?, ?, ?, ?)', [userId, 'spend', minutes, orderId, '支付服务']);
  }

  /** A cancelled order gives its minutes back, once. */
  async refund(m: EntityManager, orderId: string): Promise<void> {
    const [spent] = await m.query(`SELECT user_id, minutes FROM timebank_ledger WHERE order_id = ? AND kind = 'spend'`, [orderId]);
    if (!spent) return;
    const inserted = await m.query('INSERT IGNORE INTO timebank_ledger (user_id, kind, minutes, order_id, note) VALUES (?, ?, ?, ?, ?)', [spent.user_id, 'refund', spent.minutes, orderId, '订单取消退回']);
    if (inserted.affectedRows === 1) await m.query('UPDATE timebank_accounts SET balance_minutes = balance_minutes + ? WHERE user_id = ?', [spent.minutes, spent.user_id]);
  }

  async recipients(principal: Principal): Promise<TimebankRecipientView[]> {
    const rows: { user_id: string; name: string; elder_login: number }[] = await this.dataSource.query(
      `SELECT u.id AS user_id, u.nickname AS name, 0 AS elder_login FROM household_members m JOIN users u ON u.id = m.user_id WHERE m.household_id IN (${HOUSEHOLDS_OF})
       UNION
       SELECT u.id, e.name, 1 FROM users u JOIN elders e ON e.id = u.elder_id WHERE e.deleted_at IS NULL AND e.household_id IN (${HOUSEHOLDS_OF})`,
      [principal.userId, principal.userId, principal.userId, principal.userId],
    );
    const seen = new Set<string>([principal.userId]);
    const out: TimebankRecipientView[] = [];
    for (const r of rows) {
      if (seen.has(r.user_id)) continue;
      seen.add(r.user_id);
      out.push({ userId: r.user_id, name: r.name, relation: Number(r.elder_login) ? '老人本人（长辈版）' : '家庭成员' });
    }
    return out;
  }

  /**
   * Gives minutes to family: another member of one of the giver's households, or the own login of
   * an elder of it (e.g. a child to a parent); an elder's login may give back to his household.
   */
  async give(principal: Principal, toUserId: string, minutes: number): Promise<TimebankView> {
    if (toUserId === principal.userId) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'toUserId: 不能转给自己', { fields: [{ field: 'toUserId', message: '不能转给自己' }] });
    const [shared] = await this.dataSource.query(
      `SELECT 1 AS ok FROM (${HOUSEHOLDS_OF}) a JOIN (${HOUSEHOLDS_OF}) b ON a.household_id = b.household_id LIMIT 1`,
      [principal.userId, principal.userId, toUserId, toUserId],
    );
    if (!shared) throw new DomainError(ErrorCode.NOT_FOUND, '只能转给同一家庭的成员', { fields: [{ field: 'toUserId', message: '不是您的家庭成员' }] });
    await this.dataSource.transaction(async (m) => {
      const taken = await m.query('UPDATE timebank_accounts SET balance_minutes = balance_minutes - ? WHERE user_id = ? AND balance_minutes >= ?', [minutes, principal.userId, minutes]);
      if (taken.affectedRows !== 1) throw new DomainError(ErrorCode.TIMEBANK_INSUFFICIENT, '时间银行余额不足', { fields: [{ field: 'minutes', message: '余额不足' }] });
      await m.query('INSERT INTO timebank_ledger (user_id, kind, minutes, counterparty_user_id, note) VALUES (?, ?, ?, ?, ?)', [principal.userId, 'give_out', minutes, toUserId, '转赠家人']);
      await m.query('INSERT INTO timebank_accounts (user_id, balance_minutes) VALUES (?, ?) ON DUPLICATE KEY UPDATE balance_minutes = balance_minutes + VALUES(balance_minutes)', [toUserId, minutes]);
      await m.query('INSERT INTO timebank_ledger (user_id, kind, minutes, counterparty_user_id, note) VALUES (?, ?, ?, ?, ?)', [toUserId, 'give_in', minutes, principal.userId, '家人转赠']);
    });
    return this.view(principal.userId);
  }
}
