import { ErrorCode, Role, type ElderLoginCodeView, type MeView } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthService } from '../auth/auth.service.js';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { oneTimeCode } from '../common/one-time-code.js';
import { ElderEntity } from '../households/entities/elder.entity.js';
import { HouseholdAccess } from '../households/household-access.service.js';
import type { ConfirmationSettingsDto } from './dto/care.dto.js';

/** An elder's own login on their phone (长辈版), bound with a one-time code a family member shows them. */
@Injectable()
export class ElderAccountService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: HouseholdAccess,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  async createLoginCode(principal: Principal, elderId: string): Promise<ElderLoginCodeView> {
    await this.access.requireElderOfMyHousehold(principal.userId, elderId);
    const code = oneTimeCode();
    const expiresAt = new Date(this.clock.now().getTime() + 24 * 3600_000);
    await this.dataSource.query('INSERT INTO elder_login_codes (code, elder_id, created_by, expires_at) VALUES (?, ?, ?, ?)', [code, elderId, principal.userId, expiresAt]);
    return { code, expiresAt: expiresAt.toISOString() };
  }

  /** On the elder's phone: the logged-in account becomes the elder's own (role elder, app opens in 长辈版). */
  async claim(principal: Principal, code: string): Promise<MeView> {
    await this.dataSource.transaction(async (m) => {
      const [row] = await m.query('SELECT elder_id, expires_at, used_at FROM elder_login_codes WHERE code = ? FOR UPDATE', [code]);
      if (!row || row.used_at) throw new DomainError(ErrorCode.INVITE_INVALID, '绑定码不存在或已使用，请让家人重新生成');
      if (new Date(row.expires_at) <= this.clock.now()) throw new DomainError(ErrorCode.INVITE_EXPIRED, '绑定码已过期，请让家人重新生成');
      await m.query('UPDATE elder_login_codes SET used_by = ?, used_at = ? WHERE code = ?', [principal.userId, this.clock.now(), code]);
      await m.query('UPDATE users SET elder_id = NULL WHERE elder_id = ?', [row.elder_id]);
      await m.query('UPDATE users SET elder_id = ? WHERE id = ?', [row.elder_id, principal.userId]);
    });
    await this.auth.grantRole(principal.userId, Role.ELDER);
    return this.auth.me(principal.userId);
  }

  /** The family, or the elder on his own login: it is his choice whether proxy orders wait for him. */
  async setConfirmation(principal: Principal, elderId: string, dto: ConfirmationSettingsDto): Promise<ConfirmationSettingsDto> {
    await this.access.requireElder(principal, elderId);
    await this.dataSource.getRepository(ElderEntity).update({ id: elderId }, { confirmOrders: dto.confirmOrders, confirmTimeoutMinutes: dto.timeoutMinutes, onConfirmTimeout: dto.onTimeout });
    return dto;
  }
}
