import { ErrorCode, type MeView, type Role } from '@carecircle/shared';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, In, IsNull } from 'typeorm';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { authConfig, type AuthConfig } from '../config/configuration.js';
import { DEMO_LOGINS, SECOND_STREET_LOGINS } from '../database/seed/demo-logins.js';
import { HouseholdMemberEntity } from '../households/entities/household-member.entity.js';
import type { AuthTokensResponse, DevLoginResponse } from './dto/auth.dto.js';
import { RefreshTokenEntity } from './entities/refresh-token.entity.js';
import { UserEntity } from './entities/user.entity.js';
import { WechatClient, WechatLoginError } from './wechat/wechat-client.js';

const DEFAULT_ROLES: Role[] = ['family'];

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly wechat: WechatClient,
    private readonly clock: Clock,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  async loginWithWechat(code: string): Promise<AuthTokensResponse> {
    let session;
    try {
      session = await this.wechat.code2Session(code);
    } catch (err) {
      if (err instanceof WechatLoginError) throw new DomainError(ErrorCode.WECHAT_LOGIN_FAILED, err.message);
      throw err;
    }
    const user = await this.findOrCreateUser(session.openid, session.nickname ?? '微信用户');
    return this.issueTokens(user);
  }

  async refresh(refreshToken: string): Promise<AuthTokensResponse> {
    const tokens = this.dataSource.getRepository(RefreshTokenEntity);
    const stored = await tokens.findOne({ where: { tokenHash: hashToken(refreshToken) } });
    const now = this.clock.now();
    if (!stored || stored.expiresAt <= now) throw new DomainError(ErrorCode.REFRESH_TOKEN_INVALID, '登录已失效，请重新登录');
    if (stored.revokedAt) {
      // A revoked token used again means it leaked: end every session of this user.
      await tokens.update({ userId: stored.userId, revokedAt: IsNull() }, { revokedAt: now });
      throw new DomainError(ErrorCode.REFRESH_TOKEN_INVALID, '登录已失效，请重新登录');
    }
    const rotated = await tokens.update({ id: stored.id, revokedAt: IsNull() }, { revokedAt: now });
    if (rotated.affected !== 1) throw new DomainError(ErrorCode.REFRESH_TOKEN_INVALID, '登录已失效，请重新登录');
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: stored.userId });
    return this.issueTokens(user);
  }

  async logout(userId: string, refreshToken: string): Promise<void> {
    await this.dataSource
      .getRepository(RefreshTokenEntity)
      .update({ tokenHash: hashToken(refreshToken), userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  async me(userId: string): Promise<MeView> {
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: userId });
    return this.toMe(user);
  }

  /** Seeded demo accounts, only in dev mode: the H5 login picker lists them. */
  async devLogins(): Promise<DevLoginResponse[]> {
    const logins = [...DEMO_LOGINS, ...SECOND_STREET_LOGINS];
    const users = await this.dataSource.getRepository(UserEntity).find({ where: { openid: In(logins.map((l) => `dev:${l.name}`)) } });
    const present = new Map(users.map((u) => [u.openid, u]));
    return logins.filter((l) => present.has(`dev:${l.name}`)).map((l) => ({
      code: `dev:${l.name}`,
      nickname: l.name,
      roles: present.get(`dev:${l.name}`)!.roles,
      description: l.description,
    }));
  }

  /** Adds a role to a user (e.g. guardian once they add a child); a no-op when already held. */
  async grantRole(userId: string, role: Role): Promise<void> {
    await this.dataSource.query(
      `UPDATE users SET roles = JSON_ARRAY_APPEND(roles, '$', ?) WHERE id = ? AND NOT JSON_CONTAINS(roles, JSON_QUOTE(?))`,
      [role, userId, role],
    );
  }

  private async findOrCreateUser(openid: string, nickname: string): Promise<UserEntity> {
    const users = this.dataSource.getRepository(UserEntity);
    const existing = await users.findOneBy({ openid });
    if (existing) return existing;
    // Two first logins racing: INSERT IGNORE lets one create the row, both then read it.
    await users.createQueryBuilder().insert().orIgnore().values({ openid, nickname: nickname.slice(0, 40), roles: DEFAULT_ROLES, elderId: null }).execute();
    return users.findOneByOrFail({ openid });
  }

  private async issueTokens(user: UserEntity): Promise<AuthTokensResponse> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.dataSource.getRepository(RefreshTokenEntity).insert({
      userId: user.id,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(this.clock.now().getTime() + this.config.refreshTtlSeconds * 1000),
      revokedAt: null,
    });
    const accessToken = await this.jwt.signAsync({ sub: user.id, typ: 'access' }, { expiresIn: this.config.accessTtlSeconds });
    return { accessToken, refreshToken, expiresIn: this.config.accessTtlSeconds, user: await this.toMe(user) };
  }

  private async toMe(user: UserEntity): Promise<MeView> {
    const memberships = await this.dataSource.getRepository(HouseholdMemberEntity).find({ where: { userId: user.id }, order: { joinedAt: 'ASC' } });
    return { id: user.id, nickname: user.nickname, roles: user.roles, householdIds: memberships.map((m) => m.householdId), elderId: user.elderId };
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
