import type { AbilityGrade, AssessmentDiagnosis, CareRiskEvent, GradeRule } from '../rules/assessment.js';
import type { GeoPoint } from '../rules/geo.js';

export interface ElderLoginCodeView {
  code: string;
  expiresAt: string;
}

export interface ClaimElderLoginInput {
  code: string;
}

export interface ConfirmationSettingsInput {
  confirmOrders: boolean;
  timeoutMinutes: number;
  onTimeout: 'proceed' | 'cancel';
}

export interface ElderDecisionInput {
  decision: 'confirm' | 'refuse';
  /** Which device answered (recorded in the consent log). */
  device?: string;
}

export interface ConsentView {
  decision: 'confirm' | 'refuse';
  source: 'elder' | 'timeout';
  device: string | null;
  at: string;
}

export interface ElderHomeView {
  elderId: string;
  name: string;
  today: { orderId: string; serviceName: string; statusLabel: string; staffName: string | null; windowStart: string | null; staffDistanceMeters: number | null }[];
  meals: { bookingId: string; date: string; periodLabel: string; canteenName: string; modeLabel: string; pickupCode: string; statusLabel: string }[];
  pendingConfirmations: { orderId: string; serviceName: string; orderedBy: string; windowStart: string | null; deadline: string }[];
  family: { name: string; relation: string; phone: string }[];
  activeSos: { id: string; status: SosView['status']; statusLabel: string; staffName: string | null } | null;
}

export interface RaiseSosInput {
  elderId?: string;
  location?: GeoPoint;
  /** 演练: the whole chain runs and is logged, but no staff member is sent. */
  drill?: boolean;
}

export interface SosView {
  id: string;
  elderId: string;
  elderName: string;
  drill: boolean;
  status: 'pending' | 'cancelled' | 'dispatched' | 'answered' | 'escalated' | 'drill_done';
  statusLabel: string;
  cancelUntil: string;
  orderId: string | null;
  staffName: string | null;
  staffDistanceMeters: number | null;
  events: { event: string; note: string | null; at: string }[];
  createdAt: string;
}

export interface AssessmentInput {
  assessedOn: string;
  /** The 26 item scores (GB/T 42195-2022 附录B). */
  items: Record<string, number>;
  /** The facts behind 附录C C.4 能力等级变更依据. */
  coma?: boolean;
  diagnoses?: AssessmentDiagnosis[];
  riskEvents?: CareRiskEvent[];
}

/** `GET/POST /elders/:elderId/assessments`: every consumer reads `grade` as the final grade (C.5). */
export interface AssessmentView {
  id: string;
  elderId: string;
  assessedOn: string;
  assessorName: string;
  domains: { code: string; label: string; score: number; max: number }[];
  /** The raw 0–90 total. */
  total: number;
  /** The grade by the total alone (C.3 初步等级). */
  rawGrade: AbilityGrade;
  rawGradeLabel: string;
  /** The final grade (C.5 最终等级): what subsidies, services and visits read. */
  grade: AbilityGrade;
  gradeLabel: string;
  /** The C.4 rules that set the final grade (empty: final = raw). */
  gradeRules: { code: GradeRule; label: string }[];
  coma: boolean;
  diagnoses: AssessmentDiagnosis[];
  riskEvents: CareRiskEvent[];
  validUntil: string;
}

export interface VisitFormInput {
  condition: string;
  needs: string[];
  followUp: boolean;
  followUpNote?: string;
}

export interface VisitRateView {
  month: string;
  regionId: string;
  communities: { regionId: string; name: string; required: number; visited: number; rate: number }[];
  required: number;
  visited: number;
  rate: number;
  overdue: { elderId: string; elderName: string; communityName: string; reasons: string[]; lastVisitAt: string | null }[];
}

export interface TimebankView {
  userId: string;
  balanceMinutes: number;
  entries: { kind: 'earn' | 'spend' | 'give_out' | 'give_in'; minutes: number; orderId: string | null; note: string | null; at: string }[];
}

export interface GiveHoursInput {
  toUserId: string;
  minutes: number;
}

export interface RegisterVolunteerInput {
  /** The 社区 or 街道 the volunteer serves in. */
  regionId: string;
  /** Light services a volunteer may take (探访、陪伴、助购、助行、送餐). */
  skills: string[];
  /** Year of birth: volunteers are 18 to 75 years old. */
  birthYear: number;
}
