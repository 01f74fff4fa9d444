import type { EntitlementUnit } from '../rules/basic-services.js';
import type { AbilityGrade, AssessmentDiagnosis, CareRiskEvent, GradeRule } from '../rules/assessment.js';
import type { GeoPoint } from '../rules/geo.js';
import type { SubsidyStanding } from '../rules/price-breakdown.js';

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
  meals: {
    bookingId: string;
    date: string;
    periodLabel: string;
    canteenName: string;
    modeLabel: string;
    pickupCode: string;
    /** As the canteen and courier recorded it: served (堂食), picked_up, delivered (the delivery job completed). */
    status: 'booked' | 'served' | 'picked_up' | 'delivered';
    statusLabel: string;
    /** Eaten, collected or delivered: nothing left to do, no pick-up code to show. */
    collected: boolean;
  }[];
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
  /** closed: its emergency job was completed or cancelled (see `outcome`). */
  status: 'pending' | 'cancelled' | 'dispatched' | 'answered' | 'escalated' | 'drill_done' | 'closed';
  statusLabel: string;
  outcome: 'completed' | 'cancelled' | null;
  closedAt: string | null;
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

/**
 * 月探访率, the same figure as the KPI `visit_rate` (one computation): an elder counts as visited
 * when every visit period of the month whose window has opened has a completed visit (weekly tiers:
 * each week; monthly: the month) and at least one has.
 */
export interface VisitRateView {
  month: string;
  regionId: string;
  partial: boolean;
  asOf: string;
  communities: { regionId: string; name: string; required: number; visited: number; rate: number | null }[];
  required: number;
  visited: number;
  rate: number | null;
  /** Elders with a visit period whose window has opened and that has no completed visit. */
  overdue: { elderId: string; elderName: string; communityName: string; reasons: string[]; frequency: 'monthly' | 'weekly'; missing: string[]; lastVisitAt: string | null }[];
}

/** This month's subsidy per rule for one elder: the cap, what is used, what is left (fen). */
export interface ElderSubsidyMonthView {
  elderId: string;
  month: string;
  category: string;
  /** Subsidies apply only once the 街道 verified the category (and while it is valid). */
  verified: boolean;
  /** Where the category stands: verified, waiting for the 街道, not accepted, or run out. */
  standing: SubsidyStanding;
  /** Why no subsidy applies (null when verified), in the family's words. */
  standingNote: string | null;
  /** Where the entitlements come from: the region's 基本养老服务清单, or (a region without one) its subsidy table. */
  source: 'basic_service_list' | 'subsidy';
  rules: ElderSubsidyRuleMonth[];
}

export interface ElderSubsidyRuleMonth {
  ruleKey: string;
  label: string;
  /** fixed / percent: a subsidy table row; copay: a 基本养老服务清单 item (the family pays the co-pay). */
  kind: 'fixed' | 'percent' | 'copay';
  amountFen: number | null;
  percent: number | null;
  /** Null when the month's entitlement is counted in uses or minutes, not in fen. */
  monthlyCapFen: number | null;
  usedFen: number;
  remainingFen: number | null;
  /** 基本养老服务清单 items: the month's entitlement, what was used and what is left, in its own unit. */
  entitlement: { unit: EntitlementUnit; perMonth: number; used: number; remaining: number; text: string } | null;
  /** What the family pays per use, in words (自付 10%, 每次自付 ¥3.00). */
  copayText: string | null;
}

export interface TimebankView {
  userId: string;
  balanceMinutes: number;
  entries: { kind: 'earn' | 'spend' | 'give_out' | 'give_in'; minutes: number; orderId: string | null; note: string | null; at: string }[];
}

/** Whom the caller may give time-bank minutes to: household members and the elders' own logins. */
export interface TimebankRecipientView {
  userId: string;
  name: string;
  /** 家庭成员 / 老人本人（长辈版） */
  relation: string;
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
