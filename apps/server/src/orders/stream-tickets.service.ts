import { ErrorCode } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UserEntity } from '../auth/entities/user.entity.js';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RedisClient } from '../common/redis/redis.module.js';

export const STREAM_TICKET_TTL_SECONDS = 60;

interface TicketClaim {
  userId: string;
  orderId: string;
  issuedAt: number;
}

/**
 * EventSource cannot send an Authorization header, so the app trades its access token for a
 * ticket that opens one order's stream once, for one user, within a minute. Only the ticket's hash
 * is stored; a ticket in a proxy log is useless once the stream has opened.
 */
@Injectable()
export class StreamTickets {
  constructor(
    private readonly redis: RedisClient,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async issue(userId: string, orderId: string): Promise<{ ticket: string; expiresInSeconds: number }> {
    const ticket = randomBytes(32).toString('base64url');
    const claim: TicketClaim = { userId, orderId, issuedAt: this.clock.now().getTime() };
    // Redis drops it a little after the clock says it expired; the clock decides.
    await this.redis.set(key(ticket), JSON.stringify(claim), 'EX', STREAM_TICKET_TTL_SECONDS * 2);
    return { ticket, expiresInSeconds: STREAM_TICKET_TTL_SECONDS };
  }

  /** Uses the ticket up (whatever the outcome) and answers who it was issued to. */
  async redeem(ticket: string | undefined, orderId: string): Promise<Principal> {
    const refused = new DomainError(ErrorCode.UNAUTHENTICATED, '实时推送凭证无效、已使用或已过期，请重新打开订单页面');
    if (!ticket || !/^[\w-]{43}$/.test(ticket)) throw refused;
    const raw = await this.redis.getdel(key(ticket));
    if (!raw) throw refused;
    const claim = JSON.parse(raw) as TicketClaim;
    if (claim.orderId !== orderId) throw refused;
    if (this.clock.now().getTime() - claim.issuedAt > STREAM_TICKET_TTL_SECONDS * 1000) throw refused;
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id: claim.userId }, select: { id: true, roles: true, elderId: true } });
    if (!user) throw refused;
    return { userId: user.id, roles: user.roles, elderId: user.elderId };
  }
}

function key(ticket: string): string {
  return `stream-ticket:${createHash('sha256').update(ticket).digest('hex')}`;
}
