import type { SubsidyCategory, SubsidyVerification } from '../enums/elder.js';

export interface EligibilityItemView {
  elderId: string;
  elderName: string;
  age: number;
  communityName: string | null;
  householdName: string;
  declaredCategory: SubsidyCategory;
  verification: SubsidyVerification;
  validUntil: string | null;
  evidenceNote: string | null;
  declaredAt: string;
}

/** What a family sees of their elder's subsidy category: declared, verified until a date, or not accepted with the reason. */
export interface EligibilityStatusView {
  elderId: string;
  category: SubsidyCategory;
  verification: SubsidyVerification;
  /** YYYY-MM-DD, while verified. */
  validUntil: string | null;
  evidenceNote: string | null;
  /** The 街道's note on its decision (why not accepted, what to bring). */
  decisionNote: string | null;
  declaredAt: string | null;
}

export interface DeclareEligibilityInput {
  category: SubsidyCategory;
  evidenceNote: string;
}

export interface VerifyEligibilityInput {
  decision: 'verified' | 'rejected';
  /** YYYY-MM-DD; required when verified. */
  validUntil?: string;
  note?: string;
}

export interface DeclareEligibilityInput {
  category: SubsidyCategory;
  evidenceNote: string;
}

export type ComplaintStatus = 'received' | 'investigating' | 'resolved' | 'rejected';

export interface FileComplaintInput {
  text: string;
}

export interface ComplaintView {
  id: string;
  orderId: string;
  serviceName: string;
  elderName: string;
  providerName: string | null;
  staffName: string | null;
  text: string;
  status: ComplaintStatus;
  statusLabel: string;
  reply: string | null;
  creditPoints: number;
  createdAt: string;
  updatedAt: string;
}

export interface HandleComplaintInput {
  status: ComplaintStatus;
  reply?: string;
  /** Points off the provider's and staff member's credit when the complaint is confirmed (resolved). */
  creditPoints?: number;
}

export interface StatementLineView {
  kind: 'demand_subsidy' | 'supply_subsidy' | 'adjustment';
  label: string;
  fundingSource: string;
  count: number;
  amountFen: number;
}

/**
 * Region policy `operating_subsidy`: 补供方 operating subsidy paid to a home-care provider per elder
 * it served in the month, by the elder's ability grade (valid assessment), within a monthly cap.
 */
export interface OperatingSubsidyRules {
  /** Fen per elder and month, by ability grade; a grade not listed earns nothing. */
  perElderByGradeFen: Partial<Record<'intact' | 'mild' | 'moderate' | 'severe' | 'total', number>>;
  /** Completed home services an elder needs from the provider in the month to count (default 1). */
  minServicesPerElder?: number;
  /** Most one provider receives in a month, fen. */
  monthlyCapFenPerProvider?: number;
  fundingSource: string;
}

/** Region policy `statement_checks`: how sensitive the statement's anomaly flags are. */
export interface StatementChecksRules {
  /**
   * A service recorded shorter than this share of its planned time is flagged (default 0.5): the
   * check-out then needs a reason and the record is flagged at once, and the statement lists it.
   */
  shortServiceShare?: number;
  /** One staff member serving one elder more often than this in a month is flagged (default 12). */
  maxServicesPerPair?: number;
}

/** `statement_checks.shortServiceShare` when the region's policy does not set it. */
export const DEFAULT_SHORT_SERVICE_SHARE = 0.5;

export interface StatementAnomalyView {
  kind: 'check_in_override' | 'short_service' | 'duplicate_claim' | 'frequent_pair' | 'after_record_closed';
  label: string;
  orderId: string | null;
  detail: string;
}

/**
 * One record behind a line of a provider's statement: a subsidy ledger entry (a served order, a meal,
 * a 普惠 child's month), an elder counted for the operating subsidy, the cap held back, or an adjustment.
 * The records of a line add up to its amount.
 */
export interface StatementRecordView {
  /** Index into the statement's `lines`. */
  line: number;
  /** Shanghai day: of the service (done, or due), the meal, the month's first for a child's place, the elder's last service for the operating subsidy, the adjustment. */
  date: string;
  /** The elder or child, masked (王**); null for the cap and adjustments. */
  beneficiary: string | null;
  service: string;
  amountFen: number;
  /** What else the provider needs to read the record: 已取消，补贴冲回 · 本月服务 3 次 · the adjustment's reason. */
  note: string | null;
  /** The order behind a home-care record, for the provider to look it up. */
  orderId: string | null;
  /** Labels of the anomaly flags raised on this record's order. */
  flags: string[];
}

/** One of a provider's own statements in its admin's list. */
export interface ProviderStatementSummary {
  id: string;
  providerId: string;
  providerName: string;
  month: string;
  status: 'draft' | 'approved';
  totalFen: number;
  approvedAt: string | null;
  anomalyCount: number;
}

/**
 * A provider's own statement as its admin sees it: the statement (without the operators' user ids)
 * and every record behind its lines, elders' names masked.
 */
export interface ProviderStatementView extends Omit<StatementView, 'makerIds'> {
  records: StatementRecordView[];
}

export interface StatementView {
  id: string;
  providerId: string;
  providerName: string;
  month: string;
  status: 'draft' | 'approved';
  lines: StatementLineView[];
  anomalies: StatementAnomalyView[];
  totalFen: number;
  approvedBy: string | null;
  approvedAt: string | null;
  /** Maker-checker: users who generated or adjusted this draft; none of them may approve it. */
  makerIds: string[];
}

export interface AdjustStatementInput {
  amountFen: number;
  reason: string;
}

export interface KpiIndicatorView {
  code: string;
  label: string;
  value: number | null;
  /** '%': value and target are fractions 0–1 (see KPI_PERCENT_SCALE). */
  unit: '%' | '个' | '份/日' | '分';
  /**
   * What `value` is compared with. For a month still running (`partial`) and an indicator that
   * counts up over the month, the month's target pro-rated to the days gone (`prorated`).
   */
  target: number | null;
  /** The region's target for the whole month, as set in policy `kpi_targets`. */
  monthTarget: number | null;
  prorated: boolean;
  /** null when there is no target or the month is still running for a rate (shown 进行中). */
  met: boolean | null;
  /** The month has not ended: the figure is month to date, as of `asOf` of the summary. */
  partial: boolean;
  /** The records behind the figure: a console route or API path. */
  drillDown: string;
  /** What the figure is computed from (a ratio's two sides; a sum's total), when the server says. */
  numerator?: number | null;
  denominator?: number | null;
}

export interface KpiSummaryView {
  regionId: string;
  regionName: string;
  month: string;
  /** The month has not ended: every figure is month to date (截至 asOf). */
  partial: boolean;
  /** The Shanghai day the figures are read on: the month's last day, or today while it runs. */
  asOf: string;
  indicators: KpiIndicatorView[];
}

export interface AuditEntryView {
  id: string;
  userId: string;
  userName: string;
  action: string;
  /** The action in words (审批结算单 …). */
  actionLabel: string;
  entity: string;
  entityId: string;
  /** What the record is, for a person reading the log: 王*英 (老人), 安康… 2026-11 (结算单) … */
  subject: string | null;
  at: string;
}

/** Filters of the audit log; dates are Asia/Shanghai calendar days. */
export interface AuditQuery {
  entityId?: string;
  entity?: AuditEntity;
  action?: string;
  userName?: string;
  from?: string;
  to?: string;
  /** Paging: entries older than this entry id. */
  beforeId?: string;
}

export const AUDIT_ENTITIES = ['elder', 'provider', 'statement', 'order', 'complaint', 'region'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
export const AUDIT_ENTITY_LABELS: Record<AuditEntity, string> = { elder: '老人', provider: '机构', statement: '结算单', order: '订单', complaint: '投诉', region: '地区政策' };

const AUDIT_ACTION_LABELS: Record<string, string> = {
  view: '查看老人档案',
  eligibility_verified: '补贴资格核验通过',
  eligibility_list_import: '按民政官方名单核验',
  region_figures_updated: '修改地区基础数据',
  region_figures_imported: '导入地区基础数据',
  kpi_report_exported: '导出指标月报',
  eligibility_rejected: '补贴资格核验不通过',
  statement_adjust: '调整结算单',
  statement_approve: '审批结算单',
  complaint_investigating: '投诉转调查',
  complaint_resolved: '投诉查实办结',
  complaint_rejected: '投诉未查实办结',
  provider_approved: '批准机构入驻',
  provider_suspended: '暂停机构派单',
  provider_recommended: '列入推荐清单',
  provider_unrecommended: '移出推荐清单',
  order_assign: '人工指派',
  order_redispatch: '重新派单',
  assessment_record: '提交能力评估',
  filing_updated: '变更机构备案',
  document_uploaded: '上传备案材料',
  document_viewed: '下载备案材料',
  provider_graded: '机构等级评定',
  evaluation_recorded: '登记评估或满意度调查',
  inspection_drawn: '双随机抽取',
  inspection_published: '公示抽查结果',
  override_justified: '超范围签到认定有正当理由',
  override_unjustified: '超范围签到认定无正当理由',
  training_session_create: '登记培训',
  training_attendance: '登记培训签到与考核',
};

/** The words for an audit action; policy versions read 发布政策 (kind vN), unknown codes show as they are. */
export function auditActionLabel(action: string): string {
  if (AUDIT_ACTION_LABELS[action]) return AUDIT_ACTION_LABELS[action];
  const policy = /^policy_(.+)_v(\d+)$/.exec(action);
  if (policy) return `发布政策（${policy[1]} 第 ${policy[2]} 版）`;
  return action;
}
