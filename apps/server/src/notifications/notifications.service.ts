import { ORDER_STATUS_LABELS, OutboxEvent, SERVICE_LABELS, shanghaiDate, type OrderStatus, type ServiceCode } from '@carecircle/shared';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserEntity } from '../auth/entities/user.entity.js';
import { HouseholdMemberEntity } from '../households/entities/household-member.entity.js';
import { HouseholdEntity } from '../households/entities/household.entity.js';
import { NotificationEntity } from './notification.entity.js';
import { Notifier, type NotificationMessage } from './notifier.js';

export interface OutboxDelivery {
  outboxId: string;
  event: string;
  payload: Record<string, unknown>;
}

export interface NotificationView {
  id: string;
  topic: string;
  title: string;
  body: string;
  createdAt: string;
}

/** What the family is told at each step of an order. */
export const FAMILY_TEXT: Partial<Record<OrderStatus, string>> = {
  accepted: '已有服务人员接单',
  en_route: '服务人员已出发',
  in_service: '服务人员已到达，开始服务',
  completed: '服务已完成，请评价',
  escalated: '正在为您人工安排服务人员',
  cancelled: '订单已取消',
};

/** Whether anyone is told of an order reaching this status; most steps of dispatch (created, dispatching, offered) are nobody's news. */
export function isOrderNews(status: OrderStatus): boolean {
  return !!FAMILY_TEXT[status] || status === 'escalated' || status === 'awaiting_elder';
}

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifier: Notifier,
  ) {}

  /** Turns an outbox event into messages for the people it concerns. Safe to run twice. */
  async deliver(delivery: OutboxDelivery): Promise<number> {
    const messages = await this.messagesFor(delivery);
    let sent = 0;
    for (const [userId, message] of messages) {
      const inserted = await this.dataSource.getRepository(NotificationEntity).createQueryBuilder().insert().orIgnore()
        .values({ userId, channel: this.notifier.channel, topic: message.topic, title: message.title, body: message.body, dedupeKey: `${delivery.outboxId}:${userId}` })
        .execute();
      if (inserted.raw.affectedRows !== 1) continue;
      const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
      if (!user) continue;
      try {
        await this.notifier.send({ userId, openid: user.openid }, message);
        sent++;
      } catch (err) {
        this.logger.warn({ msg: 'notification not delivered', userId, topic: message.topic, err: (err as Error).message });
      }
    }
    return sent;
  }

  async listMine(userId: string): Promise<NotificationView[]> {
    const rows = await this.dataSource.getRepository(NotificationEntity).find({ where: { userId }, order: { id: 'DESC' }, take: 50 });
    return rows.map((n) => ({ id: n.id, topic: n.topic, title: n.title, body: n.body, createdAt: n.createdAt.toISOString() }));
  }

  private async messagesFor({ event, payload }: OutboxDelivery): Promise<Map<string, NotificationMessage>> {
    switch (event) {
      case OutboxEvent.HOUSEHOLD_MEMBER_JOINED:
      case OutboxEvent.ELDER_ADDED:
        return this.householdMessages(event, payload);
      case OutboxEvent.ORDER_STATUS_CHANGED:
        return this.orderMessages(payload);
      case OutboxEvent.OFFER_MADE:
        return this.offerMessages(payload);
      case OutboxEvent.MEAL_SLOT_CANCELLED:
        return this.mealCancelledMessages(payload);
      case OutboxEvent.ASSESSMENT_EXPIRING: {
        const out = new Map<string, NotificationMessage>();
        for (const userId of await this.householdMembers(String(payload.householdId), '')) {
          out.set(userId, {
            topic: OutboxEvent.ASSESSMENT_EXPIRING,
            title: '能力评估即将到期',
            body: `${String(payload.elderName)}的老年人能力评估将于 ${String(payload.validUntil)} 到期，到期后相关补贴和服务需重新评估`,
            page: 'subpackages/household/pages/detail/index',
          });
        }
        return out;
      }
      case OutboxEvent.ELIGIBILITY_EXPIRING: {
        const out = new Map<string, NotificationMessage>();
        for (const userId of await this.householdMembers(String(payload.householdId), '')) {
          out.set(userId, {
            topic: OutboxEvent.ELIGIBILITY_EXPIRING,
            title: '补贴资格即将到期',
            body: `${String(payload.elderName)}的「${String(payload.categoryLabel)}」补贴资格将于 ${String(payload.validUntil)} 到期，请在到期前重新申报，街道复核通过后补贴不中断`,
            page: `subpackages/household/pages/eligibility/index?elderId=${String(payload.elderId)}`,
          });
        }
        return out;
      }
      case OutboxEvent.SOS_RAISED:
      case OutboxEvent.SOS_UNANSWERED:
        return this.sosMessages(event, payload);
      case OutboxEvent.WAITLIST_OFFERED: {
        const out = new Map<string, NotificationMessage>();
        for (const userId of await this.householdMembers(String(payload.householdId), '')) {
          out.set(userId, {
            topic: OutboxEvent.WAITLIST_OFFERED,
            title: '托位已为您保留',
            body: `${String(payload.className)}有空位了，请在 ${String(payload.hours)} 小时内确认入托，逾期将转给下一位`,
            page: 'subpackages/childcare/pages/waitlist/index',
          });
        }
        return out;
      }
      default:
        return new Map();
    }
  }

  private async householdMessages(event: string, payload: Record<string, unknown>): Promise<Map<string, NotificationMessage>> {
    const out = new Map<string, NotificationMessage>();
    const household = await this.dataSource.getRepository(HouseholdEntity).findOneBy({ id: String(payload.householdId ?? '') });
    if (!household) return out;
    const actorId = String(event === OutboxEvent.HOUSEHOLD_MEMBER_JOINED ? payload.userId : payload.addedBy);
    const actor = await this.dataSource.getRepository(UserEntity).findOneBy({ id: actorId });
    const page = 'subpackages/household/pages/detail/index';
    for (const userId of await this.householdMembers(household.id, actorId)) {
      out.set(
        userId,
        event === OutboxEvent.HOUSEHOLD_MEMBER_JOINED
          ? { topic: event, title: '家人加入', body: `${actor?.nickname ?? '一位家人'} 已加入「${household.name}」`, page }
          : { topic: event, title: '新增老人', body: `${actor?.nickname ?? '家人'} 添加了老人 ${String(payload.elderName ?? '')}`, page },
      );
    }
    return out;
  }

  /** The family hears of each step a person takes; the operators hear of escalations. */
  private async orderMessages(payload: Record<string, unknown>): Promise<Map<string, NotificationMessage>> {
    const out = new Map<string, NotificationMessage>();
    const status = String(payload.status) as OrderStatus;
    if (!isOrderNews(status)) return out;
    const orderId = String(payload.orderId);
    const [order] = await this.dataSource.query('SELECT o.service_code, e.name AS elder_name FROM orders o JOIN elders e ON e.id = o.elder_id WHERE o.id = ?', [orderId]);
    if (!order) return out;
    const what = `${order.elder_name}的${SERVICE_LABELS[order.service_code as ServiceCode] ?? '服务'}订单`;
    const page = `subpackages/orders/pages/detail/index?id=${orderId}`;
    const topic = `order.${status}`;
    if (status === 'escalated') {
      const operators: { id: string }[] = await this.dataSource.query(`SELECT id FROM users WHERE JSON_CONTAINS(roles, '"operator"')`);
      for (const op of operators) out.set(op.id, { topic, title: '订单待人工派单', body: `${what}暂无人接单，请尽快处理`, page: 'subpackages/operator/pages/escalations/index' });
    }
    if (status === 'awaiting_elder') {
      const [elderUser] = await this.dataSource.query('SELECT u.id FROM users u JOIN orders o ON o.elder_id = u.elder_id WHERE o.id = ?', [orderId]);
      if (elderUser) out.set(elderUser.id, { topic, title: '家人为您预约了服务', body: `${what}：请确认是否需要`, page: 'subpackages/elder/pages/home/index' });
      return out;
    }
    const text = FAMILY_TEXT[status];
    if (text) {
      for (const userId of await this.householdMembers(String(payload.householdId), '')) out.set(userId, { topic, title: ORDER_STATUS_LABELS[status], body: `${what}：${text}`, page });
    }
    return out;
  }

  private async offerMessages(payload: Record<string, unknown>): Promise<Map<string, NotificationMessage>> {
    const out = new Map<string, NotificationMessage>();
    const [staff] = await this.dataSource.query('SELECT user_id FROM provider_staff WHERE id = ?', [String(payload.staffId)]);
    if (!staff?.user_id) return out;
    out.set(staff.user_id, {
      topic: OutboxEvent.OFFER_MADE,
      title: payload.urgent ? '紧急派单' : '新派单',
      body: payload.urgent ? '附近老人紧急呼叫，请立即查看并接单' : '您有一个新的服务派单，请在倒计时内接单',
      page: 'subpackages/staff/pages/offers/index',
    });
    return out;
  }

  /** An SOS reaches every family member and the operators at once; nobody answering is a red alert. */
  private async sosMessages(event: string, payload: Record<string, unknown>): Promise<Map<string, NotificationMessage>> {
    const out = new Map<string, NotificationMessage>();
    const [sos] = await this.dataSource.query('SELECT s.id, s.drill, e.name, e.address FROM sos_calls s JOIN elders e ON e.id = s.elder_id WHERE s.id = ?', [String(payload.sosId)]);
    if (!sos) return out;
    const drill = sos.drill ? '【演练】' : '';
    const page = `subpackages/elder/pages/sos/index?id=${sos.id}`;
    const operators: { id: string }[] = await this.dataSource.query(`SELECT id FROM users WHERE JSON_CONTAINS(roles, '"operator"')`);
    if (event === OutboxEvent.SOS_UNANSWERED) {
      for (const op of operators) out.set(op.id, { topic: 'sos.unanswered', title: '红色警报：紧急呼叫无人接单', body: `${sos.name}（${sos.address}）的紧急呼叫 2 分钟内无人接单，请立即电话联系`, page });
      return out;
    }
    for (const userId of await this.householdMembers(String(payload.householdId), '')) out.set(userId, { topic: 'sos.raised', title: `${drill}紧急呼叫`, body: `${drill}${sos.name}发起了一键呼叫，已通知附近服务人员`, page });
    for (const op of operators) out.set(op.id, { topic: 'sos.raised', title: `${drill}紧急呼叫`, body: `${drill}${sos.name}（${sos.address}）发起一键呼叫`, page });
    return out;
  }

  /** Every family whose meal the canteen cancelled hears of it, and of the full refund. */
  private async mealCancelledMessages(payload: Record<string, unknown>): Promise<Map<string, NotificationMessage>> {
    const out = new Map<string, NotificationMessage>();
    const rows: { household_id: string; elder_name: string; canteen: string; date: string | Date; period: string; refund_fen: number }[] = await this.dataSource.query(
      `SELECT b.household_id, e.name AS elder_name, p.name AS canteen, s.date, s.period, b.refund_fen
         FROM meal_bookings b JOIN meal_slots s ON s.id = b.slot_id JOIN providers p ON p.id = s.provider_id JOIN elders e ON e.id = b.elder_id
        WHERE b.slot_id = ? AND b.status = 'cancelled' AND b.cancel_reason LIKE '食堂取消%'`,
      [String(payload.slotId)],
    );
    for (const r of rows) {
      const date = typeof r.date === 'string' ? r.date : shanghaiDate(r.date);
      const meal = r.period === 'lunch' ? '午餐' : '晚餐';
      for (const userId of await this.householdMembers(r.household_id, '')) {
        out.set(userId, {
          topic: OutboxEvent.MEAL_SLOT_CANCELLED,
          title: '订餐已取消',
          body: `${r.canteen} ${date} ${meal}因「${String(payload.reason)}」取消，${r.elder_name}的订餐已全额退款 ¥${(r.refund_fen / 100).toFixed(2)}`,
          page: 'subpackages/meals/pages/bookings/index',
        });
      }
    }
    return out;
  }

  private async householdMembers(householdId: string, exceptUserId: string): Promise<string[]> {
    const members = await this.dataSource.getRepository(HouseholdMemberEntity).findBy({ householdId });
    return members.map((m) => m.userId).filter((id) => id !== exceptUserId);
  }
}
