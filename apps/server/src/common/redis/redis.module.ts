import { Global, Module } from '@nestjs/common';
import { RedisClient } from './redis-client.js';
import { RedisRecovery } from './redis-recovery.service.js';

export { RedisClient } from './redis-client.js';

@Global()
@Module({ providers: [RedisClient, RedisRecovery], exports: [RedisClient, RedisRecovery] })
export class RedisModule {}
