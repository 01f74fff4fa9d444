import { OutboxEvent } from '@carecircle/shared';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
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
    const out = new Map<string, NotificationMessage>();
    const householdId = String(payload.householdId ?? '');
    if (!householdId) return out;
    const household = await this.dataSource.getRepository(HouseholdEntity).findOneBy({ id: householdId });
    if (!household) return out;
    const members = await this.dataSource.getRepository(HouseholdMemberEntity).findBy({ householdId });
    const actorId = String(event === OutboxEvent.HOUSEHOLD_MEMBER_JOINED ? payload.userId : payload.addedBy);
    const actor = await this.dataSource.getRepository(UserEntity).findOneBy({ id: actorId });
    const others = members.filter((m) => m.userId !== actorId).map((m) => m.userId);
    const users = await this.dataSource.getRepository(UserEntity).findBy({ id: In(others.length ? others : ['-']) });
    for (const user of users) {
      if (event === OutboxEvent.HOUSEHOLD_MEMBER_JOINED) {
        out.set(user.id, { topic: event, title: '家人加入', body: `${actor?.nickname ?? '一位家人'} 已加入「${household.name}」`, page: 'subpackages/household/pages/detail/index' });
      } else if (event === OutboxEvent.ELDER_ADDED) {
        out.set(user.id, { topic: event, title: '新增老人', body: `${actor?.nickname ?? '家人'} 添加了老人 ${String(payload.elderName ?? '')}`, page: 'subpackages/household/pages/detail/index' });
      }
    }
    return out;
  }
}
