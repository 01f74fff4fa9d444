import {
  checklistForKind,
  DEFAULT_FAIL_CREDIT_POINTS,
  drawInspection,
  ErrorCode,
  inspectionOutcome,
  INSPECTION_STATUS_LABELS,
  PROVIDER_KIND_LABELS,
  type DrawPoolView,
  type DrawStatus,
  type DrawVerificationView,
  type InspectionChecklist,
  type InspectionDrawView,
  type InspectionStatus,
  type InspectionView,
  type InspectorView,
  type ProviderKind,
  type ProviderStatus,
} from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RegionsService } from '../regions/regions.service.js';
import { AuditService } from '../regulation/audit.service.js';
import { CreditService } from '../regulation/credit.service.js';
import type { CreateInspectorDto, DrawDto, RecordInspectionDto } from './dto/supervision.dto.js';
import { iso, json } from './json.js';
import { SupervisionAccess } from './supervision-access.service.js';


interface DrawRow {
  id: string;
  region_id: string;
  provider_kind: ProviderKind | null;
  status: DrawStatus;
  seed: string;
  seed_hash: string;
  provider_count: number;
  inspector_count: number;
  provider_pool: unknown;
  inspector_pool: unknown;
  provider_ids: unknown;
  inspector_ids: unknown;
  prepared_by: string;
  prepared_at: Date;
  drawn_by: string | null;
  drawn_at: Date | null;
  preparer: string | null;
  drawer: string | null;
}

export function seedHash(seed: string): string {
  return createHash('sha256').update(seed, 'utf8').digest('hex');
}

/** 双随机、一公开: an inspector roster per region, seeded and logged draws, checklists as data, published results. */
@Injectable()
export class InspectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: SupervisionAccess,
    private readonly regions: RegionsService,
    private readonly credit: CreditService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async inspectors(principal: Principal, regionId: string): Promise<InspectorView[]> {
    await this.access.requireOperatorRegion(principal, regionId);
    const rows: { id: string; region_id: string; name: string; organisation: string; active: number }[] = await this.dataSource.query(
      'SELECT id, region_id, name, organisation, active FROM inspectors WHERE region_id = ? ORDER BY active DESC, name',
      [regionId],
    );
    return rows.map(inspectorView);
  }

  async addInspector(principal: Principal, dto: CreateInspectorDto): Promise<InspectorView> {
    await this.access.requireOperatorRegion(principal, dto.regionId);
    const id = randomUUID();
    await this.dataSource.query('INSERT INTO inspectors (id, region_id, name, organisation, active) VALUES (?, ?, ?, ?, 1)', [id, dto.regionId, dto.name, dto.organisation]);
    return this.inspector(principal, id);
  }

  async setInspectorActive(principal: Principal, id: string, active: boolean): Promise<InspectorView> {
    await this.inspector(principal, id);
    await this.dataSource.query('UPDATE inspectors SET active = ? WHERE id = ?', [active ? 1 : 0, id]);
    return this.inspector(principal, id);
  }

  /** Who a draw of one kind would pick from right now, and whether the kind has a checklist. */
  async pool(principal: Principal, regionId: string, kind: ProviderKind): Promise<DrawPoolView> {
    await this.access.requireOperatorRegion(principal, regionId);
    const providers = await this.providerPool(regionId, kind);
    const inspectorPool = await this.inspectorPool(regionId);
    const policy = await this.regions.policyInForce(regionId, 'inspection_checklist', this.clock.now());
    return { regionId, providerKind: kind, providers, inspectorCount: inspectorPool.length, checklistItems: checklistForKind(policy?.rules, kind)?.items.length ?? 0 };
  }

  /**
   * Step 1 of a 双随机 draw (commit): the server makes a random seed and publishes its SHA-256 with
   * the pools of approved providers of one kind and active inspectors, before anyone can know the
   * outcome. The seed stays secret until the draw is executed, so nobody — the operator included —
   * can try seeds offline and pick the one that draws the providers they want.
   */
  async prepareDraw(principal: Principal, dto: DrawDto): Promise<InspectionDrawView> {
    if (dto.seed !== undefined) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, '随机种子由系统生成，并在抽取前公布其哈希，不能自行指定；请去掉 seed 后再提交', {
        fields: [{ field: 'seed', message: '不能自行指定随机种子' }],
      });
    }
    await this.access.requireOperatorRegion(principal, dto.regionId);
    const now = this.clock.now();
    await this.checklistInForce(dto.regionId, dto.providerKind, now);
    const providerPool = (await this.providerPool(dto.regionId, dto.providerKind)).map((p) => p.id);
    const inspectorPool = await this.inspectorPool(dto.regionId);
    if (providerPool.length === 0) throw new DomainError(ErrorCode.CONFLICT, `本地区没有可抽查的${PROVIDER_KIND_LABELS[dto.providerKind]}（需已审核通过）`);
    if (inspectorPool.length === 0) throw new DomainError(ErrorCode.CONFLICT, '请先在检查人员名录中添加检查人员');
    const tooMany: { field: string; message: string }[] = [];
    if (dto.providerCount > providerPool.length) tooMany.push({ field: 'providerCount', message: `本地区可抽查的${PROVIDER_KIND_LABELS[dto.providerKind]}只有 ${providerPool.length} 家，抽取数不能超过 ${providerPool.length}` });
    if (dto.inspectorCount > inspectorPool.length) tooMany.push({ field: 'inspectorCount', message: `检查人员名录中在岗的只有 ${inspectorPool.length} 人，选派人数不能超过 ${inspectorPool.length}` });
    if (tooMany.length) throw new DomainError(ErrorCode.VALIDATION_FAILED, tooMany.map((f) => f.message).join('；'), { fields: tooMany, providerPool: providerPool.length, inspectorPool: inspectorPool.length });
    const seed = randomBytes(32).toString('hex');
    const drawId = randomUUID();
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO inspection_draws (id, region_id, provider_kind, status, seed, seed_hash, provider_count, inspector_count, provider_pool, inspector_pool, prepared_by, prepared_at)
         VALUES (?, ?, ?, 'prepared', ?, ?, ?, ?, ?, ?, ?, ?)`,
        [drawId, dto.regionId, dto.providerKind, seed, seedHash(seed), dto.providerCount, dto.inspectorCount, JSON.stringify(providerPool), JSON.stringify(inspectorPool), principal.userId, now],
      );
      await this.audit.record(principal.userId, 'inspection_draw_prepared', 'region', dto.regionId, m);
    });
    return this.drawView(drawId);
  }

  /**
   * Step 2 (reveal): draws from the published pools with the committed seed, reveals the seed and
   * gives each drawn provider a planned inspection with its kind's checklist in force today.
   */
  async executeDraw(principal: Principal, drawId: string): Promise<InspectionDrawView> {
    const d = await this.requireDraw(principal, drawId);
    if (d.status !== 'prepared') throw new DomainError(ErrorCode.CONFLICT, `这次抽取已于 ${iso(d.drawn_at)} 执行，结果已公布`, { status: d.status });
    const now = this.clock.now();
    const kind = d.provider_kind as ProviderKind;
    const checklist = await this.checklistInForce(d.region_id, kind, now);
    const result = drawInspection({
      seed: d.seed, providerPool: json<string[]>(d.provider_pool), inspectorPool: json<string[]>(d.inspector_pool),
      providerCount: d.provider_count, inspectorCount: d.inspector_count,
    });
    await this.dataSource.transaction(async (m) => {
      const done = await m.query(
        `UPDATE inspection_draws SET status = 'drawn', provider_ids = ?, inspector_ids = ?, drawn_by = ?, drawn_at = ? WHERE id = ? AND status = 'prepared'`,
        [JSON.stringify(result.providerIds), JSON.stringify(result.inspectorIds), principal.userId, now, drawId],
      );
      if (done.affectedRows !== 1) throw new DomainError(ErrorCode.CONFLICT, '这次抽取刚刚已由他人执行，请刷新查看结果');
      for (const providerId of result.providerIds) {
        const [p] = await m.query('SELECT region_id FROM providers WHERE id = ?', [providerId]);
        await m.query(
          `INSERT INTO inspections (id, draw_id, provider_id, region_id, inspector_ids, checklist, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'planned', ?)`,
          [randomUUID(), drawId, providerId, p.region_id, JSON.stringify(result.inspectorIds), JSON.stringify(checklist), now],
        );
      }
      await this.audit.record(principal.userId, 'inspection_drawn', 'region', d.region_id, m);
    });
    return this.drawView(drawId);
  }

  async draws(principal: Principal, regionId: string): Promise<InspectionDrawView[]> {
    await this.access.requireOperatorRegion(principal, regionId);
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM inspection_draws WHERE region_id = ? ORDER BY prepared_at DESC', [regionId]);
    return Promise.all(rows.map((r) => this.drawView(r.id)));
  }

  async getDraw(principal: Principal, drawId: string): Promise<InspectionDrawView> {
    await this.requireDraw(principal, drawId);
    return this.drawView(drawId);
  }

  /**
   * Checks the revealed seed against the hash published before the draw, and runs the draw again
   * from it and the logged pools: the same providers and inspectors must come out.
   */
  async verifyDraw(principal: Principal, drawId: string): Promise<DrawVerificationView> {
    const d = await this.requireDraw(principal, drawId);
    if (d.status !== 'drawn') throw new DomainError(ErrorCode.CONFLICT, '这次抽取还未执行，种子尚未公开；执行后才能核验', { status: d.status });
    const hashMatches = seedHash(d.seed) === d.seed_hash;
    const again = drawInspection({
      seed: d.seed, providerPool: json<string[]>(d.provider_pool), inspectorPool: json<string[]>(d.inspector_pool),
      providerCount: d.provider_count, inspectorCount: d.inspector_count,
    });
    const logged = { providerIds: json<string[]>(d.provider_ids), inspectorIds: json<string[]>(d.inspector_ids) };
    const reproduced = JSON.stringify(again) === JSON.stringify(logged);
    return { drawId, hashMatches, reproduced, verified: hashMatches && reproduced, ...again };
  }

  async list(principal: Principal, regionId?: string, status?: InspectionStatus): Promise<InspectionView[]> {
    let regions = await this.access.operatorRegionIds(principal);
    if (regionId) {
      await this.access.requireOperatorRegion(principal, regionId);
      regions = await this.regions.subtreeIds([regionId]);
    }
    if (regions.length === 0) return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM inspections WHERE region_id IN (${regions.map(() => '?').join(',')}) ${status ? 'AND status = ?' : ''} ORDER BY created_at DESC, id`,
      status ? [...regions, status] : regions,
    );
    return Promise.all(rows.map((r) => this.view(r.id)));
  }

  /** Results per checklist item; a failed critical item, or too many failed minor ones, fails the inspection. */
  async record(principal: Principal, inspectionId: string, dto: RecordInspectionDto): Promise<InspectionView> {
    const i = await this.requireInspection(principal, inspectionId);
    if (i.status === 'published') throw new DomainError(ErrorCode.CONFLICT, '检查结果已公示，不能修改');
    const checklist = json<InspectionChecklist>(i.checklist);
    const fields: { field: string; message: string }[] = [];
    const byCode = new Map(dto.results.map((r) => [r.code, r]));
    checklist.items.forEach((item, n) => {
      if (!byCode.has(item.code)) fields.push({ field: `results.${n}`, message: `请填写「${item.label}」的检查结果` });
    });
    for (const r of dto.results) if (!checklist.items.some((item) => item.code === r.code)) fields.push({ field: 'results', message: `检查表中没有「${r.code}」这一项` });
    if (byCode.size !== dto.results.length) fields.push({ field: 'results', message: '同一检查项只能填写一次' });
    if (fields.length) throw new DomainError(ErrorCode.VALIDATION_FAILED, `results: ${fields[0].message}`, { fields });
    const passed = inspectionOutcome(checklist, dto.results).passed === true;
    const results = checklist.items.map((item) => ({ code: item.code, passed: byCode.get(item.code)!.passed, ...(byCode.get(item.code)!.note ? { note: byCode.get(item.code)!.note } : {}) }));
    const r = await this.dataSource.query(
      `UPDATE inspections SET results = ?, passed = ?, summary = ?, status = 'recorded', recorded_by = ? WHERE id = ? AND status IN ('planned', 'recorded')`,
      [JSON.stringify(results), passed ? 1 : 0, dto.summary, principal.userId, inspectionId],
    );
    if (r.affectedRows !== 1) throw new DomainError(ErrorCode.CONFLICT, '检查结果已公示，不能修改');
    return this.view(inspectionId);
  }

  /** 一公开: the result becomes final and visible to the provider; a failed inspection costs credit once. */
  async publish(principal: Principal, inspectionId: string): Promise<InspectionView> {
    const i = await this.requireInspection(principal, inspectionId);
    if (i.status === 'planned') throw new DomainError(ErrorCode.CONFLICT, '请先录入检查结果再公示');
    if (i.status === 'published') throw new DomainError(ErrorCode.CONFLICT, '该检查结果已公示');
    const checklist = json<InspectionChecklist>(i.checklist);
    const points = i.passed ? 0 : checklist.failCreditPoints ?? DEFAULT_FAIL_CREDIT_POINTS;
    await this.dataSource.transaction(async (m) => {
      const r = await m.query(`UPDATE inspections SET status = 'published', published_at = ?, credit_points = ? WHERE id = ? AND status = 'recorded'`, [this.clock.now(), points, inspectionId]);
      if (r.affectedRows !== 1) throw new DomainError(ErrorCode.CONFLICT, '该检查结果已公示');
      if (points > 0) {
        await this.credit.deduct(m, 'provider', i.provider_id, points, `双随机抽查不合格：${String(i.summary ?? '').slice(0, 60)}`, inspectionId, i.region_id);
      }
      await this.audit.record(principal.userId, 'inspection_published', 'provider', i.provider_id, m);
    });
    return this.view(inspectionId);
  }

  /** For the provider's 备案 page; its own admins see published results only. */
  async forProvider(providerId: string, publishedOnly = false): Promise<InspectionView[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM inspections WHERE provider_id = ? ${publishedOnly ? `AND status = 'published'` : ''} ORDER BY created_at DESC`,
      [providerId],
    );
    return Promise.all(rows.map((r) => this.view(r.id)));
  }

  private async ancestors(regionId: string): Promise<string[]> {
    const out: string[] = [];
    let [row] = await this.dataSource.query('SELECT parent_id FROM regions WHERE id = ?', [regionId]);
    while (row?.parent_id && !out.includes(row.parent_id)) {
      out.push(row.parent_id);
      [row] = await this.dataSource.query('SELECT parent_id FROM regions WHERE id = ?', [row.parent_id]);
    }
    return out;
  }

  /** Approved providers of one kind in the region and below, in a fixed order (the logged pool). */
  private async providerPool(regionId: string, kind: ProviderKind): Promise<{ id: string; name: string }[]> {
    const subtree = await this.regions.subtreeIds([regionId]);
    return this.dataSource.query(
      `SELECT id, name FROM providers WHERE region_id IN (${subtree.map(() => '?').join(',')}) AND status = 'approved' AND kind = ? ORDER BY id`,
      [...subtree, kind],
    );
  }

  /** Active inspectors: a community's draw uses its street's (and district's) roster as well as its own. */
  private async inspectorPool(regionId: string): Promise<string[]> {
    const rosterRegions = [...(await this.regions.subtreeIds([regionId])), ...(await this.ancestors(regionId))];
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM inspectors WHERE region_id IN (${rosterRegions.map(() => '?').join(',')}) AND active = 1 ORDER BY id`, rosterRegions);
    return rows.map((r) => r.id);
  }

  /** The checklist for one kind from the policy in force: `{ byKind }`, or an older single checklist for every kind. */
  private async checklistInForce(regionId: string, kind: ProviderKind, at: Date): Promise<InspectionChecklist> {
    const policy = await this.regions.policyInForce(regionId, 'inspection_checklist', at);
    const checklist = checklistForKind(policy?.rules, kind);
    if (!checklist) throw new DomainError(ErrorCode.CONFLICT, `本地区尚未发布${PROVIDER_KIND_LABELS[kind]}的抽查检查表（政策表 inspection_checklist）`);
    return checklist;
  }

  private async inspector(principal: Principal, id: string): Promise<InspectorView> {
    const [row] = await this.dataSource.query('SELECT id, region_id, name, organisation, active FROM inspectors WHERE id = ?', [id]);
    if (!row || !(await this.access.operatorRegionIds(principal)).includes(row.region_id)) throw new DomainError(ErrorCode.NOT_FOUND, '未找到该检查人员');
    return inspectorView(row);
  }

  private async requireDraw(principal: Principal, drawId: string): Promise<DrawRow> {
    const [d] = await this.dataSource.query('SELECT * FROM inspection_draws WHERE id = ?', [drawId]);
    if (!d || !(await this.access.operatorRegionIds(principal)).includes(d.region_id)) throw new DomainError(ErrorCode.NOT_FOUND, '未找到该次抽取');
    return d;
  }

  private async requireInspection(principal: Principal, id: string) {
    const [i] = await this.dataSource.query('SELECT * FROM inspections WHERE id = ?', [id]);
    if (!i || !(await this.access.operatorRegionIds(principal)).includes(i.region_id)) throw new DomainError(ErrorCode.NOT_FOUND, '未找到该检查任务');
    return i as { id: string; provider_id: string; region_id: string; status: InspectionStatus; checklist: unknown; passed: number | null; summary: string | null };
  }

  private async drawView(drawId: string): Promise<InspectionDrawView> {
    const [d]: DrawRow[] = await this.dataSource.query(
      'SELECT d.*, p.nickname AS preparer, u.nickname AS drawer FROM inspection_draws d LEFT JOIN users p ON p.id = d.prepared_by LEFT JOIN users u ON u.id = d.drawn_by WHERE d.id = ?',
      [drawId],
    );
    const drawn = d.status === 'drawn';
    const providerIds = drawn ? json<string[]>(d.provider_ids) : [];
    const inspectorIds = drawn ? json<string[]>(d.inspector_ids) : [];
    const names = await this.names(providerIds, inspectorIds);
    const inspections: { id: string; provider_id: string }[] = await this.dataSource.query('SELECT id, provider_id FROM inspections WHERE draw_id = ?', [drawId]);
    return {
      id: d.id, regionId: d.region_id, providerKind: d.provider_kind ?? null, status: d.status, seedHash: d.seed_hash, seed: drawn ? d.seed : null,
      providerCount: d.provider_count, inspectorCount: d.inspector_count,
      providerPool: json(d.provider_pool), inspectorPool: json(d.inspector_pool),
      providers: providerIds.map((id) => ({ id, name: names.providers.get(id) ?? '' })),
      inspectors: inspectorIds.map((id) => ({ id, name: names.inspectors.get(id)?.name ?? '', organisation: names.inspectors.get(id)?.organisation ?? '' })),
      preparedBy: d.prepared_by, preparedByName: d.preparer ?? '', preparedAt: iso(d.prepared_at)!,
      drawnBy: d.drawn_by, drawnByName: d.drawer ?? '', drawnAt: iso(d.drawn_at),
      inspectionIds: providerIds.map((pid) => inspections.find((i) => i.provider_id === pid)?.id).filter((x): x is string => !!x),
    };
  }

  private async view(id: string): Promise<InspectionView> {
    const [i] = await this.dataSource.query(
      `SELECT i.*, p.name AS provider_name, p.kind AS provider_kind, p.status AS provider_status, d.seed AS draw_seed, d.seed_hash AS draw_seed_hash
         FROM inspections i JOIN providers p ON p.id = i.provider_id JOIN inspection_draws d ON d.id = i.draw_id WHERE i.id = ?`,
      [id],
    );
    const inspectorIds = json<string[]>(i.inspector_ids);
    const names = await this.names([], inspectorIds);
    const status = i.status as InspectionStatus;
    return {
      id: i.id, drawId: i.draw_id, drawSeedHash: i.draw_seed_hash, drawSeed: i.draw_seed, regionId: i.region_id, providerId: i.provider_id, providerName: i.provider_name,
      providerKind: i.provider_kind as ProviderKind, providerStatus: i.provider_status as ProviderStatus,
      inspectors: inspectorIds.map((iid) => ({ id: iid, name: names.inspectors.get(iid)?.name ?? '', organisation: names.inspectors.get(iid)?.organisation ?? '' })),
      status, statusLabel: INSPECTION_STATUS_LABELS[status], checklist: json<InspectionChecklist>(i.checklist).items,
      results: i.results ? json(i.results) : [], passed: i.passed === null ? null : !!i.passed, summary: i.summary, creditPoints: i.credit_points,
      publishedAt: iso(i.published_at), createdAt: iso(i.created_at)!,
    };
  }

  private async names(providerIds: string[], inspectorIds: string[]) {
    const providers = new Map<string, string>();
    const inspectors = new Map<string, { name: string; organisation: string }>();
    if (providerIds.length) {
      for (const r of await this.dataSource.query(`SELECT id, name FROM providers WHERE id IN (${providerIds.map(() => '?').join(',')})`, providerIds)) providers.set(r.id, r.name);
    }
    if (inspectorIds.length) {
      for (const r of await this.dataSource.query(`SELECT id, name, organisation FROM inspectors WHERE id IN (${inspectorIds.map(() => '?').join(',')})`, inspectorIds)) inspectors.set(r.id, r);
    }
    return { providers, inspectors };
  }
}

function inspectorView(r: { id: string; region_id: string; name: string; organisation: string; active: number }): InspectorView {
  return { id: r.id, regionId: r.region_id, name: r.name, organisation: r.organisation, active: !!r.active };
}
