import { ErrorCode, type Role } from '@carecircle/shared';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { UserEntity } from '../../auth/entities/user.entity.js';
import { DomainError } from '../errors/domain-error.js';
import { IS_PUBLIC, REQUIRED_ROLES } from './decorators.js';
import type { AccessTokenPayload, Principal } from './principal.js';

/** Global guard: a valid access token for an existing user, then the route's role list. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: Principal }>();
    const token = bearerToken(req);
    if (!token) throw new DomainError(ErrorCode.UNAUTHENTICATED, '请先登录');
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
    } catch (err) {
      if (err instanceof TokenExpiredError) throw new DomainError(ErrorCode.TOKEN_EXPIRED, '登录已过期，请重新登录');
      throw new DomainError(ErrorCode.UNAUTHENTICATED, '登录信息无效，请重新登录');
    }
    if (payload.typ !== 'access') throw new DomainError(ErrorCode.UNAUTHENTICATED, '登录信息无效，请重新登录');
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id: payload.sub }, select: { id: true, roles: true, elderId: true, deletedAt: true } });
    if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, '账号不存在，请重新登录');
    if (user.deletedAt) throw new DomainError(ErrorCode.UNAUTHENTICATED, '该账号已注销，如需继续使用请重新登录注册新账号');
    req.user = { userId: user.id, roles: user.roles, elderId: user.elderId };

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required?.length && !required.some((role) => user.roles.includes(role))) {
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, '当前账号没有权限进行此操作', { requiredRoles: required });
    }
    return true;
  }
}

/** Only the Authorization header: a token in a URL ends up in access logs and browser history (SSE streams use a one-time ticket). */
function bearerToken(req: { headers: Record<string, string | undefined> }): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers['authorization'] ?? '');
  return match ? match[1] : null;
}
