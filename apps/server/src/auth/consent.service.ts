import { ErrorCode, type ConsentStateView, type RecordConsentInput } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { PRIVACY_POLICY } from './privacy-policy.js';

interface ConsentRow {
  action: 'consent' | 'withdraw';
  policy_version: string;
  channel: string;
  created_at: Date;
}

/**
 * Consent to the privacy policy, recorded per person (PIPL arts. 14–15): every consent and
 * withdrawal is a row, never overwritten. An account whose latest decision is a withdrawal may not
 * place new orders until it consents again; accounts from before recording started have no row
 * and are asked by the app at their next login.
 */
@Injectable()
export class ConsentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async state(userId: string): Promise<ConsentStateView> {
    const rows: ConsentRow[] = await this.dataSource.query('SELECT action, policy_version, channel, created_at FROM privacy_consents WHERE user_id = ? ORDER BY id DESC', [userId]);
    const latest = rows[0];
    const lastConsent = rows.find((r) => r.action === 'consent');
    return {
      currentVersion: PRIVACY_POLICY.version,
      consentedVersion: latest?.action === 'consent' ? latest.policy_version : null,
      consentedAt: latest?.action === 'consent' ? new Date(latest.created_at).toISOString() : null,
      withdrawnAt: latest?.action === 'withdraw' ? new Date(latest.created_at).toISOString() : null,
      required: latest?.action === 'withdraw' || (!!lastConsent && lastConsent.policy_version !== PRIVACY_POLICY.version && latest?.action !== 'consent'),
      history: rows.map((r) => ({ action: r.action, version: r.policy_version, channel: r.channel, at: new Date(r.created_at).toISOString() })),
    };
  }

  async consent(userId: string, input: RecordConsentInput): Promise<ConsentStateView> {
    if (input.version !== PRIVACY_POLICY.version) {
      throw new DomainError(ErrorCode.CONFLICT, `隐私政策已更新为 ${PRIVACY_POLICY.version} 版，请阅读新版本后再同意`, { currentVersion: PRIVACY_POLICY.version });
    }
    await this.insert(userId, 'consent', input.version, input.channel);
    return this.state(userId);
  }

  async withdraw(userId: string, channel: string): Promise<ConsentStateView> {
    const current = await this.state(userId);
    if (current.withdrawnAt) return current;
    await this.insert(userId, 'withdraw', current.consentedVersion ?? PRIVACY_POLICY.version, channel);
    return this.state(userId);
  }

  /** New orders need consent: refused after a withdrawal until the person consents again. */
  async requireForNewOrder(userId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const [latest]: ConsentRow[] = await manager.query('SELECT action, policy_version, channel, created_at FROM privacy_consents WHERE user_id = ? ORDER BY id DESC LIMIT 1', [userId]);
    if (latest?.action === 'withdraw') {
      throw new DomainError(ErrorCode.CONFLICT, '您已撤回对隐私政策的同意，重新同意后才能下新订单（我的 → 隐私与数据）', { reason: 'privacy_consent_required', currentVersion: PRIVACY_POLICY.version });
    }
  }

  private async insert(userId: string, action: 'consent' | 'withdraw', version: string, channel: string): Promise<void> {
    await this.dataSource.query('INSERT INTO privacy_consents (user_id, action, policy_version, channel, created_at) VALUES (?, ?, ?, ?, ?)', [userId, action, version, channel, this.clock.now()]);
  }
}
