import { JOB, QUEUE, type OutboxEvent } from '@carecircle/shared';
import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import type { EntityManager } from 'typeorm';
import { insertRows } from '../common/typeorm.js';
import { OutboxEntity, type OutboxPayload } from './outbox.entity.js';

/** A lost kick (the job add failed after the flag was set) holds later kicks back no longer than this. */
const KICK_FLAG_TTL_MS = 1000;

@Injectable()
export class OutboxService {
  private readonly logger = new Logger('Outbox');

  constructor(@InjectQueue(QUEUE.OUTBOX) private readonly outboxQueue: Queue) {}

  /** Call inside the transaction that makes the change, with its manager: both commit or neither. */
  async add(manager: EntityManager, event: OutboxEvent, aggregateId: string, payload: OutboxPayload): Promise<void> {
    await insertRows(manager, OutboxEntity, { event, aggregateId, payload, publishedAt: null });
  }

  /**
   * After the commit: wake a relay now instead of at its next poll. Best effort — if Redis is
   * down the row waits in MariaDB and the periodic relay picks it up.
   *
   * Kicks that arrive while a relay is already queued and not yet started are folded into it: it
   * will read their rows anyway (they committed before the kick). The relay clears the flag
   * before it reads, so a row committed after that read always queues a relay of its own.
   */
  async kick(): Promise<void> {
    try {
      const first = await this.outboxQueue.client.set(this.kickPendingKey(), '1', 'PX', KICK_FLAG_TTL_MS, 'NX');
      if (first) await this.outboxQueue.add(JOB.RELAY_OUTBOX, {}, { removeOnComplete: true, removeOnFail: true });
    } catch (err) {
      this.logger.warn({ msg: 'outbox kick failed; periodic relay will pick it up', err: (err as Error).message });
    }
  }

  /** The relay calls this first thing, before it reads the outbox. */
  async kickTaken(): Promise<void> {
    await this.outboxQueue.client.del(this.kickPendingKey()).catch(() => undefined);
  }

  private kickPendingKey(): string {
    return this.outboxQueue.toKey('kick-pending');
  }
}
