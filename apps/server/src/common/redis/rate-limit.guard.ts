import { ErrorCode } from '@carecircle/shared';
import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { authConfig, type AuthConfig } from '../../config/configuration.js';
import { DomainError } from '../errors/domain-error.js';
import { RedisClient } from './redis.module.js';

const RATE_LIMIT = 'rateLimit';
/** Limits calls per client IP per minute, counted in Redis so every api process shares one count. */
export const RateLimit = (bucket: 'auth') => SetMetadata(RATE_LIMIT, bucket);

// INCR and set the window on the first hit, atomically.
const HIT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { hits, redis.call('PTTL', KEYS[1]) }
`;

const WINDOW_MS = 60_000;

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly redis: RedisClient,
    @Inject(authConfig.KEY) private readonly auth: AuthConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const bucket = this.reflector.getAllAndOverride<string | undefined>(RATE_LIMIT, [context.getHandler(), context.getClass()]);
    if (!bucket) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const limit = this.auth.rateLimitPerMinute;
    const [hits, ttlMs] = (await this.redis.eval(HIT, 1, `ratelimit:${bucket}:${req.ip ?? 'unknown'}`, WINDOW_MS)) as [number, number];
    res.setHeader('x-ratelimit-limit', limit);
    res.setHeader('x-ratelimit-remaining', Math.max(0, limit - hits));
    if (hits > limit) {
      const retryAfter = Math.max(1, Math.ceil(ttlMs / 1000));
      res.setHeader('retry-after', retryAfter);
      throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, '操作过于频繁，请稍后再试', { retryAfterSeconds: retryAfter });
    }
    return true;
  }
}
