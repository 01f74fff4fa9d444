import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppModule } from './app.module.js';
import { configureHttp } from './bootstrap.js';
import { createRootLogger, PinoNestLogger } from './common/logging/logger.js';
import { EnvError, loadEnv } from './config/env.js';
import { preflight, PreflightError } from './database/preflight.js';
import { runMigrations } from './database/migrate.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, here.includes('/dist/') ? '../../../..' : '../../..');

async function main(): Promise<void> {
  const env = loadEnv();
  const logger = createRootLogger(env.LOG_LEVEL);
  const db = { host: env.DB_HOST, port: env.DB_PORT, user: env.DB_USER, password: env.DB_PASSWORD, name: env.DB_NAME, poolSize: env.DB_POOL_SIZE };
  await preflight(db, { host: env.REDIS_HOST, port: env.REDIS_PORT, db: env.REDIS_DB, prefix: env.REDIS_PREFIX });
  await runMigrations(db, logger);

  if (env.ROLE === 'worker') {
    const app = await NestFactory.createApplicationContext(AppModule.register({ role: 'worker' }), { logger: new PinoNestLogger(logger) });
    app.enableShutdownHooks();
    logger.info({ role: env.ROLE }, 'CareCircle worker started');
    return;
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register({ role: env.ROLE }), { logger: new PinoNestLogger(logger), bufferLogs: true });
  configureHttp(app, {
    logger,
    h5DistDir: env.H5_DIST_DIR ?? resolve(repoRoot, 'apps/miniapp/dist/h5'),
    consoleDistDir: resolve(repoRoot, 'apps/console/dist'),
  });
  // In-flight requests and jobs finish before the process exits on SIGTERM / SIGINT.
  app.enableShutdownHooks();
  await app.listen(env.PORT, env.HOST);
  logger.info({ role: env.ROLE, port: env.PORT }, `CareCircle ${env.ROLE} listening on http://127.0.0.1:${env.PORT}`);
}

main().catch((err: unknown) => {
  if (err instanceof EnvError || err instanceof PreflightError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`CareCircle failed to start: ${(err as Error).stack ?? String(err)}\n`);
  }
  process.exit(1);
});
