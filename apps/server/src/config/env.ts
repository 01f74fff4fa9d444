import { plainToInstance, Transform } from 'class-transformer';
import { IsBase64, IsIn, IsInt, IsJSON, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Every variable the server reads, with its default. A wrong one stops the start with one line. */
export class Env {
  @IsIn(['development', 'test', 'production']) NODE_ENV: 'development' | 'test' | 'production' = 'development';
  @IsIn(['api', 'worker', 'all']) ROLE: 'api' | 'worker' | 'all' = 'all';
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsString() HOST = '0.0.0.0';
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';

  @IsString() DB_HOST = '127.0.0.1';
  @Transform(toInt) @IsInt() @Min(1) @Max(65535) DB_PORT = 3306;
  @IsString() DB_USER = 'root';
  @IsString() DB_PASSWORD = '';
  @IsString() @MinLength(1) DB_NAME = 'carecircle';
  @Transform(toInt) @IsInt() @Min(1) @Max(200) DB_POOL_SIZE = 10;

  @IsString() REDIS_HOST = '127.0.0.1';
  @Transform(toInt) @IsInt() @Min(1) @Max(65535) REDIS_PORT = 6379;
  @Transform(toInt) @IsInt() @Min(0) @Max(15) REDIS_DB = 0;
  @IsString() REDIS_PREFIX = 'cc';

  @IsIn(['dev', 'real']) WECHAT_MODE: 'dev' | 'real' = 'dev';
  @IsOptional() @IsString() WECHAT_APPID?: string;
  @IsOptional() @IsString() WECHAT_SECRET?: string;
  /** JSON object: notification topic → subscribe-message template id. */
  @IsOptional() @IsJSON() WECHAT_SUBSCRIBE_TEMPLATES?: string;

  @IsString() @MinLength(32) JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789abcdef';
  @Transform(toInt) @IsInt() @Min(30) ACCESS_TOKEN_TTL_SECONDS = 900;
  @Transform(toInt) @IsInt() @Min(60) REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;
  @Transform(toInt) @IsInt() @Min(1) AUTH_RATE_LIMIT_PER_MINUTE = 30;
  /** Invite and elder-login code attempts per user, and per IP, in 15 minutes. */
  @Transform(toInt) @IsInt() @Min(1) CODE_REDEEM_LIMIT_PER_USER = 10;
  @Transform(toInt) @IsInt() @Min(1) CODE_REDEEM_LIMIT_PER_IP = 30;

  /** base64 of 32 random bytes (AES-256-GCM for ID numbers, health notes, phones). */
  @IsBase64() PII_ENCRYPTION_KEY = 'ZGV2LW9ubHktcGlpLWtleS0zMi1ieXRlcy1sb25nISE=';
  /** base64 of a secret for the blind index that finds an ID number without decrypting. */
  @IsBase64() PII_INDEX_KEY = 'ZGV2LW9ubHktaW5kZXgta2V5LWZvci1pZC1udW1iZXJz';

  @Transform(toInt) @IsInt() @Min(60) INVITE_TTL_SECONDS = 7 * 24 * 3600;
  @Transform(toInt) @IsInt() @Min(100) OUTBOX_POLL_MS = 1000;
  @IsOptional() @IsString() H5_DIST_DIR?: string;
  /** Where the local-disk FileStore keeps uploaded documents (provider 备案 files). */
  @IsString() @MinLength(1) FILES_DIR = 'var/files';

  @Transform(toInt) @IsInt() @Min(5) DISPATCH_OFFER_TIMEOUT_SECONDS = 60;
  /** Comma-separated radii the search widens through, in metres (the 15-minute circle first). */
  @Matches(/^\d+(,\d+)*$/) DISPATCH_RADII_M = '3000,5000,8000';
  @Transform(toInt) @IsInt() @Min(0) DISPATCH_LEAD_MINUTES = 120;
  @Transform(toInt) @IsInt() @Min(1000) DISPATCH_SWEEP_MS = 5000;
  @Transform(toInt) @IsInt() @Min(10) CHECK_IN_RADIUS_M = 200;
  /** geo: Redis GEOSEARCH (production). sql-scan: distance over every on-duty row, the benchmark's naive baseline. */
  @IsIn(['geo', 'sql-scan']) DISPATCH_CANDIDATE_SOURCE: 'geo' | 'sql-scan' = 'geo';
}

export class EnvError extends Error {}

/**
 * Secrets whose development values are public (this repository, docker/compose.yml): production
 * refuses each of them. With the public index key, hashed ID numbers in a dump can be brute-forced.
 */
export const DEV_SECRETS = ['JWT_SECRET', 'PII_ENCRYPTION_KEY', 'PII_INDEX_KEY'] as const satisfies readonly (keyof Env)[];
const DEV_DEFAULTS = new Env();

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const env = plainToInstance(Env, pickDefined(source), { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    const first = errors[0];
    const why = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    throw new EnvError(`Configuration error: ${first.property} ${why.replace(/^\S+\s/, '')} (got ${JSON.stringify(source[first.property] ?? null)})`);
  }
  if (env.NODE_ENV === 'production') {
    if (env.WECHAT_MODE === 'dev') throw new EnvError('Configuration error: WECHAT_MODE=dev is not allowed when NODE_ENV=production');
    for (const key of DEV_SECRETS) {
      if (env[key] === DEV_DEFAULTS[key]) throw new EnvError(`Configuration error: ${key} must be set in production (the development value is published in this repository)`);
    }
  }
  if (Buffer.from(env.PII_ENCRYPTION_KEY, 'base64').length !== 32) {
    throw new EnvError('Configuration error: PII_ENCRYPTION_KEY must be base64 of exactly 32 bytes');
  }
  if (Buffer.from(env.PII_INDEX_KEY, 'base64').length < 32) {
    throw new EnvError('Configuration error: PII_INDEX_KEY must be base64 of at least 32 random bytes');
  }
  if (env.WECHAT_MODE === 'real' && (!env.WECHAT_APPID || !env.WECHAT_SECRET)) {
    throw new EnvError('Configuration error: WECHAT_APPID and WECHAT_SECRET are required when WECHAT_MODE=real');
  }
  return env;
}

/** Variables without a default (so not among `new Env()`'s keys) that are still read. */
const OPTIONAL_KEYS = ['WECHAT_APPID', 'WECHAT_SECRET', 'WECHAT_SUBSCRIBE_TEMPLATES', 'H5_DIST_DIR'];

function pickDefined(source: NodeJS.ProcessEnv): Record<string, string> {
  const keys = Object.keys(new Env());
  const out: Record<string, string> = {};
  for (const key of [...keys, ...OPTIONAL_KEYS]) {
    const value = source[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}
