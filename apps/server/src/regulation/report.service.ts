import { KPI_EXPORT_SCHEMA_VERSION, type KpiExportIndicator, type KpiExportView, type KpiIndicatorView } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { AuditService } from './audit.service.js';
import { csvCell } from './csv.js';
import { KpiService } from './kpi.service.js';

export const KPI_CSV_COLUMNS = ['schema_version', 'month', 'region_code', 'region_name', 'region_level', 'indicator_code', 'indicator_label', 'unit', 'value', 'target', 'met', 'numerator', 'denominator'] as const;

/** The monthly report for upward reporting: JSON and CSV (schema in docs/kpi-export.md) and a printable page. */
@Injectable()
export class ReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly kpi: KpiService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async json(principal: Principal, regionId: string, month: string): Promise<KpiExportView> {
    const breakdown = await this.kpi.breakdown(principal, regionId, month);
    const ids = breakdown.regions.map((r) => r.regionId);
    const codes = new Map<string, string>((await this.dataSource.query(`SELECT id, code FROM regions WHERE id IN (${ids.map(() => '?').join(',')})`, ids)).map((r: { id: string; code: string }) => [r.id, r.code]));
    const [root, ...children] = breakdown.regions;
    await this.audit.record(principal.userId, 'kpi_report_exported', 'region', regionId);
    return {
      schemaVersion: KPI_EXPORT_SCHEMA_VERSION,
      generatedAt: this.clock.now().toISOString(),
      month,
      region: { id: root.regionId, code: codes.get(root.regionId) ?? '', name: root.regionName, level: root.level },
      percentScale: 'fraction',
      indicators: root.indicators.map(exported),
      regions: children.map((c) => ({ id: c.regionId, code: codes.get(c.regionId) ?? '', name: c.regionName, level: c.level, indicators: c.indicators.map(exported) })),
    };
  }

  async csv(principal: Principal, regionId: string, month: string): Promise<string> {
    const report = await this.json(principal, regionId, month);
    const lines = [KPI_CSV_COLUMNS.join(',')];
    for (const region of [{ ...report.region, indicators: report.indicators }, ...report.regions]) {
      for (const i of region.indicators) {
        lines.push([report.schemaVersion, report.month, region.code, region.name, region.level, i.code, i.label, i.unit, i.value, i.target, i.met === null ? '' : i.met ? 1 : 0, i.numerator, i.denominator].map(csvCell).join(','));
      }
    }
    // The BOM lets Excel open the Chinese labels as UTF-8.
    return `\ufeff${lines.join('\r\n')}\r\n`;
  }

  async html(principal: Principal, regionId: string, month: string): Promise<string> {
    const r = await this.json(principal, regionId, month);
    const esc = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
    const table = (indicators: KpiExportIndicator[]) =>
      `<table><thead><tr><th>指标</th><th>数值</th><th>目标</th><th>达标</th><th>分子</th><th>分母</th></tr></thead><tbody>${indicators
        .map((i) => `<tr><td>${esc(i.label)}</td><td>${esc(formatValue(i.value, i.unit))}</td><td>${esc(formatValue(i.target, i.unit))}</td><td>${i.met === null ? '—' : i.met ? '达标' : '未达标'}</td><td>${esc(i.numerator ?? '—')}</td><td>${esc(i.denominator ?? '—')}</td></tr>`)
        .join('')}</tbody></table>`;
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.region.name)} ${esc(r.month)} 养老托育服务月报</title>
<style>body{font-family:"PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}table{border-collapse:collapse;width:100%;margin:8px 0 20px}th,td{border:1px solid #999;padding:4px 8px;font-size:13px}th{background:#f0f0f0}h1{font-size:20px}h2{font-size:16px;margin-top:24px}@media print{h2{break-before:auto}}</style></head>
<body><h1>${esc(r.region.name)} ${esc(r.month)} 养老托育服务月报</h1><p>生成时间 ${esc(r.generatedAt)} · 数据口径版本 ${esc(r.schemaVersion)}</p>
${table(r.indicators)}${r.regions.map((c) => `<h2>${esc(c.name)}</h2>${table(c.indicators)}`).join('')}</body></html>`;
  }
}

function exported(i: KpiIndicatorView): KpiExportIndicator {
  return { code: i.code, label: i.label, unit: i.unit, value: i.value, target: i.target, met: i.met, numerator: i.numerator ?? null, denominator: i.denominator ?? null };
}

function formatValue(v: number | null, unit: string): string {
  if (v === null) return '—';
  return unit === '%' ? `${Math.round(v * 1000) / 10}%` : `${v} ${unit}`;
}
