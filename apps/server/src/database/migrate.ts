import type { Logger } from 'pino';
import type { DatabaseConfig } from '../config/configuration.js';
import { createDataSource } from './data-source.js';
import { ensureDatabase } from './ensure-database.js';

/** Creates the database if missing and applies pending migrations; safe to run on every start. */
export async function runMigrations(db: DatabaseConfig, logger?: Logger): Promise<string[]> {
  await ensureDatabase(db);
  const ds = createDataSource(db);
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    if (applied.length) logger?.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
