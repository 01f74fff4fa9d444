import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { redisConfig, type RedisConfig } from '../../config/configuration.js';

/** The app's own Redis connection (rate limits, positions, pub/sub); Bull keeps its own. */
@Injectable()
export class RedisClient extends Redis implements OnApplicationShutdown {
  constructor(@Inject(redisConfig.KEY) config: RedisConfig) {
    super({ host: config.host, port: config.port, db: config.db, keyPrefix: `${config.prefix}:`, maxRetriesPerRequest: 3, lazyConnect: false });
  }
  async onApplicationShutdown(): Promise<void> {
    await this.quit().catch(() => undefined);
  }
}
