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

export interface StatementAnomalyView {
  kind: 'check_in_override' | 'short_service' | 'duplicate_claim' | 'frequent_pair';
  label: string;
  orderId: string | null;
  detail: string;
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
}

export interface AdjustStatementInput {
  amountFen: number;
  reason: string;
}

export interface KpiIndicatorView {
  code: string;
  label: string;
  value: number | null;
  unit: '%' | '个' | '份/日' | '分';
  target: number | null;
  met: boolean | null;
  /** The records behind the figure: a console route or API path. */
  drillDown: string;
}

export interface KpiSummaryView {
  regionId: string;
  regionName: string;
  month: string;
  indicators: KpiIndicatorView[];
}

export interface AuditEntryView {
  id: string;
  userId: string;
  userName: string;
  action: string;
  entity: string;
  entityId: string;
  at: string;
}
