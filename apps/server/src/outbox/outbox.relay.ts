import { QUEUE } from '@carecircle/shared';
import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { DataSource, In, IsNull } from 'typeorm';
import { Clock } from '../common/clock.js';
import { OUTBOX_ROUTES } from './outbox-routes.js';
import { OutboxEntity } from './outbox.entity.js';

const BATCH = 200;

/**
 * Moves committed outbox rows to their Bull queues: read, queue, then mark published. Nothing is
 * locked: a locking read of the unpublished rows (even with SKIP LOCKED) holds a gap lock at the
 * end of the pending index until the relay commits, and every transaction writing an outbox row
 * (each order step) waited on it — the whole platform queued behind one relay. Instead each job
 * id is the outbox id, so a row two relays read at once (or one re-read after a crash between
 * queueing and marking) still makes one job.
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
    const rows = await this.dataSource.getRepository(OutboxEntity).find({ where: { publishedAt: IsNull() }, order: { id: 'ASC' }, take: BATCH });
    if (rows.length === 0) return 0;
    // One round trip per queue (addBulk) rather than one per job: the relay keeps up with bursts.
    const jobs = new Map<string, Parameters<Queue['addBulk']>[0]>();
    for (const row of rows) {
      const routes = OUTBOX_ROUTES[row.event as keyof typeof OUTBOX_ROUTES] ?? [];
      if (routes.length === 0) this.logger.warn({ msg: 'outbox event has no route; marked published', event: row.event, id: row.id });
      for (const route of routes) {
        if (route.when && !route.when(row.payload)) continue;
        const list = jobs.get(route.queue) ?? [];
        list.push({ name: route.job, data: { outboxId: row.id, event: row.event, payload: row.payload, ...row.payload }, opts: { jobId: route.jobId?.(row.payload) ?? `outbox-${row.id}-${route.job}` } });
        jobs.set(route.queue, list);
      }
    }
    await Promise.all([...jobs].map(([queue, list]) => this.queues[queue].addBulk(list)));
    // The rows this relay was first to mark: with relays side by side, each row counts once.
    const marked = await this.dataSource.getRepository(OutboxEntity).update({ id: In(rows.map((r) => r.id)), publishedAt: IsNull() }, { publishedAt: this.clock.now() });
    return marked.affected ?? 0;
  }
}
