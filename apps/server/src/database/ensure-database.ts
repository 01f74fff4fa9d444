import { createConnection } from 'mysql2/promise';
import type { DatabaseConfig } from '../config/configuration.js';

/** Creates the database if it is missing, so a fresh machine needs no manual step. */
export async function ensureDatabase(db: DatabaseConfig): Promise<void> {
  const conn = await createConnection({ host: db.host, port: db.port, user: db.user, password: db.password, connectTimeout: 5000 });
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${db.name.replace(/`/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

export async function dropDatabase(db: DatabaseConfig): Promise<void> {
  const conn = await createConnection({ host: db.host, port: db.port, user: db.user, password: db.password, connectTimeout: 5000 });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${db.name.replace(/`/g, '')}\``);
  } finally {
    await conn.end();
  }
}
