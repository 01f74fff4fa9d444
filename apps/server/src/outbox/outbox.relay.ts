import { QUEUE } from '@carecircle/shared';
import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { DataSource, In, IsNull, MoreThanOrEqual } from 'typeorm';
import { Clock } from '../common/clock.js';
import { RedisClient } from '../common/redis/redis-client.js';
import { RedisRecovery } from '../common/redis/redis-recovery.service.js';
import { OUTBOX_ROUTES } from './outbox-routes.js';
import { OutboxEntity } from './outbox.entity.js';

const BATCH = 200;
/** Present while Redis still holds the jobs the relay queued; gone with Redis' data. */
const RELAYED_KEY = 'outbox:relayed';
/**
 * After Redis lost its data, rows published this recently are relayed again: their jobs may have
 * gone with it before running. Consumers are idempotent (notifications by outbox id and user,
 * dispatch by order state), so a job that had run does no harm the second time.
 */
const RERELAY_WINDOW_MS = 60_000;

/**
 * Moves committed outbox rows to their Bull queues: read, queue, then mark published. Nothing is
 * locked: a locking read of the unpublished rows (even with SKIP LOCKED) holds a gap lock at the
 * end of the pending index until the relay commits, and every transaction writing an outbox row
 * (each order step) waited on it — the whole platform queued behind one relay. Instead each job
 * id is the outbox id, so a row two relays read at once (or one re-read after a crash between
 * queueing and marking) still makes one job.
 */
@Injectable()
export class OutboxRelay implements OnModuleInit {
  private readonly logger = new Logger('OutboxRelay');
  private readonly queues: Record<string, Queue>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @InjectQueue(QUEUE.NOTIFY) notifyQueue: Queue,
    @InjectQueue(QUEUE.DISPATCH) dispatchQueue: Queue,
    private readonly redis: RedisClient,
    private readonly recovery: RedisRecovery,
  ) {
    this.queues = { [QUEUE.NOTIFY]: notifyQueue, [QUEUE.DISPATCH]: dispatchQueue };
  }

  onModuleInit(): void {
    this.recovery.register({ name: 'recently relayed outbox jobs', intact: async () => (await this.redis.exists(RELAYED_KEY)) === 1, restore: async () => void (await this.rerelayRecent()) });
  }

  /** One process per loss claims the marker and marks the recent rows for relaying again. */
  async rerelayRecent(): Promise<number> {
    const claimed = await this.redis.set(RELAYED_KEY, new Date().toISOString(), 'NX');
    if (!claimed) return 0;
    try {
      const since = new Date(this.clock.now().getTime() - RERELAY_WINDOW_MS);
      const reset = await this.dataSource.getRepository(OutboxEntity).update({ publishedAt: MoreThanOrEqual(since) }, { publishedAt: null });
      return reset.affected ?? 0;
    } catch (err) {
      await this.redis.del(RELAYED_KEY).catch(() => undefined);
      throw err;
    }
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
