import 'reflect-metadata';
import { FieldCipher } from '../common/crypto/field-cipher.js';
import { loadEnv, EnvError } from '../config/env.js';
import { createDataSource } from './data-source.js';
import { dropDatabase, ensureDatabase } from './ensure-database.js';
import { runMigrations } from './migrate.js';
import { preflight, PreflightError } from './preflight.js';
import { seedDemoDistrict } from './seed/demo-district.js';
import { SECOND_STREET, seedSecondStreet } from './seed/second-street.js';
import { SECOND_STREET_LOGINS } from './seed/demo-logins.js';
import { addRegion, grantOperator } from './streets.js';

/** `migrate` | `revert` | `seed` | `add-region` | `grant-operator` (USAGE below): the TypeORM CLI's job, through the same data source the server uses. */
async function main(command: string | undefined, flags: string[]): Promise<void> {
  const env = loadEnv();
  const db = { host: env.DB_HOST, port: env.DB_PORT, user: env.DB_USER, password: env.DB_PASSWORD, name: env.DB_NAME, poolSize: 2 };
  await preflight(db, { host: env.REDIS_HOST, port: env.REDIS_PORT, db: env.REDIS_DB, prefix: env.REDIS_PREFIX });
  switch (command) {
    case 'migrate': {
      const applied = await runMigrations(db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : `Database ${db.name} is up to date.`);
      return;
    }
    case 'revert': {
      await ensureDatabase(db);
      const ds = await createDataSource(db).initialize();
      await ds.undoLastMigration({ transaction: 'each' });
      await ds.destroy();
      console.log('Reverted the last migration.');
      return;
    }
    case 'seed': {
      if (flags.includes('--reset')) await dropDatabase(db);
      await runMigrations(db);
      const ds = await createDataSource(db).initialize();
      try {
        const cipher = new FieldCipher({ encryptionKey: env.PII_ENCRYPTION_KEY, indexKey: env.PII_INDEX_KEY });
        const result = await seedDemoDistrict(ds, cipher);
        console.log(result.seeded ? `Seeded the demo district into ${db.name}.` : `The demo district is already in ${db.name} (use --reset to start over).`);
        console.log('Dev logins (H5 login picker, or POST /api/auth/wechat {"code":"dev:<name>"}):');
        for (const l of result.logins) console.log(`  dev:${l.name}  ${l.description}`);
        if (flags.includes('--second-street')) {
          const second = await seedSecondStreet(ds);
          console.log(second.added ? `Added the second street ${SECOND_STREET.name} (${SECOND_STREET.code}) and its operator:` : `The second street ${SECOND_STREET.name} is already there; its operator:`);
          for (const l of SECOND_STREET_LOGINS) console.log(`  dev:${l.name}  ${l.description}`);
        }
      } finally {
        await ds.destroy();
      }
      return;
    }
    case 'add-region': {
      const [lat, lng] = (option(flags, 'center') ?? '').split(',').map(Number);
      const population = option(flags, 'population');
      const ds = await createDataSource(db).initialize();
      try {
        const region = await addRegion(ds, {
          parentCode: required(flags, 'parent'), code: required(flags, 'code'), name: required(flags, 'name'), level: required(flags, 'level') as 'street' | 'community',
          center: { lat, lng }, population: population ? Number(population) : undefined,
        });
        console.log(`Added ${region.level} ${region.name} (${region.code}) in ${db.name}.`);
      } finally {
        await ds.destroy();
      }
      return;
    }
    case 'grant-operator': {
      const ds = await createDataSource(db).initialize();
      try {
        const granted = await grantOperator(ds, { openid: required(flags, 'openid'), regionCode: required(flags, 'region'), nickname: option(flags, 'nickname') });
        console.log(`User ${granted.userId} now operates ${required(flags, 'region')} and the regions under it.`);
      } finally {
        await ds.destroy();
      }
      return;
    }
    default:
      throw new EnvError(USAGE);
  }
}

const USAGE = `Usage: cli.ts migrate | revert | seed [--reset] [--second-street]
  | add-region --parent <code> --code <code> --name <名称> --level street|community --center <lat,lng> [--population N]
  | grant-operator --openid <openid> --region <code> [--nickname <名字>]`;

function option(flags: string[], name: string): string | undefined {
  const at = flags.indexOf(`--${name}`);
  return at >= 0 ? flags[at + 1] : undefined;
}

function required(flags: string[], name: string): string {
  const value = option(flags, name);
  if (!value) throw new EnvError(`--${name} is required.\n${USAGE}`);
  return value;
}

main(process.argv[2], process.argv.slice(3)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof EnvError || err instanceof PreflightError ? err.message : (err as Error).stack}\n`);
  process.exit(1);
});
