import { ErrorCode, type RegionFiguresImportView, type RegionFiguresInput, type RegionFiguresView } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RegionsService } from '../regions/regions.service.js';
import { AuditService } from './audit.service.js';
import { headerIndex, parseCsv } from './csv.js';
import { OperatorScope } from './operator-scope.service.js';

const COLUMNS = {
  region: ['社区', '地区', '地区名称', '社区名称', '地区编码', 'region'],
  year: ['年份', '年度', 'year'],
  residents: ['常住人口', '户籍人口', '人口', 'residents'],
  elderly60: ['60岁以上', '60岁及以上', '60岁以上人口', '60岁及以上人口', '老年人口', 'elderly60'],
  children0to3: ['0-3岁', '0-3岁儿童', '0～3岁婴幼儿', '0-3岁婴幼儿', '婴幼儿', 'children0to3'],
};

/** Region reference data per 社区 and year: residents, people 60+, children 0–3 (the KPI denominators). */
@Injectable()
export class RegionFiguresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly scope: OperatorScope,
    private readonly audit: AuditService,
  ) {}

  /** The region and every region under it, with that year's figures (null where none were entered). */
  async list(principal: Principal, regionId: string, year: number): Promise<RegionFiguresView[]> {
    await this.scope.requireRegion(principal.userId, regionId);
    const ids = await this.regions.subtreeIds([regionId]);
    return this.regions.figures(ids, year, true);
  }

  async put(principal: Principal, regionId: string, year: number, input: RegionFiguresInput): Promise<RegionFiguresView> {
    await this.scope.requireRegion(principal.userId, regionId);
    await this.dataSource.transaction(async (m) => {
      await this.upsert(m, principal.userId, regionId, year, input);
      await this.audit.record(principal.userId, 'region_figures_updated', 'region', regionId, m);
    });
    return (await this.regions.figures([regionId], year, true))[0];
  }

  /**
   * CSV with a header: 社区 (name or code), 年份, 常住人口, 60岁以上人口, 0-3岁儿童. All rows are
   * checked first; one bad row (with its line number) rejects the whole file.
   */
  async importCsv(principal: Principal, csv: string): Promise<RegionFiguresImportView> {
    const records = parseCsv(csv);
    if (records.length < 2) throw this.invalid('文件为空或只有表头');
    const { index, missing } = headerIndex(records[0].fields, COLUMNS);
    if (missing.length) throw this.invalid(`表头缺少列：${missing.map((k) => COLUMNS[k][0]).join('、')}`);
    const mine = await this.scope.regionIds(principal.userId);
    const known: { id: string; code: string; name: string }[] = mine.length ? await this.dataSource.query(`SELECT id, code, name FROM regions WHERE id IN (${mine.map(() => '?').join(',')})`, mine) : [];
    const errors: string[] = [];
    const parsed: { regionId: string; year: number; input: RegionFiguresInput }[] = [];
    for (const r of records.slice(1)) {
      const cell = (k: keyof typeof COLUMNS) => r.fields[index[k]] ?? '';
      const name = cell('region');
      const matches = known.filter((k) => k.code === name || k.name === name);
      const year = Number(cell('year'));
      const count = (k: 'residents' | 'elderly60' | 'children0to3', label: string): number | null => {
        const v = cell(k).replace(/[,，\s]/g, '');
        if (v === '') return null;
        if (!/^\d{1,9}$/.test(v)) {
          errors.push(`第 ${r.line} 行：${label}应为非负整数`);
          return null;
        }
        return Number(v);
      };
      if (matches.length !== 1) errors.push(`第 ${r.line} 行：地区“${name}”${matches.length ? '重名，请用地区编码' : '不存在或不在您负责的范围内'}`);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) errors.push(`第 ${r.line} 行：年份应为 2000–2100 的四位数`);
      const input = { residents: count('residents', '常住人口'), elderly60: count('elderly60', '60岁以上人口'), children0to3: count('children0to3', '0-3岁儿童') };
      if (matches.length === 1) parsed.push({ regionId: matches[0].id, year, input });
    }
    if (errors.length) throw this.invalid(errors.slice(0, 20).join('；'), errors);
    await this.dataSource.transaction(async (m) => {
      for (const p of parsed) {
        await this.upsert(m, principal.userId, p.regionId, p.year, p.input);
        await this.audit.record(principal.userId, 'region_figures_imported', 'region', p.regionId, m);
      }
    });
    const rows: RegionFiguresView[] = [];
    for (const p of parsed) rows.push(...(await this.regions.figures([p.regionId], p.year, true)));
    return { imported: parsed.length, rows };
  }

  /** Figures of the given regions for a year; `withEmpty` adds regions that have none as nulls. */
  private async upsert(m: EntityManager, userId: string, regionId: string, year: number, input: RegionFiguresInput): Promise<void> {
    await m.query(
      `INSERT INTO region_figures (region_id, year, residents, elderly_60, children_0_3, updated_by) VALUES (?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE residents = VALUES(residents), elderly_60 = VALUES(elderly_60), children_0_3 = VALUES(children_0_3), updated_by = VALUES(updated_by)`,
      [regionId, year, input.residents, input.elderly60, input.children0to3, userId],
    );
  }

  private invalid(message: string, rows: string[] = []): DomainError {
    return new DomainError(ErrorCode.VALIDATION_FAILED, message, { fields: [{ field: 'csv', message }], rows });
  }
}
