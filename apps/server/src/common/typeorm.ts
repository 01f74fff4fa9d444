import type { ValueTransformer } from 'typeorm';

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
