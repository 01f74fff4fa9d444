import type { OrderStatus, OrderStreamMessage } from '@carecircle/shared';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { filter, Observable, Subject } from 'rxjs';
import { RedisClient } from '../common/redis/redis.module.js';
import { redisConfig, type RedisConfig } from '../config/configuration.js';

/**
 * Live order status across processes: whoever commits a change publishes it on Redis pub/sub,
 * every api process relays it to the SSE streams it holds.
 */
@Injectable()
export class OrderLive implements OnApplicationShutdown {
  private readonly logger = new Logger('OrderLive');
  private readonly channel: string;
  private readonly messages = new Subject<OrderStreamMessage>();
  private subscriber: Redis | null = null;

  constructor(
    private readonly redis: RedisClient,
    @Inject(redisConfig.KEY) config: RedisConfig,
  ) {
    // Pub/sub channels are not prefixed by ioredis' keyPrefix.
    this.channel = `${config.prefix}:order-live`;
  }

  async publish(orderId: string, status: OrderStatus, at: Date): Promise<void> {
    const message: OrderStreamMessage = { orderId, status, at: at.toISOString() };
    await this.redis.publish(this.channel, JSON.stringify(message)).catch((err: Error) => {
      // Live status is a convenience; the order itself is already committed and the app also polls.
      this.logger.warn({ msg: 'live status not published', orderId, err: err.message });
    });
  }

  stream(orderId: string): Observable<OrderStreamMessage> {
    this.ensureSubscribed();
    return this.messages.pipe(filter((m) => m.orderId === orderId));
  }

  private ensureSubscribed(): void {
    if (this.subscriber) return;
    this.subscriber = this.redis.duplicate({ keyPrefix: '' });
    this.subscriber.on('message', (_channel: string, raw: string) => {
      try {
        this.messages.next(JSON.parse(raw) as OrderStreamMessage);
      } catch {
        /* ignore malformed messages */
      }
    });
    void this.subscriber.subscribe(this.channel);
  }

  async onApplicationShutdown(): Promise<void> {
    this.messages.complete();
    await this.subscriber?.quit().catch(() => undefined);
  }
}
