import { ABILITY_GRADE_LABELS, ABILITY_GRADES, ErrorCode, shanghaiDate, type OperatingSubsidyRules, type StatementAnomalyView, type StatementChecksRules, type StatementLineView, type StatementView } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { requireStartedMonth } from '../common/periods.js';
import { RegionsService } from '../regions/regions.service.js';
import { AuditService } from './audit.service.js';
import { monthRange } from './month-range.js';
import { OperatorScope } from './operator-scope.service.js';

const SOURCE_LABELS: Record<string, string> = { order: '居家上门服务补贴', meal: '老年助餐补贴', childcare: '普惠托位运营补贴' };

interface Adjustment {
  amountFen: number;
  reason: string;
  by: string;
  at: string;
}

/**
 * 补供方 monthly statements per provider, computed from the verified records in the subsidy ledger,
 * with anomaly flags for review; once approved a statement is locked.
 */
@Injectable()
export class StatementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: OperatorScope,
    private readonly audit: AuditService,
    private readonly regions: RegionsService,
    private readonly clock: Clock,
  ) {}

  async generate(principal: Principal, month: string): Promise<StatementView[]> {
    requireStartedMonth(month, this.clock.now());
    const providers = await this.providersInScope(principal);
    for (const p of providers) {
      const [existing] = await this.dataSource.query('SELECT id, status, adjustments FROM provider_statements WHERE provider_id = ? AND month = ?', [p.id, month]);
      if (existing?.status === 'approved') continue;
      const lines = await this.lines(p.id, month);
      const anomalies = await this.anomalies(p.id, month);
      const adjustments: Adjustment[] = existing ? parse(existing.adjustments) : [];
      const total = lines.reduce((s, l) => s + l.amountFen, 0) + adjustments.reduce((s, a) => s + a.amountFen, 0);
      if (existing) {
        await this.dataSource.query('UPDATE provider_statements SET statement_lines = ?, anomalies = ?, total_fen = ?, generated_by = ? WHERE id = ?', [JSON.stringify(lines), JSON.stringify(anomalies), total, principal.userId, existing.id]);
      } else {
        await this.dataSource.query(
          `INSERT INTO provider_statements (id, provider_id, month, status, statement_lines, anomalies, adjustments, total_fen, generated_by) VALUES (?, ?, ?, 'draft', ?, ?, '[]', ?, ?)`,
          [randomUUID(), p.id, month, JSON.stringify(lines), JSON.stringify(anomalies), total, principal.userId],
        );
      }
    }
    return this.list(principal, month);
  }

  async list(principal: Principal, month: string): Promise<StatementView[]> {
    const providers = await this.providersInScope(principal);
    if (providers.length === 0) return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM provider_statements WHERE month = ? AND provider_id IN (${providers.map(() => '?').join(',')}) ORDER BY total_fen DESC`,
      [month, ...providers.map((p) => p.id)],
    );
    return Promise.all(rows.map((r) => this.view(r.id)));
  }

  async adjust(principal: Principal, id: string, amountFen: number, reason: string): Promise<StatementView> {
    const s = await this.requireInScope(principal, id);
    if (s.status === 'approved') throw new DomainError(ErrorCode.CONFLICT, '结算单已审批锁定，不能再调整');
    const adjustments: Adjustment[] = [...parse(s.adjustments), { amountFen, reason, by: principal.userId, at: this.clock.now().toISOString() }];
    await this.dataSource.query('UPDATE provider_statements SET adjustments = ?, total_fen = total_fen + ? WHERE id = ? AND status = ?', [JSON.stringify(adjustments), amountFen, id, 'draft']);
    await this.audit.record(principal.userId, 'statement_adjust', 'statement', id);
    return this.view(id);
  }

  /** Maker-checker: whoever generated or adjusted the draft cannot approve it; another operator of the region can. */
  async approve(principal: Principal, id: string): Promise<StatementView> {
    const s = await this.requireInScope(principal, id);
    if (s.status === 'approved') throw new DomainError(ErrorCode.CONFLICT, '结算单已审批');
    if (makersOf(s).includes(principal.userId)) {
      const what = s.generated_by === principal.userId ? '生成' : '调整';
      throw new DomainError(ErrorCode.STATEMENT_MAKER_CANNOT_APPROVE, `您${what}了这张结算单，按审核分离的要求须由本街道另一位运营人员审批`);
    }
    // The makers are checked again in the UPDATE: an adjustment that lands between the read and the write is not approved by its author.
    const done = await this.dataSource.query(
      `UPDATE provider_statements SET status = 'approved', approved_by = ?, approved_at = ? WHERE id = ? AND status = 'draft' AND adjustments = ? AND (generated_by IS NULL OR generated_by <> ?)`,
      [principal.userId, this.clock.now(), id, typeof s.adjustments === 'string' ? s.adjustments : JSON.stringify(s.adjustments), principal.userId],
    );
    if (done.affectedRows !== 1) throw new DomainError(ErrorCode.CONFLICT, '结算单刚被他人调整或审批，请刷新后再看');
    await this.audit.record(principal.userId, 'statement_approve', 'statement', id);
    return this.view(id);
  }

  /** An Excel workbook of the statement: summary lines, adjustments, anomalies. */
  async export(principal: Principal, id: string): Promise<{ filename: string; data: Buffer }> {
    await this.requireInScope(principal, id);
    const s = await this.view(id);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('结算单');
    sheet.addRow([`${s.providerName} ${s.month} 补贴结算单`, s.status === 'approved' ? '已审批' : '草稿']);
    sheet.addRow(['项目', '资金来源', '笔数', '金额（元）']);
    for (const l of s.lines) sheet.addRow([l.label, l.fundingSource, l.count, l.amountFen / 100]);
    sheet.addRow(['合计', '', '', s.totalFen / 100]);
    const flags = book.addWorksheet('异常提示');
    flags.addRow(['类型', '订单', '说明']);
    for (const a of s.anomalies) flags.addRow([a.label, a.orderId ?? '', a.detail]);
    const data = Buffer.from(await book.xlsx.writeBuffer());
    return { filename: `${s.providerName}-${s.month}-补贴结算单.xlsx`, data };
  }

  private async lines(providerId: string, month: string): Promise<StatementLineView[]> {
    const rows: { source_type: string; side: string; funding_source: string; n: string; total: string }[] = await this.dataSource.query(
      `SELECT source_type, side, funding_source, COUNT(DISTINCT source_id) AS n, SUM(amount_fen) AS total
         FROM subsidy_ledger l
        WHERE l.month = ? AND (l.payee_provider_id = ? OR (l.source_type = 'meal' AND l.source_id IN (SELECT b.id FROM meal_bookings b JOIN meal_slots s ON s.id = b.slot_id WHERE s.provider_id = ?)))
        GROUP BY source_type, side, funding_source HAVING SUM(amount_fen) <> 0`,
      [month, providerId, providerId],
    );
    const fromLedger: StatementLineView[] = rows.map((r) => ({
      kind: r.side === 'supply' ? 'supply_subsidy' : 'demand_subsidy',
      label: `${SOURCE_LABELS[r.source_type] ?? r.source_type}（${r.side === 'supply' ? '补供方' : '补需方'}）`,
      fundingSource: r.funding_source, count: Number(r.n), amountFen: Number(r.total),
    }));
    return [...fromLedger, ...(await this.operatingSubsidy(providerId, month))];
  }

  /**
   * 补供方 operating subsidy (policy `operating_subsidy`): per elder the provider served at home this
   * month, by the elder's ability grade where the assessment was valid in the month; one line per
   * grade, then the cap as a line of its own so the reviewer sees what was held back.
   */
  private async operatingSubsidy(providerId: string, month: string): Promise<StatementLineView[]> {
    const [provider] = await this.dataSource.query(`SELECT region_id, kind FROM providers WHERE id = ?`, [providerId]);
    if (!provider?.region_id || provider.kind !== 'home_care') return [];
    const { first, last, from, to } = monthRange(month);
    const policy = await this.regions.policyInForce(provider.region_id, 'operating_subsidy', new Date(`${last}T23:59:59.999+08:00`));
    const rules = policy?.rules as OperatingSubsidyRules | undefined;
    if (!rules?.perElderByGradeFen) return [];
    const served: { grade: string; n: string }[] = await this.dataSource.query(
      `SELECT e.ability_grade AS grade, COUNT(*) AS n FROM elders e
         JOIN (SELECT o.elder_id FROM orders o WHERE o.provider_id = ? AND o.status IN ('completed', 'rated') AND o.service_code NOT IN ('meal_delivery', 'visit')
                 AND o.completed_at >= ? AND o.completed_at < ? GROUP BY o.elder_id HAVING COUNT(*) >= ?) s ON s.elder_id = e.id
        WHERE e.ability_grade IS NOT NULL AND e.assessment_valid_until >= ? GROUP BY e.ability_grade`,
      [providerId, from, to, rules.minServicesPerElder ?? 1, first],
    );
    const byGrade = new Map(served.map((r) => [r.grade, Number(r.n)]));
    const lines: StatementLineView[] = [];
    for (const grade of ABILITY_GRADES) {
      const rate = rules.perElderByGradeFen[grade] ?? 0;
      const n = byGrade.get(grade) ?? 0;
      if (rate > 0 && n > 0) lines.push({ kind: 'supply_subsidy', label: `居家服务运营补贴·${ABILITY_GRADE_LABELS[grade]}（补供方，每人 ${rate / 100} 元）`, fundingSource: rules.fundingSource, count: n, amountFen: n * rate });
    }
    const total = lines.reduce((s, l) => s + l.amountFen, 0);
    const cap = rules.monthlyCapFenPerProvider;
    if (cap !== undefined && total > cap) lines.push({ kind: 'supply_subsidy', label: `居家服务运营补贴超出月度上限（${cap / 100} 元）核减`, fundingSource: rules.fundingSource, count: 1, amountFen: cap - total });
    return lines;
  }

  /**
   * How the statement's anomaly checks are tuned (policy `statement_checks`): a service shorter than
   * `shortServiceShare` of its planned time, one staff member with one elder more than
   * `maxServicesPerPair` times a month. Defaults: half the time, 12 a month.
   */
  private async statementChecks(providerId: string, month: string): Promise<Required<StatementChecksRules>> {
    const [provider] = await this.dataSource.query('SELECT region_id FROM providers WHERE id = ?', [providerId]);
    const policy = provider?.region_id ? await this.regions.policyInForce(provider.region_id, 'statement_checks', new Date(`${monthRange(month).last}T23:59:59.999+08:00`)) : null;
    const rules = (policy?.rules ?? {}) as StatementChecksRules;
    return { shortServiceShare: rules.shortServiceShare ?? 0.5, maxServicesPerPair: rules.maxServicesPerPair ?? 12 };
  }

  /** What a reviewer should look at before approving. */
  private async anomalies(providerId: string, month: string): Promise<StatementAnomalyView[]> {
    const out: StatementAnomalyView[] = [];
    const checks = await this.statementChecks(providerId, month);
    const inMonth = `DATE_FORMAT(CONVERT_TZ(o.completed_at, '+00:00', '+08:00'), '%Y-%m') = ?`;
    const overrides: { id: string; distance: number; reason: string }[] = await this.dataSource.query(
      `SELECT o.id, r.check_in_distance_m AS distance, r.override_reason AS reason FROM orders o JOIN service_records r ON r.order_id = o.id WHERE o.provider_id = ? AND r.flagged = 1 AND ${inMonth}`,
      [providerId, month],
    );
    for (const r of overrides) out.push({ kind: 'check_in_override', label: '超范围签到', orderId: r.id, detail: `距服务地址 ${r.distance} 米，原因：${r.reason}` });
    const short: { id: string; actual: number; planned: number }[] = await this.dataSource.query(
      `SELECT o.id, r.duration_minutes AS actual, o.duration_minutes AS planned FROM orders o JOIN service_records r ON r.order_id = o.id
        WHERE o.provider_id = ? AND o.price_fen > 0 AND r.duration_minutes < o.duration_minutes * ? AND ${inMonth}`,
      [providerId, checks.shortServiceShare, month],
    );
    for (const r of short) out.push({ kind: 'short_service', label: '服务时长明显不足', orderId: r.id, detail: `实际 ${r.actual} 分钟，应为 ${r.planned} 分钟` });
    const dup: { elder_id: string; service_code: string; day: string; n: string }[] = await this.dataSource.query(
      `SELECT o.elder_id, o.service_code, DATE(CONVERT_TZ(o.completed_at, '+00:00', '+08:00')) AS day, COUNT(*) AS n FROM orders o
        WHERE o.provider_id = ? AND o.status IN ('completed', 'rated') AND o.subsidy_fen > 0 AND ${inMonth} GROUP BY o.elder_id, o.service_code, day HAVING COUNT(*) > 1`,
      [providerId, month],
    );
    for (const r of dup) out.push({ kind: 'duplicate_claim', label: '疑似重复申领', orderId: null, detail: `同一老人同日同项补贴服务 ${r.n} 次（${r.service_code}）` });
    const pairs: { staff: string; elder: string; n: string }[] = await this.dataSource.query(
      `SELECT s.name AS staff, e.name AS elder, COUNT(*) AS n FROM orders o JOIN provider_staff s ON s.id = o.staff_id JOIN elders e ON e.id = o.elder_id
        WHERE o.provider_id = ? AND o.status IN ('completed', 'rated') AND ${inMonth} GROUP BY o.staff_id, o.elder_id, s.name, e.name HAVING COUNT(*) > ?`,
      [providerId, month, checks.maxServicesPerPair],
    );
    for (const r of pairs) out.push({ kind: 'frequent_pair', label: '同一人员服务同一老人过于频繁', orderId: null, detail: `${r.staff} 本月为 ${r.elder} 服务 ${r.n} 次` });
    const afterClosed: { id: string; elder: string; closed: Date; done: Date }[] = await this.dataSource.query(
      `SELECT o.id, e.name AS elder, e.deleted_at AS closed, o.completed_at AS done FROM orders o JOIN elders e ON e.id = o.elder_id
        WHERE o.provider_id = ? AND o.status IN ('completed', 'rated') AND e.deleted_at IS NOT NULL AND o.completed_at > e.deleted_at AND ${inMonth}`,
      [providerId, month],
    );
    for (const r of afterClosed) {
      out.push({ kind: 'after_record_closed', label: '老人档案注销后仍有服务', orderId: r.id, detail: `${r.elder} 的档案已于 ${shanghaiDate(new Date(r.closed))} 注销，服务完成于 ${shanghaiDate(new Date(r.done))}` });
    }
    return out;
  }

  private async providersInScope(principal: Principal): Promise<{ id: string }[]> {
    const regions = await this.scope.regionIds(principal.userId);
    if (regions.length === 0) return [];
    return this.dataSource.query(`SELECT id FROM providers WHERE region_id IN (${regions.map(() => '?').join(',')})`, regions);
  }

  private async requireInScope(principal: Principal, id: string): Promise<StatementRow> {
    const [s] = await this.dataSource.query('SELECT s.status, s.adjustments, s.generated_by, p.region_id FROM provider_statements s JOIN providers p ON p.id = s.provider_id WHERE s.id = ?', [id]);
    if (!s || !(await this.scope.regionIds(principal.userId)).includes(s.region_id)) throw new DomainError(ErrorCode.NOT_FOUND, '未找到该结算单');
    return s;
  }

  private async view(id: string): Promise<StatementView> {
    const [s] = await this.dataSource.query(
      'SELECT s.*, p.name AS provider_name, u.nickname AS approver FROM provider_statements s JOIN providers p ON p.id = s.provider_id LEFT JOIN users u ON u.id = s.approved_by WHERE s.id = ?',
      [id],
    );
    const adjustments = parse<Adjustment[]>(s.adjustments);
    const lines: StatementLineView[] = [...parse<StatementLineView[]>(s.statement_lines), ...adjustments.map((a) => ({ kind: 'adjustment' as const, label: `调整：${a.reason}`, fundingSource: '—', count: 1, amountFen: a.amountFen }))];
    return {
      id: s.id, providerId: s.provider_id, providerName: s.provider_name, month: s.month, status: s.status, lines, anomalies: parse(s.anomalies), totalFen: s.total_fen,
      approvedBy: s.approver ?? null, approvedAt: s.approved_at ? new Date(s.approved_at).toISOString() : null,
      makerIds: makersOf(s),
    };
  }
}

interface StatementRow {
  status: string;
  adjustments: string | Adjustment[];
  generated_by: string | null;
}

/** Who made this draft what it is: the operator who (last) generated it and everyone who adjusted it. */
function makersOf(s: StatementRow): string[] {
  return [...new Set([...(s.generated_by ? [s.generated_by] : []), ...parse(s.adjustments).map((a) => a.by)])];
}

function parse<T = Adjustment[]>(value: string | T): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}
