import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/configuration.js';
import { ENTITIES, MIGRATIONS } from './entities.js';

export function dataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  return {
    type: 'mysql',
    host: db.host,
    port: db.port,
    username: db.user,
    password: db.password,
    database: db.name,
    charset: 'utf8mb4_unicode_ci',
    // Times are stored in UTC and shown in Asia/Shanghai by the apps.
    timezone: 'Z',
    poolSize: db.poolSize,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
  };
}

export function createDataSource(db: DatabaseConfig): DataSource {
  return new DataSource(dataSourceOptions(db));
}
