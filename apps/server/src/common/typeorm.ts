import type { EntityManager, EntityTarget, ObjectLiteral, ValueTransformer } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';

/** mysql2 returns DECIMAL as a string; coordinates are numbers everywhere else. */
export const decimalToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** Runs `work`; a unique-key violation becomes the domain error the caller names. */
export async function onDuplicateKey<T>(work: () => Promise<T>, toError: () => Error): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if ((err as { code?: string }).code === 'ER_DUP_ENTRY') throw toError();
    throw err;
  }
}

/** A DATE column as YYYY-MM-DD, whether the driver gave a string or a local-midnight Date. */
export function calendarDay(v: string | Date): string {
  return typeof v === 'string' ? v.slice(0, 10) : new Date(v.getTime() - v.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/**
 * INSERTs rows without reading them back. Repository.insert/save SELECT the generated columns
 * (auto ids, DEFAULT timestamps) after every INSERT; on the order and dispatch paths nobody
 * needs them, and that second round trip per row was a fifth of their queries.
 */
export async function insertRows<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, values: QueryDeepPartialEntity<T> | QueryDeepPartialEntity<T>[]): Promise<void> {
  await manager.createQueryBuilder().insert().into(entity).values(values).updateEntity(false).execute();
}
