import type { ProviderKind, ProviderStatus } from '../enums/service.js';

/** 备案: licence, the authority that issued it, insurance. */
export interface FilingView {
  licenceNo: string;
  licenceAuthority: string | null;
  insurer: string | null;
  insurancePolicyNo: string | null;
  /** YYYY-MM-DD */
  insuranceExpiresOn: string | null;
  updatedAt: string | null;
}

/** A partial update: a field left out keeps its value; `null` (or an empty text) clears an insurance field. */
export interface UpdateFilingInput {
  licenceNo?: string;
  licenceAuthority?: string;
  insurer?: string | null;
  insurancePolicyNo?: string | null;
  insuranceExpiresOn?: string | null;
}

export interface FilingChangeView {
  id: string;
  changedBy: string;
  changedByName: string;
  changedAt: string;
  /** Filing fields, and the 推荐清单 membership (field `recommended`, the reason in `to`). */
  changes: { field: keyof Omit<FilingView, 'updatedAt'> | 'recommended'; label: string; from: string | null; to: string | null }[];
}

export type ProviderDocumentKind = 'licence' | 'insurance' | 'certificate' | 'other';
export const PROVIDER_DOCUMENT_KINDS: readonly ProviderDocumentKind[] = ['licence', 'insurance', 'certificate', 'other'];
export const PROVIDER_DOCUMENT_KIND_LABELS: Record<ProviderDocumentKind, string> = {
  licence: '营业执照/许可证',
  insurance: '保险单',
  certificate: '资质证书',
  other: '其他材料',
};
/** What the FileStore accepts for provider documents. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export interface ProviderDocumentView {
  id: string;
  providerId: string;
  kind: ProviderDocumentKind;
  kindLabel: string;
  title: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface GradingView {
  id: string;
  policyVersion: number;
  scores: { code: string; label: string; points: number; maxPoints: number }[];
  totalScore: number;
  maxScore: number;
  level: string | null;
  note: string | null;
  gradedByName: string;
  gradedAt: string;
}

export interface GradeProviderInput {
  scores: Record<string, number>;
  note?: string;
}

export type EvaluationKind = 'third_party' | 'satisfaction';
export const EVALUATION_KIND_LABELS: Record<EvaluationKind, string> = { third_party: '第三方评估', satisfaction: '满意度调查' };

export interface EvaluationView {
  id: string;
  kind: EvaluationKind;
  kindLabel: string;
  evaluator: string;
  /** 0–100 */
  score: number;
  sampleSize: number | null;
  summary: string;
  evaluatedOn: string;
  recordedAt: string;
}

export interface RecordEvaluationInput {
  kind: EvaluationKind;
  evaluator: string;
  score: number;
  sampleSize?: number;
  summary: string;
  evaluatedOn: string;
}

export type CreditSource = 'complaint' | 'inspection' | 'check_in_override';

export interface CreditEventView {
  id: string;
  points: number;
  reason: string;
  sourceId: string;
  at: string;
}

export interface CreditRecordView {
  subjectType: 'provider' | 'staff';
  subjectId: string;
  name: string;
  /** Starts at 100; every confirmed complaint, failed inspection or unjustified check-in override takes points off. */
  score: number;
  /** Below this (the region's `credit` policy) a provider is suspended from dispatch. */
  suspendBelow: number;
  events: CreditEventView[];
}

export interface InspectorView {
  id: string;
  regionId: string;
  name: string;
  organisation: string;
  active: boolean;
}

export interface CreateInspectorInput {
  regionId: string;
  name: string;
  organisation: string;
}

export interface InspectionDrawInputView {
  regionId: string;
  /** One kind per draw: providers of this kind are drawn and checked with this kind's checklist. */
  providerKind: ProviderKind;
  providerCount: number;
  inspectorCount: number;
}

/**
 * A draw is commit–reveal: `prepared` publishes the SHA-256 of a seed the server made and the pools;
 * `drawn` reveals the seed and the result. Nobody can choose a seed offline to steer the outcome,
 * and anyone can check sha256(seed) = seedHash and re-run the draw.
 */
export type DrawStatus = 'prepared' | 'drawn';
export const DRAW_STATUS_LABELS: Record<DrawStatus, string> = { prepared: '已公布种子哈希，待抽取', drawn: '已抽取' };

export interface InspectionDrawView {
  id: string;
  regionId: string;
  /** The kind drawn from; null for draws made before draws had a kind (they drew from every kind). */
  providerKind: ProviderKind | null;
  status: DrawStatus;
  /** SHA-256 (hex) of the seed, published when the draw is prepared. */
  seedHash: string;
  /** Revealed when the draw is executed; null while prepared. */
  seed: string | null;
  providerCount: number;
  inspectorCount: number;
  /** The pools as they were at the moment of the draw (ids), so anyone can re-run it. */
  providerPool: string[];
  inspectorPool: string[];
  providers: { id: string; name: string }[];
  inspectors: { id: string; name: string; organisation: string }[];
  preparedBy: string;
  preparedByName: string;
  preparedAt: string;
  drawnBy: string | null;
  drawnByName: string;
  drawnAt: string | null;
  inspectionIds: string[];
}

export interface DrawVerificationView {
  drawId: string;
  /** sha256(revealed seed) equals the hash published before the draw. */
  hashMatches: boolean;
  /** Re-running the draw from the seed and pools gives the logged result. */
  reproduced: boolean;
  /** Both: the draw is what the published hash committed to. */
  verified: boolean;
  providerIds: string[];
  inspectorIds: string[];
}

export interface ChecklistItem {
  code: string;
  label: string;
  /** A failed critical item fails the whole inspection. */
  critical?: boolean;
}

/** The `inspection_checklist` policy of a region. */
export interface InspectionChecklist {
  items: ChecklistItem[];
  /** More failed non-critical items than this fails the inspection (default 2). */
  maxMinorFailures?: number;
  /** Credit points off a provider for a failed inspection (default 20). */
  failCreditPoints?: number;
}

/**
 * The `inspection_checklist` policy: one checklist per provider kind. The older single checklist
 * (an InspectionChecklist) is still read, as applying to every kind.
 */
export interface InspectionChecklistByKind {
  byKind: Partial<Record<ProviderKind, InspectionChecklist>>;
}
export type InspectionChecklistPolicy = InspectionChecklist | InspectionChecklistByKind;

/** Who could be drawn right now for one kind: the pool the operator is about to draw from. */
export interface DrawPoolView {
  regionId: string;
  providerKind: ProviderKind;
  providers: { id: string; name: string }[];
  inspectorCount: number;
  /** How many items the kind's checklist has; 0 when the region has none for this kind. */
  checklistItems: number;
}

export type InspectionStatus = 'planned' | 'recorded' | 'published';
export const INSPECTION_STATUS_LABELS: Record<InspectionStatus, string> = { planned: '待检查', recorded: '待公示', published: '已公示' };

export interface InspectionView {
  id: string;
  drawId: string;
  /** The draw's published seed hash and, once drawn, its seed: anyone reading the result can check the draw. */
  drawSeedHash: string;
  drawSeed: string | null;
  regionId: string;
  providerId: string;
  providerName: string;
  providerKind: ProviderKind;
  providerStatus: ProviderStatus;
  inspectors: { id: string; name: string; organisation: string }[];
  status: InspectionStatus;
  statusLabel: string;
  checklist: ChecklistItem[];
  results: { code: string; passed: boolean; note?: string }[];
  passed: boolean | null;
  summary: string | null;
  creditPoints: number;
  publishedAt: string | null;
  createdAt: string;
}

export interface RecordInspectionInput {
  results: { code: string; passed: boolean; note?: string }[];
  summary: string;
}

export interface CheckInOverrideView {
  orderId: string;
  providerId: string;
  providerName: string;
  staffId: string;
  staffName: string;
  distanceMeters: number;
  reason: string;
  checkedInAt: string;
  review: { justified: boolean; note: string; creditPoints: number; reviewedByName: string; reviewedAt: string } | null;
}

export interface ReviewCheckInOverrideInput {
  /** false = 无正当理由: points off the staff member's and the provider's credit. */
  justified: boolean;
  note: string;
}

/** Everything supervision knows about one provider, for its 备案 page. */
export interface ProviderRecordView {
  provider: { id: string; name: string; kind: ProviderKind; regionId: string; address: string; status: ProviderStatus; recommended: boolean };
  filing: FilingView;
  filingHistory: FilingChangeView[];
  documents: ProviderDocumentView[];
  gradings: GradingView[];
  evaluations: EvaluationView[];
  inspections: InspectionView[];
  credit: CreditRecordView;
  staffCredit: { staffId: string; name: string; score: number }[];
}
