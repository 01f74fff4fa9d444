import type { AbilityGrade } from '../rules/assessment.js';
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
  items: Record<string, number>;
}

export interface AssessmentView {
  id: string;
  elderId: string;
  assessedOn: string;
  assessorName: string;
  domains: { code: string; label: string; score: number; max: number }[];
  total: number;
  grade: AbilityGrade;
  gradeLabel: string;
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
