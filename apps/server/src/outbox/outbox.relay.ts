import { QUEUE } from '@carecircle/shared';
import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { DataSource, In } from 'typeorm';
import { Clock } from '../common/clock.js';
import { OUTBOX_ROUTES } from './outbox-routes.js';
import { OutboxEntity } from './outbox.entity.js';

const BATCH = 200;

/**
 * Moves committed outbox rows to their Bull queues. Rows are claimed with SKIP LOCKED so
 * several workers can relay side by side; the job id is the outbox id, so a row relayed
 * twice (a crash between add and commit) still makes one job.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private readonly queues: Record<string, Queue>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @InjectQueue(QUEUE.NOTIFY) notifyQueue: Queue,
    @InjectQueue(QUEUE.DISPATCH) dispatchQueue: Queue,
  ) {
    this.queues = { [QUEUE.NOTIFY]: notifyQueue, [QUEUE.DISPATCH]: dispatchQueue };
  }

  async relayPending(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.getRepository(OutboxEntity).createQueryBuilder('o')
        .where('o.published_at IS NULL').orderBy('o.id', 'ASC').limit(BATCH)
        .setLock('pessimistic_write').setOnLocked('skip_locked').getMany();
      if (rows.length === 0) return 0;
      // One round trip per queue (addBulk) rather than one per job: the relay keeps up with bursts.
      const jobs = new Map<string, Parameters<Queue['addBulk']>[0]>();
      for (const row of rows) {
        const routes = OUTBOX_ROUTES[row.event as keyof typeof OUTBOX_ROUTES] ?? [];
        if (routes.length === 0) this.logger.warn({ msg: 'outbox event has no route; marked published', event: row.event, id: row.id });
        for (const route of routes) {
          const list = jobs.get(route.queue) ?? [];
          list.push({ name: route.job, data: { outboxId: row.id, event: row.event, payload: row.payload, ...row.payload }, opts: { jobId: route.jobId?.(row.payload) ?? `outbox-${row.id}-${route.job}` } });
          jobs.set(route.queue, list);
        }
      }
      await Promise.all([...jobs].map(([queue, list]) => this.queues[queue].addBulk(list)));
      await manager.getRepository(OutboxEntity).update({ id: In(rows.map((r) => r.id)) }, { publishedAt: this.clock.now() });
      return rows.length;
    });
  }
}
