import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RedisClient } from '../common/redis/redis-client.js';
import { RedisRecovery } from '../common/redis/redis-recovery.service.js';
import { OrderEntity } from '../orders/entities/order.entity.js';
import { Dispatcher } from './dispatcher.service.js';
import { OfferEntity } from './entities/offer.entity.js';

/** Present while Redis still holds the delayed dispatch jobs; gone with Redis' data. */
const TIMERS_KEY = 'dispatch:timers';
const CHUNK = 100;

/**
 * The delayed jobs dispatch keeps in Redis — each open offer's expiry, each order's dispatch
 * time — put back from MariaDB after Redis lost them, so offers move on at their expiry rather
 * than at the sweep's next pass. Same job ids as when first queued, so a job still there is not doubled.
 */
@Injectable()
export class DispatchTimers implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: Dispatcher,
    private readonly redis: RedisClient,
    private readonly recovery: RedisRecovery,
  ) {}

  onModuleInit(): void {
    this.recovery.register({ name: 'offer expiry and dispatch timers', intact: async () => (await this.redis.exists(TIMERS_KEY)) === 1, restore: async () => void (await this.restore()) });
  }

  /** One process per loss claims the marker and queues the timers again; on failure it lets go for the next check. */
  async restore(): Promise<number> {
    if (!(await this.redis.set(TIMERS_KEY, new Date().toISOString(), 'NX'))) return 0;
    try {
      const offers = await this.dataSource.getRepository(OfferEntity).find({ where: { status: 'offered' }, select: { id: true, expiresAt: true }, order: { expiresAt: 'ASC' } });
      for (let i = 0; i < offers.length; i += CHUNK) await Promise.all(offers.slice(i, i + CHUNK).map((o) => this.dispatcher.scheduleExpiry(o.id, o.expiresAt)));
      const orders = await this.dataSource.getRepository(OrderEntity).find({ where: { status: 'created' }, select: { id: true, dispatchAt: true } });
      for (let i = 0; i < orders.length; i += CHUNK) await Promise.all(orders.slice(i, i + CHUNK).map((o) => this.dispatcher.scheduleDispatch(o.id, o.dispatchAt)));
      return offers.length + orders.length;
    } catch (err) {
      await this.redis.del(TIMERS_KEY).catch(() => undefined);
      throw err;
    }
  }
}
