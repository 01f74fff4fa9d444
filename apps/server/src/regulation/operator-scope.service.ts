import { ErrorCode } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { RegionsService } from '../regions/regions.service.js';

type RegionalTable = 'orders' | 'providers' | 'elders';

/** Operators see only the regions they are assigned to (and the regions under them). */
@Injectable()
export class OperatorScope {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
  ) {}

  async regionIds(userId: string): Promise<string[]> {
    const assigned: { region_id: string }[] = await this.dataSource.query('SELECT region_id FROM operator_regions WHERE user_id = ?', [userId]);
    return this.regions.subtreeIds(assigned.map((a) => a.region_id));
  }

  /** For records that carry a region (orders, providers, elders): outside the scope is not found. */
  async requireRecord(userId: string, table: RegionalTable, id: string, notFound: DomainError): Promise<void> {
    if (!(await this.recordInRegions(userId, table, id))) throw notFound;
  }

  async recordInRegions(userId: string, table: RegionalTable, id: string): Promise<boolean> {
    const [row] = await this.dataSource.query(`SELECT region_id FROM ${table} WHERE id = ?`, [id]);
    return !!row?.region_id && (await this.regionIds(userId)).includes(row.region_id);
  }

  /** A region outside the operator's assignment is reported as not found. */
  async requireRegion(userId: string, regionId: string): Promise<void> {
    if (!(await this.regionIds(userId)).includes(regionId)) throw new DomainError(ErrorCode.REGION_NOT_FOUND, '不在您负责的地区范围内');
  }
}
