import { ErrorCode } from '@carecircle/shared';
import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { authConfig, type AuthConfig } from '../../config/configuration.js';
import type { Principal } from '../auth/principal.js';
import { DomainError } from '../errors/domain-error.js';
import { RedisClient } from './redis.module.js';

const RATE_LIMIT = 'rateLimit';
/**
 * Limits calls, counted in Redis so every api process shares one count. `auth`: logins per client
 * IP per minute. `code`: guesses at one-time codes (invites, elder login) per user and per IP.
 * `export`: downloads of one's own personal data (PIPL art. 45), per user per hour.
 */
export type RateLimitBucket = 'auth' | 'code' | 'export';
export const RateLimit = (bucket: RateLimitBucket) => SetMetadata(RATE_LIMIT, bucket);

// INCR and set the window on the first hit, atomically.
const HIT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { hits, redis.call('PTTL', KEYS[1]) }
`;

const CODE_WINDOW_MS = 15 * 60_000;
const EXPORT_WINDOW_MS = 60 * 60_000;
const EXPORTS_PER_HOUR = 3;

interface Limit {
  key: string;
  limit: number;
  windowMs: number;
}

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly redis: RedisClient,
    @Inject(authConfig.KEY) private readonly auth: AuthConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const bucket = this.reflector.getAllAndOverride<RateLimitBucket | undefined>(RATE_LIMIT, [context.getHandler(), context.getClass()]);
    if (!bucket) return true;
    // Runs after the auth guard, so a logged-in caller is known here.
    const req = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    const res = context.switchToHttp().getResponse<Response>();
    let tightest: { limit: number; remaining: number } | null = null;
    let retryAfter = 0;
    for (const { key, limit, windowMs } of this.limits(bucket, req)) {
      let counted: [number, number];
      try {
        counted = (await this.redis.eval(HIT, 1, key, windowMs)) as [number, number];
      } catch {
        // Redis is away for a moment (a restart, a failover). Logging in stays possible — WeChat's code
        // exchange limits it anyway — but code guessing and exports wait rather than go uncounted.
        if (bucket === 'auth') return true;
        throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, '服务正在恢复，请几秒后再试');
      }
      const [hits, ttlMs] = counted;
      const remaining = Math.max(0, limit - hits);
      if (!tightest || remaining < tightest.remaining) tightest = { limit, remaining };
      if (hits > limit) retryAfter = Math.max(retryAfter, Math.ceil(ttlMs / 1000), 1);
    }
    if (tightest) {
      res.setHeader('x-ratelimit-limit', tightest.limit);
      res.setHeader('x-ratelimit-remaining', tightest.remaining);
    }
    if (retryAfter > 0) {
      res.setHeader('retry-after', retryAfter);
      const message =
        bucket === 'code' ? `输入邀请码或绑定码的次数过多，请 ${inWords(retryAfter)}后再试`
        : bucket === 'export' ? `每小时最多导出 ${EXPORTS_PER_HOUR} 次个人数据，请 ${inWords(retryAfter)}后再试`
        : '操作过于频繁，请稍后再试';
      throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, message, { retryAfterSeconds: retryAfter });
    }
    return true;
  }

  private limits(bucket: RateLimitBucket, req: Request & { user?: Principal }): Limit[] {
    const ip = req.ip ?? 'unknown';
    if (bucket === 'export') return [{ key: `ratelimit:export:user:${req.user?.userId ?? ip}`, limit: EXPORTS_PER_HOUR, windowMs: EXPORT_WINDOW_MS }];
    if (bucket === 'auth') return [{ key: `ratelimit:auth:${ip}`, limit: this.auth.rateLimitPerMinute, windowMs: 60_000 }];
    const perIp: Limit = { key: `ratelimit:code:ip:${ip}`, limit: this.auth.codeRedeemPerIp, windowMs: CODE_WINDOW_MS };
    if (!req.user) return [perIp];
    return [perIp, { key: `ratelimit:code:user:${req.user.userId}`, limit: this.auth.codeRedeemPerUser, windowMs: CODE_WINDOW_MS }];
  }
}

function inWords(seconds: number): string {
  return seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}
