import { ErrorCode } from '@carecircle/shared';
import { createHash } from 'node:crypto';
import { DomainError } from './errors/domain-error.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;

/** Orders and bookings need an Idempotency-Key: a retried submit must never book twice. */
export function requireIdempotencyKey(key: string | undefined): string {
  if (!key || !IDEMPOTENCY_KEY.test(key)) {
    throw new DomainError(ErrorCode.IDEMPOTENCY_KEY_REQUIRED, '缺少 Idempotency-Key 请求头（8–64 位字母、数字、- 或 _），用于防止重复下单', {
      fields: [{ field: 'Idempotency-Key', message: '缺少或格式不正确' }],
    });
  }
  return key;
}

/** The same key with a different body is a client bug, refused rather than silently replayed. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

export function idempotencyKeyReused(): DomainError {
  return new DomainError(ErrorCode.IDEMPOTENCY_KEY_REUSED, '这个 Idempotency-Key 已用于另一笔不同的订单，请为新订单生成新的 Key');
}
