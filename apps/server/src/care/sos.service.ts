import { ErrorCode, JOB, OutboxEvent, QUEUE, Role, type SosView } from '@carecircle/shared';
import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Dispatcher } from '../dispatch/dispatcher.service.js';
import { HouseholdAccess } from '../households/household-access.service.js';
import { OrdersService } from '../orders/orders.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { OperatorScope } from '../regulation/operator-scope.service.js';
import type { RaiseSosDto } from './dto/care.dto.js';

/** A brush of the hand must be undoable: the call goes out only after this window. */
export const SOS_CANCEL_SECONDS = 10;
/** Nobody accepted by then: the operator on duty gets a red alert to phone. */
export const SOS_ESCALATE_SECONDS = 120;

const STATUS_LABELS: Record<SosView['status'], string> = {
  pending: '正在呼叫（10 秒内可取消）',
  cancelled: '已取消',
  dispatched: '已通知附近服务人员，正在等待接单',
  answered: '服务人员正在赶来',
  escalated: '暂无人接单，街道值班人员将电话联系',
  drill_done: '演练已完成',
  closed: '呼叫已结束',
};

const OUTCOME_LABELS: Record<NonNullable<SosView['outcome']>, string> = {
  completed: '服务人员已上门处理，呼叫已结束',
  cancelled: '急救工单已取消，呼叫已结束',
};

function statusLabel(status: SosView['status'], outcome: SosView['outcome']): string {
  return status === 'closed' && outcome ? OUTCOME_LABELS[outcome] : STATUS_LABELS[status];
}

/** 一键呼叫: raised by the elder (or family), cancellable for 10 s, then broadcast through dispatch. */
@Injectable()
export class SosService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: HouseholdAccess,
    private readonly orders: OrdersService,
    private readonly dispatcher: Dispatcher,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @InjectQueue(QUEUE.DISPATCH) private readonly queue: Queue,
    private readonly scope: OperatorScope,
  ) {}

  async raise(principal: Principal, dto: RaiseSosDto): Promise<SosView> {
    const elderId = dto.elderId ?? principal.elderId;
    if (!elderId) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'elderId: 请选择为哪位老人呼叫', { fields: [{ field: 'elderId', message: '请选择老人' }] });
    const elder = await this.access.requireElder(principal, elderId);
    const id = randomUUID();
    const now = this.clock.now();
    const cancelUntil = new Date(now.getTime() + SOS_CANCEL_SECONDS * 1000);
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO sos_calls (id, elder_id, household_id, raised_by, drill, lat, lng, status, cancel_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
        [id, elder.id, elder.householdId, principal.userId, dto.drill ? 1 : 0, dto.location?.lat ?? elder.lat, dto.location?.lng ?? elder.lng, cancelUntil, now],
      );
      await this.log(m, id, 'raised', `${principal.elderId === elder.id ? '老人本人' : '家人'}发起${dto.drill ? '（演练）' : ''}${dto.location ? '，使用当前位置' : '，使用家庭住址'}`);
    });
    await this.queue.add(JOB.SOS_BROADCAST, { sosId: id }, { jobId: `sos-${id}`, delay: SOS_CANCEL_SECONDS * 1000 }).catch(() => undefined);
    return this.view(principal, id);
  }

  async cancel(principal: Principal, id: string): Promise<SosView> {
    const sos = await this.requireVisible(principal, id);
    const done = await this.dataSource.query(`UPDATE sos_calls SET status = 'cancelled' WHERE id = ? AND status = 'pending' AND cancel_until > ?`, [sos.id, this.clock.now()]);
    if (done.affectedRows !== 1) throw new DomainError(ErrorCode.SOS_CANCEL_WINDOW_PASSED, '呼叫已经发出，不能取消；服务人员到达后可说明情况');
    await this.log(this.dataSource.manager, sos.id, 'cancelled', '发起后 10 秒内取消');
    return this.view(principal, id);
  }

  /** After the cancel window: an urgent order broadcast to everyone near (a drill only notifies). */
  async broadcast(id: string): Promise<void> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const [sos] = await m.query('SELECT * FROM sos_calls WHERE id = ? FOR UPDATE', [id]);
      if (!sos || sos.status !== 'pending' || new Date(sos.cancel_until) > this.clock.now()) return null;
      const now = this.clock.now();
      if (sos.drill) {
        await m.query(`UPDATE sos_calls SET status = 'drill_done', broadcast_at = ? WHERE id = ?`, [now, id]);
        await this.log(m, id, 'drill', '演练：已通知家人和街道值班，未派出服务人员');
        await this.outbox.add(m, OutboxEvent.SOS_RAISED, id, { sosId: id, householdId: sos.household_id, drill: true });
        return { orderId: null };
      }
      const [elder] = await m.query('SELECT address, region_id FROM elders WHERE id = ?', [sos.elder_id]);
      const orderId = await this.orders.createSystemJob(m, {
        householdId: sos.household_id, elderId: sos.elder_id, createdBy: sos.raised_by, key: `sos-${id}`, serviceCode: 'emergency',
        windowStart: null, windowEnd: null, address: elder?.address ?? '老人当前位置', lat: Number(sos.lat), lng: Number(sos.lng), regionId: elder?.region_id ?? null,
        notes: '一键呼叫：请立即上门查看',
      });
      await m.query(`UPDATE sos_calls SET status = 'dispatched', order_id = ?, broadcast_at = ? WHERE id = ?`, [orderId, now, id]);
      await this.log(m, id, 'broadcast', '已同时通知附近在岗服务人员，并通知全部家人和街道值班');
      await this.outbox.add(m, OutboxEvent.SOS_RAISED, id, { sosId: id, householdId: sos.household_id, drill: false });
      return { orderId };
    });
    if (outcome?.orderId) await this.dispatcher.dispatch(outcome.orderId);
    if (outcome) await this.outbox.kick();
  }

  /** Runs every few seconds: due broadcasts, answered calls, closed calls, and red alerts for calls nobody took. */
  async sweep(): Promise<void> {
    const now = this.clock.now();
    const due: { id: string }[] = await this.dataSource.query(`SELECT id FROM sos_calls WHERE status = 'pending' AND cancel_until <= ?`, [now]);
    for (const s of due) await this.broadcast(s.id);
    const open: { id: string; status: SosView['status']; broadcast_at: Date; order_status: string; staff_name: string | null; household_id: string }[] = await this.dataSource.query(
      `SELECT s.id, s.status, s.broadcast_at, s.household_id, o.status AS order_status, st.name AS staff_name FROM sos_calls s JOIN orders o ON o.id = s.order_id
        LEFT JOIN provider_staff st ON st.id = o.staff_id WHERE s.status IN ('dispatched', 'escalated', 'answered')`,
    );
    for (const s of open) {
      const outcome = s.order_status === 'cancelled' ? 'cancelled' : ['completed', 'rated'].includes(s.order_status) ? 'completed' : null;
      if (outcome) {
        await this.close(s.id, outcome, s.staff_name);
        continue;
      }
      if (s.status === 'answered') continue;
      if (['accepted', 'en_route', 'in_service'].includes(s.order_status)) {
        const done = await this.dataSource.query(`UPDATE sos_calls SET status = 'answered' WHERE id = ? AND status IN ('dispatched', 'escalated')`, [s.id]);
        if (done.affectedRows === 1) await this.log(this.dataSource.manager, s.id, 'answered', `${s.staff_name ?? '服务人员'} 已接单，正在赶来`);
      } else if (new Date(s.broadcast_at).getTime() + SOS_ESCALATE_SECONDS * 1000 <= now.getTime()) {
        await this.dataSource.transaction(async (m) => {
          const done = await m.query(`UPDATE sos_calls SET status = 'escalated', escalated_at = ? WHERE id = ? AND status = 'dispatched'`, [now, s.id]);
          if (done.affectedRows !== 1) return;
          await this.log(m, s.id, 'escalated', `${SOS_ESCALATE_SECONDS / 60} 分钟内无人接单，已向街道值班发出红色警报`);
          await this.outbox.add(m, OutboxEvent.SOS_UNANSWERED, s.id, { sosId: s.id, householdId: s.household_id });
        });
        await this.outbox.kick();
      }
    }
  }

  /** The emergency job ended (done or cancelled): so does the call, whatever state it was in. */
  private async close(id: string, outcome: NonNullable<SosView['outcome']>, staffName: string | null): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const done = await m.query(`UPDATE sos_calls SET status = 'closed', outcome = ?, closed_at = ? WHERE id = ? AND status IN ('dispatched', 'escalated', 'answered')`, [outcome, this.clock.now(), id]);
      if (done.affectedRows !== 1) return;
      await this.log(m, id, 'closed', outcome === 'completed' ? `${staffName ?? '服务人员'}已完成上门处理` : '急救工单已取消');
    });
  }

  async view(principal: Principal, id: string): Promise<SosView> {
    const sos = await this.requireVisible(principal, id);
    const events: { event: string; note: string | null; created_at: Date }[] = await this.dataSource.query('SELECT event, note, created_at FROM sos_events WHERE sos_id = ? ORDER BY id', [id]);
    const [elder] = await this.dataSource.query('SELECT name FROM elders WHERE id = ?', [sos.elder_id]);
    let staffName: string | null = null;
    let staffDistanceMeters: number | null = null;
    if (sos.order_id) {
      const order = await this.orders.view(await this.orders.entity(sos.order_id));
      staffName = order.staff?.name ?? null;
      staffDistanceMeters = order.staffDistanceMeters;
    }
    return {
      id, elderId: sos.elder_id, elderName: elder?.name ?? '', drill: !!sos.drill, status: sos.status, statusLabel: statusLabel(sos.status, sos.outcome),
      outcome: sos.outcome, closedAt: sos.closed_at ? new Date(sos.closed_at).toISOString() : null,
      cancelUntil: new Date(sos.cancel_until).toISOString(), orderId: sos.order_id, staffName, staffDistanceMeters,
      events: events.map((e) => ({ event: e.event, note: e.note, at: new Date(e.created_at).toISOString() })), createdAt: new Date(sos.created_at).toISOString(),
    };
  }

  async activeFor(elderId: string): Promise<{ id: string; status: SosView['status']; statusLabel: string; staffName: string | null } | null> {
    const [row] = await this.dataSource.query(
      `SELECT s.id, s.status, st.name AS staff_name FROM sos_calls s LEFT JOIN orders o ON o.id = s.order_id LEFT JOIN provider_staff st ON st.id = o.staff_id
        WHERE s.elder_id = ? AND s.status IN ('pending', 'dispatched', 'answered', 'escalated') AND s.created_at > ?
          AND (o.id IS NULL OR o.status NOT IN ('completed', 'rated', 'cancelled')) ORDER BY s.created_at DESC LIMIT 1`,
      [elderId, new Date(this.clock.now().getTime() - 6 * 3600_000)],
    );
    return row ? { id: row.id, status: row.status, statusLabel: STATUS_LABELS[row.status as SosView['status']], staffName: row.staff_name } : null;
  }

  private async requireVisible(principal: Principal, id: string): Promise<{ id: string; elder_id: string; household_id: string; drill: number; status: SosView['status']; outcome: SosView['outcome']; closed_at: Date | null; cancel_until: Date; order_id: string | null; created_at: Date }> {
    const [sos] = await this.dataSource.query('SELECT * FROM sos_calls WHERE id = ?', [id]);
    if (sos) {
      const family = await this.access.requireElder(principal, sos.elder_id).then(() => true, () => false);
      // The 街道 on duty follows calls of elders in its own regions only.
      const operator = !family && principal.roles.includes(Role.OPERATOR) && (await this.scope.recordInRegions(principal.userId, 'elders', sos.elder_id));
      if (family || operator) return sos;
    }
    throw new DomainError(ErrorCode.SOS_NOT_FOUND, '未找到该呼叫');
  }

  private async log(m: EntityManager, sosId: string, event: string, note: string): Promise<void> {
    await m.query('INSERT INTO sos_events (sos_id, event, note, created_at) VALUES (?, ?, ?, ?)', [sosId, event, note, this.clock.now()]);
  }
}
