import { Redis } from 'ioredis';
import type { DatabaseConfig, RedisConfig } from '../config/configuration.js';
import { ensureDatabase } from './ensure-database.js';

const HOW_TO_START = 'start it with `bash ../shared/services.sh`, or `docker compose -f docker/compose.yml up -d`';

export class PreflightError extends Error {}

/** Checks MariaDB and Redis answer before Nest boots, so a stopped service is one readable line. */
export async function preflight(db: DatabaseConfig, redis: RedisConfig): Promise<void> {
  try {
    await ensureDatabase(db);
  } catch (err) {
    const code = (err as { code?: string }).code ?? (err as Error).message;
    if (code === 'ER_ACCESS_DENIED_ERROR') {
      throw new PreflightError(`MariaDB at ${db.host}:${db.port} refused user "${db.user}": check DB_USER / DB_PASSWORD`);
    }
    throw new PreflightError(`MariaDB is not reachable at ${db.host}:${db.port} (${code}): ${HOW_TO_START}`);
  }
  const client = new Redis({ host: redis.host, port: redis.port, db: redis.db, lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    throw new PreflightError(`Redis is not reachable at ${redis.host}:${redis.port} (${(err as Error).message}): ${HOW_TO_START}`);
  } finally {
    client.disconnect();
  }
}
