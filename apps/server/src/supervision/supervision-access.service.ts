import { ErrorCode, Role } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { OperatorScope } from '../regulation/operator-scope.service.js';

export interface ProviderRow {
  id: string;
  name: string;
  kind: string;
  region_id: string;
  address: string;
  status: string;
  recommended: number;
  licence_no: string;
}

const notFound = () => new DomainError(ErrorCode.PROVIDER_NOT_FOUND, '未找到该机构');

/** Who may see a provider's supervision record: operators of its region; its own admins read (and upload) only. */
@Injectable()
export class SupervisionAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: OperatorScope,
  ) {}

  async provider(id: string): Promise<ProviderRow | undefined> {
    const [row] = await this.dataSource.query('SELECT id, name, kind, region_id, address, status, recommended, licence_no FROM providers WHERE id = ?', [id]);
    return row;
  }

  /** An operator whose regions hold the provider; anyone else gets 404. */
  async requireOperatorProvider(principal: Principal, providerId: string): Promise<ProviderRow> {
    const p = await this.provider(providerId);
    if (!p || !principal.roles.includes(Role.OPERATOR) || !(await this.scope.regionIds(principal.userId)).includes(p.region_id)) throw notFound();
    return p;
  }

  /** That operator, or an admin of the provider itself. */
  async requireProviderReader(principal: Principal, providerId: string): Promise<ProviderRow> {
    const p = await this.provider(providerId);
    if (!p) throw notFound();
    if (principal.roles.includes(Role.OPERATOR) && (await this.scope.regionIds(principal.userId)).includes(p.region_id)) return p;
    const [admin] = await this.dataSource.query('SELECT 1 AS ok FROM provider_admins WHERE provider_id = ? AND user_id = ?', [providerId, principal.userId]);
    if (!admin) throw notFound();
    return p;
  }

  async requireOperatorRegion(principal: Principal, regionId: string): Promise<void> {
    await this.scope.requireRegion(principal.userId, regionId);
  }

  async operatorRegionIds(principal: Principal): Promise<string[]> {
    return principal.roles.includes(Role.OPERATOR) ? this.scope.regionIds(principal.userId) : [];
  }
}
