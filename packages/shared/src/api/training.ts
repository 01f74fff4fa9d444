import type { CertificateType } from '../enums/service.js';

/** 岗前培训 (before the first job) or 在岗培训 (continuing training while working). */
export const TRAINING_KINDS = ['pre_job', 'on_job'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_KIND_LABELS: Record<TrainingKind, string> = { pre_job: '岗前培训', on_job: '在岗培训' };

/** The region policy kind that says what staff need before they work (rules as data). */
export const STAFF_RULES_POLICY = 'staff_rules';
export interface StaffRules {
  /** Absent means required: the city's rule is 岗前培训率 100%. */
  preJobTrainingRequired?: boolean;
}

/** Certificates that count for 养老护理人员持证上岗率 (an electrician's licence does not). */
export const CARE_CERTIFICATES: readonly CertificateType[] = ['elder_care', 'nursing', 'rehab_therapist'];

/** Dispatch's skip reason for staff who have not passed a 岗前培训 (the console recognises it). */
export const PRE_JOB_TRAINING_MISSING = '未完成岗前培训';

/** How many days ahead an expiring certificate is listed. */
export const CERTIFICATE_EXPIRY_WARNING_DAYS = 30;

export interface CreateTrainingSessionInput {
  title: string;
  kind: TrainingKind;
  /** YYYY-MM-DD (Asia/Shanghai). */
  heldOn: string;
  hours: number;
  /** Exactly one organiser: a region (operators) or a provider (its admins). */
  organiserRegionId?: string;
  organiserProviderId?: string;
}

export interface TrainingAttendanceInput {
  records: { staffId: string; passed: boolean }[];
}

export interface TrainingSessionView {
  id: string;
  title: string;
  kind: TrainingKind;
  kindLabel: string;
  heldOn: string;
  hours: number;
  organiserRegionId: string | null;
  organiserProviderId: string | null;
  organiserName: string;
  attended: number;
  passed: number;
}

/** A staff member who may attend the session, with what was recorded for them (null: not attended). */
export interface TrainingAttendeeView {
  staffId: string;
  staffName: string;
  providerId: string;
  providerName: string;
  passed: boolean | null;
}

export interface TrainingSessionDetailView extends TrainingSessionView {
  attendees: TrainingAttendeeView[];
}

export interface QualificationTotals {
  /** 养老护理人员: home-care staff who are not time-bank volunteers. */
  careStaff: number;
  certified: number;
  /** 0–1, null when there is no one to count. */
  certifiedRate: number | null;
  staff: number;
  preJobTrained: number;
  preJobTrainedRate: number | null;
}

export interface ProviderQualificationRow extends QualificationTotals {
  providerId: string;
  providerName: string;
  providerKind: string;
  regionId: string;
}

export interface ExpiringCertificateView {
  staffId: string;
  staffName: string;
  providerId: string;
  providerName: string;
  type: CertificateType;
  typeLabel: string;
  number: string;
  expiresOn: string;
  daysLeft: number;
}

export interface QualificationSummaryView {
  onDate: string;
  totals: QualificationTotals;
  /** From the region's kpi_targets (certified_rate, pre_job_training_rate) as fractions; null when not set. */
  targets: { certifiedRate: number | null; preJobTrainedRate: number | null };
  providers: ProviderQualificationRow[];
  expiring: ExpiringCertificateView[];
}

export interface StaffQualificationView {
  staffId: string;
  staffName: string;
  /** Counts towards 持证上岗率 (home-care, not a volunteer). */
  careStaff: boolean;
  isVolunteer: boolean;
  certifiedOnDate: boolean;
  preJobTrained: boolean;
  certificates: { type: CertificateType; typeLabel: string; number: string; expiresOn: string }[];
}

export interface ProviderQualificationView {
  onDate: string;
  row: ProviderQualificationRow;
  staff: StaffQualificationView[];
  /** Drill-downs: who is missing what. */
  missingCertificate: StaffQualificationView[];
  missingPreJobTraining: StaffQualificationView[];
  expiring: ExpiringCertificateView[];
}
