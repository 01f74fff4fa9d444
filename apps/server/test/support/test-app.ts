import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import supertest from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { configureHttp, type HttpSetup } from '../../src/bootstrap.js';
import { Clock, FixedClock } from '../../src/common/clock.js';
import { FieldCipher } from '../../src/common/crypto/field-cipher.js';
import { loadEnv } from '../../src/config/env.js';
import { dropDatabase } from '../../src/database/ensure-database.js';
import { runMigrations } from '../../src/database/migrate.js';

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  clock: FixedClock;
  dataSource: DataSource;
  cipher: FieldCipher;
  dbName: string;
  redisPrefix: string;
  get<T>(token: abstract new (...args: never[]) => T): T;
  /** keepData: leave the database and Redis keys for a restarted app (crash tests). */
  close(options?: { keepData?: boolean }): Promise<void>;
}

export interface TestAppOptions {
  role?: 'api' | 'all';
  env?: Record<string, string>;
  now?: Date;
  /** Start on the database and Redis prefix another test app left behind ("after a restart"). */
  reuse?: { dbName: string; redisPrefix: string };
  /** Static files to serve, as main.ts does with the built H5 app and console. */
  staticDirs?: Pick<HttpSetup, 'h5DistDir' | 'consoleDistDir'>;
}

/**
 * A whole server on the machine's MariaDB and Redis, in a database and key prefix of its own,
 * so test files can run in parallel and leave nothing behind.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const suffix = randomBytes(4).toString('hex');
  const dbName = options.reuse?.dbName ?? `cc_test_${suffix}`;
  const redisPrefix = options.reuse?.redisPrefix ?? `cc_test_${suffix}`;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    WECHAT_MODE: 'dev',
    LOG_LEVEL: 'silent',
    DB_NAME: dbName,
    REDIS_PREFIX: redisPrefix,
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    OUTBOX_POLL_MS: '200',
    DB_POOL_SIZE: '20',
    ...options.env,
  });
  const env = loadEnv();
  const db = { host: env.DB_HOST, port: env.DB_PORT, user: env.DB_USER, password: env.DB_PASSWORD, name: dbName, poolSize: 2 };
  await runMigrations(db);
  const clock = new FixedClock(options.now ?? new Date());
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register({ role: options.role ?? 'api' })] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  configureHttp(app, { logger: pino({ level: 'silent' }), ...options.staticDirs });
  await app.init();
  return {
    app,
    http: supertest(app.getHttpServer()),
    clock,
    dataSource: app.get(DataSource),
    cipher: app.get(FieldCipher),
    dbName,
    redisPrefix,
    get: (token) => app.get(token as never),
    async close(closeOptions = {}) {
      await app.close();
      if (closeOptions.keepData) return;
      await dropDatabase(db);
      const redis = new Redis({ host: env.REDIS_HOST, port: env.REDIS_PORT, db: env.REDIS_DB });
      const keys = await redis.keys(`${redisPrefix}:*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    },
  };
}
