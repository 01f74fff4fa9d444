import { ErrorCode, Role } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { OperatorScope } from '../regulation/operator-scope.service.js';

/** Who is asking: an operator sees the providers of their regions, a provider admin their own providers. */
export interface TrainingViewer {
  userId: string;
  /** The operator's regions (with the regions under them); empty for everyone else. */
  regionIds: string[];
  /** Providers the user administers. */
  adminOf: string[];
}

export interface ProviderRow {
  id: string;
  name: string;
  kind: string;
  region_id: string;
}

@Injectable()
export class TrainingAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: OperatorScope,
  ) {}

  async viewer(principal: Principal): Promise<TrainingViewer> {
    const regionIds = principal.roles.includes(Role.OPERATOR) ? await this.scope.regionIds(principal.userId) : [];
    const admin: { provider_id: string }[] = await this.dataSource.query('SELECT provider_id FROM provider_admins WHERE user_id = ?', [principal.userId]);
    return { userId: principal.userId, regionIds, adminOf: admin.map((a) => a.provider_id) };
  }

  /** Every provider the viewer may see; a provider outside is reported as not found. */
  async requireProvider(viewer: TrainingViewer, providerId: string): Promise<ProviderRow> {
    const [provider]: ProviderRow[] = await this.dataSource.query('SELECT id, name, kind, region_id FROM providers WHERE id = ?', [providerId]);
    if (!provider || !(viewer.regionIds.includes(provider.region_id) || viewer.adminOf.includes(provider.id))) {
      throw new DomainError(ErrorCode.PROVIDER_NOT_FOUND, '未找到该机构');
    }
    return provider;
  }

  /** SQL condition (on a providers alias `p`) limiting rows to what the viewer may see, with its parameters. */
  visibleProviders(viewer: TrainingViewer, alias = 'p'): { sql: string; params: string[] } {
    const parts: string[] = [];
    const params: string[] = [];
    if (viewer.regionIds.length) {
      parts.push(`${alias}.region_id IN (${viewer.regionIds.map(() => '?').join(',')})`);
      params.push(...viewer.regionIds);
    }
    if (viewer.adminOf.length) {
      parts.push(`${alias}.id IN (${viewer.adminOf.map(() => '?').join(',')})`);
      params.push(...viewer.adminOf);
    }
    return { sql: parts.length ? `(${parts.join(' OR ')})` : '1 = 0', params };
  }
}
