import { JOB, QUEUE, type OutboxEvent } from '@carecircle/shared';
import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import type { EntityManager } from 'typeorm';
import { OutboxEntity, type OutboxPayload } from './outbox.entity.js';

@Injectable()
export class OutboxService {
  private readonly logger = new Logger('Outbox');

  constructor(@InjectQueue(QUEUE.OUTBOX) private readonly outboxQueue: Queue) {}

  /** Call inside the transaction that makes the change, with its manager: both commit or neither. */
  async add(manager: EntityManager, event: OutboxEvent, aggregateId: string, payload: OutboxPayload): Promise<void> {
    await manager.getRepository(OutboxEntity).insert({ event, aggregateId, payload, publishedAt: null });
  }

  /**
   * After the commit: wake a relay now instead of at its next poll. Best effort — if Redis is
   * down the row waits in MariaDB and the periodic relay picks it up.
   */
  async kick(): Promise<void> {
    await this.outboxQueue.add(JOB.RELAY_OUTBOX, {}, { removeOnComplete: true, removeOnFail: true }).catch((err: Error) => {
      this.logger.warn({ msg: 'outbox kick failed; periodic relay will pick it up', err: err.message });
    });
  }
}
