import {
  ABILITY_GRADE_LABELS, ABILITY_GRADES, ErrorCode, formatFen, maskName, SERVICE_LABELS, shanghaiDate,
  type OperatingSubsidyRules, type ProviderStatementSummary, type ProviderStatementView, type StatementAnomalyView, type StatementChecksRules,
  type StatementLineView, type StatementRecordView, type StatementView,
} from '@carecircle/shared';
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
const LEDGER_SERVICE_LABELS: Record<string, string> = { ...SERVICE_LABELS, meal: '老年助餐', childcare: '普惠托位' };

/** A line as stored with its statement: the records behind it are frozen with it, as its amount is. */
interface StoredLine extends StatementLineView {
  /** Absent on statements generated before records were kept. */
  records?: StoredRecord[];
}

type StoredRecord = Omit<StatementRecordView, 'line'>;

/** An anomaly as stored: the elder its detail names, so that the provider's copy can mask the name. */
interface StoredAnomaly extends StatementAnomalyView {
  elderName?: string;
}

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
      for (const r of lines.flatMap((l) => l.records ?? [])) r.flags = anomalies.filter((a) => a.orderId !== null && a.orderId === r.orderId).map((a) => a.label);
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

  /** A provider admin's statements: every month of every provider they administer, drafts included. */
  async listForProviderAdmin(principal: Principal): Promise<ProviderStatementSummary[]> {
    const rows: { id: string; provider_id: string; provider_name: string; month: string; status: 'draft' | 'approved'; total_fen: number; approved_at: Date | null; anomaly_count: number }[] =
      await this.dataSource.query(
        `SELECT s.id, s.provider_id, p.name AS provider_name, s.month, s.status, s.total_fen, s.approved_at, JSON_LENGTH(s.anomalies) AS anomaly_count
           FROM provider_statements s JOIN providers p ON p.id = s.provider_id JOIN provider_admins a ON a.provider_id = s.provider_id
          WHERE a.user_id = ? ORDER BY s.month DESC, p.name`,
        [principal.userId],
      );
    return rows.map((r) => ({
      id: r.id, providerId: r.provider_id, providerName: r.provider_name, month: r.month, status: r.status, totalFen: r.total_fen,
      approvedAt: r.approved_at ? new Date(r.approved_at).toISOString() : null, anomalyCount: Number(r.anomaly_count),
    }));
  }

  /** One of the admin's own statements with every record behind its lines; another provider's answers 404. */
  async getForProviderAdmin(principal: Principal, id: string): Promise<ProviderStatementView> {
    const [own] = await this.dataSource.query('SELECT 1 AS ok FROM provider_statements s JOIN provider_admins a ON a.provider_id = s.provider_id WHERE s.id = ? AND a.user_id = ?', [id, principal.userId]);
    if (!own) throw new DomainError(ErrorCode.NOT_FOUND, '未找到该结算单');
    const s = await this.row(id);
    const { makerIds: _makers, ...statement } = this.toView(s);
    const stored = parse<StoredLine[]>(s.statement_lines);
    const records: StatementRecordView[] = stored.flatMap((l, line) => (l.records ?? []).map((r) => ({ line, ...r })));
    parse<Adjustment[]>(s.adjustments).forEach((a, i) => {
      records.push({ line: stored.length + i, date: shanghaiDate(new Date(a.at)), beneficiary: null, service: '人工调整', amountFen: a.amountFen, note: a.reason, orderId: null, flags: [] });
    });
    const anomalies = parse<StoredAnomaly[]>(s.anomalies).map(({ elderName, ...a }) => ({ ...a, detail: maskedDetail(a, elderName) }));
    return { ...statement, anomalies, records };
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

  /** The statement's lines, each with the ledger entries (or served elders) behind it. */
  private async lines(providerId: string, month: string): Promise<StoredLine[]> {
    const rows: { source_type: string; source_id: string; side: string; funding_source: string; service: string; entry: string; amount_fen: number; name: string | null; served_at: Date | null; meal_day: string | null; created_at: Date }[] =
      await this.dataSource.query(
        `SELECT l.source_type, l.source_id, l.side, l.funding_source, l.service, l.entry, l.amount_fen, COALESCE(e.name, c.name) AS name,
                COALESCE(o.completed_at, o.dispatch_at) AS served_at, DATE_FORMAT(ms.date, '%Y-%m-%d') AS meal_day, l.created_at
           FROM subsidy_ledger l LEFT JOIN elders e ON e.id = l.elder_id LEFT JOIN children c ON c.id = l.child_id
           LEFT JOIN orders o ON l.source_type = 'order' AND o.id = l.source_id
           LEFT JOIN meal_bookings mb ON l.source_type = 'meal' AND mb.id = l.source_id LEFT JOIN meal_slots ms ON ms.id = mb.slot_id
          WHERE l.month = ? AND (l.payee_provider_id = ? OR (l.source_type = 'meal' AND l.source_id IN (SELECT b.id FROM meal_bookings b JOIN meal_slots s ON s.id = b.slot_id WHERE s.provider_id = ?)))
          ORDER BY l.created_at, l.id`,
        [month, providerId, providerId],
      );
    const groups = new Map<string, { line: StatementLineView; sources: Set<string>; records: StoredRecord[] }>();
    for (const r of rows) {
      const key = `${r.source_type}|${r.side}|${r.funding_source}`;
      let g = groups.get(key);
      if (!g) {
        g = {
          line: { kind: r.side === 'supply' ? 'supply_subsidy' : 'demand_subsidy', label: `${SOURCE_LABELS[r.source_type] ?? r.source_type}（${r.side === 'supply' ? '补供方' : '补需方'}）`, fundingSource: r.funding_source, count: 0, amountFen: 0 },
          sources: new Set(), records: [],
        };
        groups.set(key, g);
      }
      g.sources.add(r.source_id);
      g.line.amountFen += r.amount_fen;
      g.records.push({
        date: r.meal_day ?? (r.source_type === 'childcare' ? `${month}-01` : shanghaiDate(new Date(r.served_at ?? r.created_at))), beneficiary: r.name ? maskName(r.name) : null, service: LEDGER_SERVICE_LABELS[r.service] ?? r.service, amountFen: r.amount_fen,
        note: r.entry === 'reversal' ? '已取消，补贴冲回' : null, orderId: r.source_type === 'order' ? r.source_id : null, flags: [],
      });
    }
    const fromLedger: StoredLine[] = [...groups.values()].filter((g) => g.line.amountFen !== 0).map((g) => ({ ...g.line, count: g.sources.size, records: g.records }));
    return [...fromLedger, ...(await this.operatingSubsidy(providerId, month))];
  }

  /**
   * 补供方 operating subsidy (policy `operating_subsidy`): per elder the provider served at home this
   * month, by the elder's ability grade where the assessment was valid in the month; one line per
   * grade, then the cap as a line of its own so the reviewer sees what was held back.
   */
  private async operatingSubsidy(providerId: string, month: string): Promise<StoredLine[]> {
    const [provider] = await this.dataSource.query(`SELECT region_id, kind FROM providers WHERE id = ?`, [providerId]);
    if (!provider?.region_id || provider.kind !== 'home_care') return [];
    const { first, last, from, to } = monthRange(month);
    const policy = await this.regions.policyInForce(provider.region_id, 'operating_subsidy', new Date(`${last}T23:59:59.999+08:00`));
    const rules = policy?.rules as OperatingSubsidyRules | undefined;
    if (!rules?.perElderByGradeFen) return [];
    const served: { name: string; grade: string; n: string; last_done: Date }[] = await this.dataSource.query(
      `SELECT e.name, e.ability_grade AS grade, s.n, s.last_done FROM elders e
         JOIN (SELECT o.elder_id, COUNT(*) AS n, MAX(o.completed_at) AS last_done FROM orders o WHERE o.provider_id = ? AND o.status IN ('completed', 'rated') AND o.service_code NOT IN ('meal_delivery', 'visit')
                 AND o.completed_at >= ? AND o.completed_at < ? GROUP BY o.elder_id HAVING COUNT(*) >= ?) s ON s.elder_id = e.id
        WHERE e.ability_grade IS NOT NULL AND e.assessment_valid_until >= ? ORDER BY s.last_done, e.id`,
      [providerId, from, to, rules.minServicesPerElder ?? 1, first],
    );
    const lines: StoredLine[] = [];
    for (const grade of ABILITY_GRADES) {
      const rate = rules.perElderByGradeFen[grade] ?? 0;
      const elders = served.filter((r) => r.grade === grade);
      if (rate <= 0 || elders.length === 0) continue;
      lines.push({
        kind: 'supply_subsidy', label: `居家服务运营补贴·${ABILITY_GRADE_LABELS[grade]}（补供方，每人 ${rate / 100} 元）`, fundingSource: rules.fundingSource, count: elders.length, amountFen: elders.length * rate,
        records: elders.map((e) => ({
          date: shanghaiDate(new Date(e.last_done)), beneficiary: maskName(e.name), service: `居家服务运营补贴·${ABILITY_GRADE_LABELS[grade]}`, amountFen: rate,
          note: `本月服务 ${Number(e.n)} 次`, orderId: null, flags: [],
        })),
      });
    }
    const total = lines.reduce((s, l) => s + l.amountFen, 0);
    const cap = rules.monthlyCapFenPerProvider;
    if (cap !== undefined && total > cap) {
      lines.push({
        kind: 'supply_subsidy', label: `居家服务运营补贴超出月度上限（${cap / 100} 元）核减`, fundingSource: rules.fundingSource, count: 1, amountFen: cap - total,
        records: [{ date: last, beneficiary: null, service: '月度上限核减', amountFen: cap - total, note: `本月运营补贴 ${formatFen(total)}，上限 ${formatFen(cap)}`, orderId: null, flags: [] }],
      });
    }
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
  private async anomalies(providerId: string, month: string): Promise<StoredAnomaly[]> {
    const out: StoredAnomaly[] = [];
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
    for (const r of pairs) out.push({ kind: 'frequent_pair', label: '同一人员服务同一老人过于频繁', orderId: null, detail: `${r.staff} 本月为 ${r.elder} 服务 ${r.n} 次`, elderName: r.elder });
    const afterClosed: { id: string; elder: string; closed: Date; done: Date }[] = await this.dataSource.query(
      `SELECT o.id, e.name AS elder, e.deleted_at AS closed, o.completed_at AS done FROM orders o JOIN elders e ON e.id = o.elder_id
        WHERE o.provider_id = ? AND o.status IN ('completed', 'rated') AND e.deleted_at IS NOT NULL AND o.completed_at > e.deleted_at AND ${inMonth}`,
      [providerId, month],
    );
    for (const r of afterClosed) {
      out.push({ kind: 'after_record_closed', label: '老人档案注销后仍有服务', orderId: r.id, detail: `${r.elder} 的档案已于 ${shanghaiDate(new Date(r.closed))} 注销，服务完成于 ${shanghaiDate(new Date(r.done))}`, elderName: r.elder });
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
    return this.toView(await this.row(id));
  }

  private async row(id: string): Promise<StatementDbRow> {
    const [s] = await this.dataSource.query(
      'SELECT s.*, p.name AS provider_name, u.nickname AS approver FROM provider_statements s JOIN providers p ON p.id = s.provider_id LEFT JOIN users u ON u.id = s.approved_by WHERE s.id = ?',
      [id],
    );
    return s;
  }

  /** The statement as operators see it; the records and the names kept for masking stay in the database. */
  private toView(s: StatementDbRow): StatementView {
    const adjustments = parse<Adjustment[]>(s.adjustments);
    const lines: StatementLineView[] = [
      ...parse<StoredLine[]>(s.statement_lines).map(({ records: _records, ...l }) => l),
      ...adjustments.map((a) => ({ kind: 'adjustment' as const, label: `调整：${a.reason}`, fundingSource: '—', count: 1, amountFen: a.amountFen })),
    ];
    const anomalies: StatementAnomalyView[] = parse<StoredAnomaly[]>(s.anomalies).map(({ elderName: _name, ...a }) => a);
    return {
      id: s.id, providerId: s.provider_id, providerName: s.provider_name, month: s.month, status: s.status, lines, anomalies, totalFen: s.total_fen,
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

interface StatementDbRow extends StatementRow {
  id: string;
  provider_id: string;
  provider_name: string;
  month: string;
  status: 'draft' | 'approved';
  statement_lines: string | StoredLine[];
  anomalies: string | StoredAnomaly[];
  total_fen: number;
  approver: string | null;
  approved_at: Date | null;
}

/** Who made this draft what it is: the operator who (last) generated it and everyone who adjusted it. */
function makersOf(s: StatementRow): string[] {
  return [...new Set([...(s.generated_by ? [s.generated_by] : []), ...parse(s.adjustments).map((a) => a.by)])];
}

/** The provider's copy names elders only masked; a flag stored before names were kept for masking says where to ask instead. */
function maskedDetail(a: StatementAnomalyView, elderName: string | undefined): string {
  if (elderName) return a.detail.split(elderName).join(maskName(elderName));
  return a.kind === 'frequent_pair' || a.kind === 'after_record_closed' ? '涉及老人姓名，详情请向街道运营人员了解' : a.detail;
}

function parse<T = Adjustment[]>(value: string | T): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}
