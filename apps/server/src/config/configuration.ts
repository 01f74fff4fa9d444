import { registerAs } from '@nestjs/config';
import { loadEnv } from './env.js';

export const appConfig = registerAs('app', () => {
  const env = loadEnv();
  return {
    nodeEnv: env.NODE_ENV,
    role: env.ROLE,
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    h5DistDir: env.H5_DIST_DIR,
    inviteTtlSeconds: env.INVITE_TTL_SECONDS,
    outboxPollMs: env.OUTBOX_POLL_MS,
  };
});

export const databaseConfig = registerAs('database', () => {
  const env = loadEnv();
  return { host: env.DB_HOST, port: env.DB_PORT, user: env.DB_USER, password: env.DB_PASSWORD, name: env.DB_NAME, poolSize: env.DB_POOL_SIZE };
});

export const redisConfig = registerAs('redis', () => {
  const env = loadEnv();
  return { host: env.REDIS_HOST, port: env.REDIS_PORT, db: env.REDIS_DB, prefix: env.REDIS_PREFIX };
});

export const authConfig = registerAs('auth', () => {
  const env = loadEnv();
  return {
    jwtSecret: env.JWT_SECRET,
    accessTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    refreshTtlSeconds: env.REFRESH_TOKEN_TTL_SECONDS,
    rateLimitPerMinute: env.AUTH_RATE_LIMIT_PER_MINUTE,
    codeRedeemPerUser: env.CODE_REDEEM_LIMIT_PER_USER,
    codeRedeemPerIp: env.CODE_REDEEM_LIMIT_PER_IP,
  };
});

export const wechatConfig = registerAs('wechat', () => {
  const env = loadEnv();
  return {
    mode: env.WECHAT_MODE,
    appId: env.WECHAT_APPID ?? '',
    secret: env.WECHAT_SECRET ?? '',
    subscribeTemplates: JSON.parse(env.WECHAT_SUBSCRIBE_TEMPLATES ?? '{}') as Record<string, string>,
  };
});

export const piiConfig = registerAs('pii', () => {
  const env = loadEnv();
  return { encryptionKey: env.PII_ENCRYPTION_KEY, indexKey: env.PII_INDEX_KEY };
});

export const dispatchConfig = registerAs('dispatch', () => {
  const env = loadEnv();
  return {
    offerTimeoutSeconds: env.DISPATCH_OFFER_TIMEOUT_SECONDS,
    radiiM: env.DISPATCH_RADII_M.split(',').map(Number),
    leadMinutes: env.DISPATCH_LEAD_MINUTES,
    sweepMs: env.DISPATCH_SWEEP_MS,
    checkInRadiusM: env.CHECK_IN_RADIUS_M,
    candidateSource: env.DISPATCH_CANDIDATE_SOURCE,
  };
});

export const configurations = [appConfig, databaseConfig, redisConfig, authConfig, wechatConfig, piiConfig, dispatchConfig];

export type AppConfig = ReturnType<typeof appConfig>;
export type DatabaseConfig = ReturnType<typeof databaseConfig>;
export type RedisConfig = ReturnType<typeof redisConfig>;
export type AuthConfig = ReturnType<typeof authConfig>;
export type WechatConfig = ReturnType<typeof wechatConfig>;
export type PiiConfig = ReturnType<typeof piiConfig>;
export type DispatchConfig = ReturnType<typeof dispatchConfig>;
