import type {
  CreateTrainingSessionInput,
  ProviderQualificationRow,
  ProviderQualificationView,
  QualificationSummaryView,
  TrainingAttendanceInput,
  TrainingAttendeeView,
  TrainingKind,
  TrainingSessionDetailView,
  TrainingSessionView,
} from '@carecircle/shared';
import { api } from '../api';

/** 人员资质 endpoints, through the console's one HTTP client. */
export const qualificationApi = {
  summary: (regionId: string, date?: string) => api.request<QualificationSummaryView>('GET', '/operator/qualification', { query: { regionId, date } }),
  provider: (providerId: string, date?: string) =>
    api.request<ProviderQualificationView>('GET', `/training/providers/${encodeURIComponent(providerId)}/qualification`, { query: { date } }),
  sessions: (kind?: TrainingKind) => api.request<TrainingSessionView[]>('GET', '/training/sessions', { query: { kind } }),
  session: (sessionId: string) => api.request<TrainingSessionDetailView>('GET', `/training/sessions/${encodeURIComponent(sessionId)}`),
  createSession: (input: CreateTrainingSessionInput) => api.request<TrainingSessionDetailView>('POST', '/training/sessions', { body: input }),
  recordAttendance: (sessionId: string, input: TrainingAttendanceInput) =>
    api.request<TrainingSessionDetailView>('PUT', `/training/sessions/${encodeURIComponent(sessionId)}/attendance`, { body: input }),
};

/** The city's targets where no kpi_targets policy says otherwise: 持证上岗率 93%, 岗前培训率 100%. */
export const DEFAULT_QUALIFICATION_TARGETS = { certifiedRate: 0.93, preJobTrainedRate: 1 } as const;

export function targetsOf(summary: Pick<QualificationSummaryView, 'targets'> | undefined): { certifiedRate: number; preJobTrainedRate: number } {
  return {
    certifiedRate: summary?.targets.certifiedRate ?? DEFAULT_QUALIFICATION_TARGETS.certifiedRate,
    preJobTrainedRate: summary?.targets.preJobTrainedRate ?? DEFAULT_QUALIFICATION_TARGETS.preJobTrainedRate,
  };
}

export type RateStatus = 'met' | 'below' | 'none';

/** A rate against its target; `none` when there is nobody to count. */
export function rateStatus(rate: number | null, target: number): RateStatus {
  if (rate === null) return 'none';
  // Rates come rounded to 4 places; 0.93 of 100 staff is met at exactly 93.
  return rate + 1e-9 >= target ? 'met' : 'below';
}

/** How many more staff must hold a certificate (or pass the training) for the provider to reach the target. */
export function shortfall(count: number, total: number, target: number): number {
  if (total === 0) return 0;
  return Math.max(0, Math.ceil(target * total - 1e-9) - count);
}

/** Providers furthest below target first, so the page opens on what needs doing. */
export function worstFirst(rows: readonly ProviderQualificationRow[], targets: { certifiedRate: number; preJobTrainedRate: number }): ProviderQualificationRow[] {
  const gap = (r: ProviderQualificationRow) =>
    shortfall(r.certified, r.careStaff, targets.certifiedRate) + shortfall(r.preJobTrained, r.staff, targets.preJobTrainedRate);
  return [...rows].sort((a, b) => gap(b) - gap(a) || a.providerName.localeCompare(b.providerName, 'zh-CN'));
}

export type Mark = 'passed' | 'failed' | 'absent';

export function markOf(a: Pick<TrainingAttendeeView, 'passed'>): Mark {
  return a.passed === null ? 'absent' : a.passed ? 'passed' : 'failed';
}

/**
 * What to send after the operator changed marks: only the changed rows that say something
 * (a recorded attendance is not taken back by marking it absent, the server keeps it).
 */
export function attendanceChanges(attendees: readonly TrainingAttendeeView[], marks: Readonly<Record<string, Mark>>): TrainingAttendanceInput['records'] {
  const out: TrainingAttendanceInput['records'] = [];
  for (const a of attendees) {
    const mark = marks[a.staffId];
    if (!mark || mark === markOf(a) || mark === 'absent') continue;
    out.push({ staffId: a.staffId, passed: mark === 'passed' });
  }
  return out;
}

/** A training date in the future cannot have passes yet (the server refuses them too). */
export function canRecordPasses(heldOn: string, today: string): boolean {
  return heldOn <= today;
}
