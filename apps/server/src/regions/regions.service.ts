import { BASIC_SERVICE_LIST_POLICY, ErrorCode, policyRuleErrors, type RegionFiguresView } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource, In, LessThanOrEqual, type EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { onDuplicateKey } from '../common/typeorm.js';
import type { CreateRegionPolicyDto, RegionPolicyResponse, RegionResponse } from './dto/region.dto.js';
import { RegionPolicyEntity } from './entities/region-policy.entity.js';
import { RegionEntity } from './entities/region.entity.js';

const SUBSIDY_TABLE_KIND = 'subsidy';

@Injectable()
export class RegionsService {
  private readonly ancestors = new Map<string, string[]>();

  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<RegionResponse[]> {
    const regions = await this.dataSource.getRepository(RegionEntity).find({ order: { code: 'ASC' } });
    return regions.map(toRegionResponse);
  }

  /** The regions and every region under them (a 街道 and its 社区). */
  async subtreeIds(rootIds: string[]): Promise<string[]> {
    const ids = [...rootIds];
    for (let frontier = rootIds; frontier.length; ) {
      const children: { id: string }[] = await this.dataSource.query(`SELECT id FROM regions WHERE parent_id IN (${frontier.map(() => '?').join(',')})`, frontier);
      frontier = children.map((c) => c.id).filter((id) => !ids.includes(id));
      ids.push(...frontier);
    }
    return ids;
  }

  async requireRegion(id: string, manager: EntityManager = this.dataSource.manager): Promise<RegionEntity> {
    const region = await manager.getRepository(RegionEntity).findOneBy({ id });
    if (!region) throw new DomainError(ErrorCode.REGION_NOT_FOUND, '所选社区不存在，请重新选择', { regionId: id });
    return region;
  }

  /** Versions of one kind of rule for a region, newest first. */
  async policies(regionId: string, kind?: string): Promise<RegionPolicyResponse[]> {
    await this.requireRegion(regionId);
    const rows = await this.dataSource.getRepository(RegionPolicyEntity).find({
      where: kind ? { regionId, kind } : { regionId },
      order: { kind: 'ASC', version: 'DESC' },
    });
    return rows.map(toPolicyResponse);
  }

  /** A new version of a rule table; earlier versions stay, so past orders keep theirs. */
  async addPolicy(operatorId: string, regionId: string, dto: CreateRegionPolicyDto): Promise<RegionPolicyResponse> {
    await this.requireRegion(regionId);
    const fields = policyRuleErrors(dto.kind, dto.rules);
    if (fields.length) throw new DomainError(ErrorCode.VALIDATION_FAILED, `${fields[0].message}${fields.length > 1 ? `（另有 ${fields.length - 1} 处需要修改）` : ''}`, { fields });
    // Where a 基本养老服务清单 is in force it alone decides checkout's subsidies: a second table could only disagree with it.
    if (dto.kind === SUBSIDY_TABLE_KIND && (await this.policyInForce(regionId, BASIC_SERVICE_LIST_POLICY, new Date(dto.effectiveFrom)))) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, '本地区的补贴由基本养老服务清单（basic_service_list）决定，请在清单中修改各类别的服务、额度和自付', {
        fields: [{ field: 'kind', message: '本地区已发布基本养老服务清单，补贴请在清单中修改' }],
      });
    }
    const saved = await onDuplicateKey(() => this.dataSource.transaction(async (manager) => {
      const [{ next }] = await manager.query(
        'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM region_policies WHERE region_id = ? AND kind = ? FOR UPDATE',
        [regionId, dto.kind],
      );
      return manager.getRepository(RegionPolicyEntity).save({
        regionId, kind: dto.kind, version: Number(next), effectiveFrom: new Date(dto.effectiveFrom), rules: dto.rules, createdBy: operatorId,
      });
    }), () => new DomainError(ErrorCode.CONFLICT, '另一位运营人员刚刚发布了新版本，请刷新后再试'));
    return toPolicyResponse(saved);
  }

  /**
   * The rule version in force at `at` for this region, looking up the region tree
   * (a community inherits its street's table unless it has its own).
   */
  async policyInForce(regionId: string, kind: string, at: Date, manager: EntityManager = this.dataSource.manager): Promise<RegionPolicyEntity | null> {
    const chain = await this.ancestry(regionId, manager);
    if (chain.length === 0) return null;
    const versions = await manager.getRepository(RegionPolicyEntity).find({
      where: { regionId: In(chain), kind, effectiveFrom: LessThanOrEqual(at) },
      order: { effectiveFrom: 'DESC', version: 'DESC' },
    });
    // The nearest region with a version in force wins; within it, the newest.
    for (const id of chain) {
      const own = versions.find((v) => v.regionId === id);
      if (own) return own;
    }
    return null;
  }

  /**
   * The region and its ancestors, nearest first. Regions are never moved in the tree, so each
   * chain is looked up once per process (a policy lookup is on every checkout and dispatch).
   */
  private async ancestry(regionId: string, manager: EntityManager): Promise<string[]> {
    const known = this.ancestors.get(regionId);
    if (known) return known;
    const rows: { id: string }[] = await manager.query(
      `WITH RECURSIVE up (id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM regions WHERE id = ?
         UNION ALL SELECT r.id, r.parent_id, up.depth + 1 FROM regions r JOIN up ON r.id = up.parent_id WHERE up.depth < 10
       ) SELECT id FROM up ORDER BY depth`,
      [regionId],
    );
    const chain = rows.map((r) => r.id);
    if (chain.length) this.ancestors.set(regionId, chain);
    return chain;
  }

  /** Reference figures (residents, people 60+, children 0–3) of these regions for a year; `withEmpty` lists regions without figures too. */
  async figures(regionIds: string[], year: number, withEmpty = false): Promise<RegionFiguresView[]> {
    if (regionIds.length === 0) return [];
    const rows: { region_id: string; name: string; level: string; residents: number | null; elderly_60: number | null; children_0_3: number | null }[] = await this.dataSource.query(
      `SELECT r.id AS region_id, r.name, r.level, f.residents, f.elderly_60, f.children_0_3
         FROM regions r ${withEmpty ? 'LEFT' : ''} JOIN region_figures f ON f.region_id = r.id AND f.year = ?
        WHERE r.id IN (${regionIds.map(() => '?').join(',')}) ORDER BY FIELD(r.level, 'district', 'street', 'community'), r.code`,
      [year, ...regionIds],
    );
    const n = (v: number | string | null) => (v === null ? null : Number(v));
    return rows.map((r) => ({ regionId: r.region_id, regionName: r.name, regionLevel: r.level, year, residents: n(r.residents), elderly60: n(r.elderly_60), children0to3: n(r.children_0_3) }));
  }

  /**
   * The figures that stand for a region's whole area: its 社区' figures when any were entered,
   * else the region's own (a street entered as one figure).
   */
  async figuresForArea(rootId: string, subtreeIds: string[], year: number): Promise<RegionFiguresView[]> {
    const rows = await this.figures(subtreeIds, year);
    const communities = rows.filter((r) => r.regionLevel === 'community');
    return communities.length ? communities : rows.filter((r) => r.regionId === rootId);
  }
}

function toRegionResponse(r: RegionEntity): RegionResponse {
  return { id: r.id, name: r.name, level: r.level, parentId: r.parentId, center: { lat: r.centerLat, lng: r.centerLng } };
}

function toPolicyResponse(p: RegionPolicyEntity): RegionPolicyResponse {
  return { id: p.id, regionId: p.regionId, kind: p.kind, version: p.version, effectiveFrom: p.effectiveFrom.toISOString(), rules: p.rules };
}
