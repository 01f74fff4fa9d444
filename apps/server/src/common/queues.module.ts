import { QUEUE } from '@carecircle/shared';
import { BullModule } from '@nestjs/bull';
import { Global, Module } from '@nestjs/common';
import { redisConfig, type RedisConfig } from '../config/configuration.js';

const queues = Object.values(QUEUE).map((name) => ({ name }));

/** Bull on Redis; every queue is registered here so any module can produce to it. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [redisConfig.KEY],
      useFactory: (config: RedisConfig) => ({
        redis: { host: config.host, port: config.port, db: config.db },
        prefix: `${config.prefix}:bull`,
        defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 500 }, removeOnComplete: { age: 3600, count: 1000 }, removeOnFail: { age: 7 * 24 * 3600 } },
      }),
    }),
    BullModule.registerQueue(...queues),
  ],
  exports: [BullModule],
})
export class QueuesModule {}
