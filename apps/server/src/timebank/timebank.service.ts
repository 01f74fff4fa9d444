import { ErrorCode, type TimebankView } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';

/**
 * 时间银行 (以服务换养老): volunteers earn minutes for completed jobs, spend them on services or
 * give them to family. The balance is one row changed by conditional UPDATEs (never negative);
 * the ledger's unique key credits a job once.
 */
@Injectable()
export class TimebankService {
  constructor(private readonly dataSource: DataSource) {}

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

  /** Gives minutes to another member of one of the giver's households (e.g. a child to a parent). */
  async give(principal: Principal, toUserId: string, minutes: number): Promise<TimebankView> {
    if (toUserId === principal.userId) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'toUserId: 不能转给自己', { fields: [{ field: 'toUserId', message: '不能转给自己' }] });
    const [shared] = await this.dataSource.query(
      'SELECT 1 AS ok FROM household_members a JOIN household_members b ON a.household_id = b.household_id WHERE a.user_id = ? AND b.user_id = ? LIMIT 1',
      [principal.userId, toUserId],
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
