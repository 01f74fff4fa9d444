import type { AgeClass } from '../rules/age-band.js';
import type { CareType, EnrolmentStatus, WaitlistStatus } from '../enums/childcare.js';
import type { GeoPoint } from '../rules/geo.js';

export interface ChildcareClassInput {
  ageClass: AgeClass;
  name: string;
  capacity: number;
  /** 普惠: priced at or under the region's guidance price, subsidised per enrolled child. */
  puhui: boolean;
  prices: Partial<Record<CareType, number>>;
  /** Extra children per day for 计时托/临时托 beyond the places enrolled children leave free. */
  dailyQuota: number;
}

export interface ChildcareClassView extends ChildcareClassInput {
  id: string;
  centreId: string;
  ageLabel: string;
  enrolled: number;
  free: number;
  waitlist: number;
}

export interface ChildcareCentreView {
  id: string;
  name: string;
  address: string;
  location: GeoPoint;
  phone: string | null;
  licensedPlaces: number;
  /** 开放时间 "HH:mm": 计时托 may be booked only within it. */
  openTime: string;
  closeTime: string;
  distanceMeters: number | null;
  puhui: boolean;
  classes: ChildcareClassView[];
}

export interface EnrolInput {
  childId: string;
  classId: string;
  careType: CareType;
  /** YYYY-MM: the first month of a monthly place. */
  startMonth?: string;
  /** YYYY-MM-DD: the day of 计时托 / 临时托. */
  date?: string;
  startTime?: string;
  endTime?: string;
  /** When the class is full: join the waitlist instead (轮候), with the priority facts declared. */
  waitlistIfFull?: boolean;
  priorityFacts?: string[];
  /** The evidence for each declared fact (a short note: whose, which document); each declared fact needs one. */
  priorityEvidence?: PriorityEvidenceInput[];
}

export interface PriorityEvidenceInput {
  fact: string;
  note: string;
}

/** A declared waitlist priority scores only once the centre or the 街道 has verified it. */
export type PriorityFactStatus = 'pending' | 'verified' | 'rejected';
export const PRIORITY_FACT_STATUS_LABELS: Record<PriorityFactStatus, string> = { pending: '待核验', verified: '已核验', rejected: '未通过' };

export interface PriorityFactView {
  fact: string;
  label: string;
  points: number;
  status: PriorityFactStatus;
  statusLabel: string;
  evidenceNote: string | null;
  decisionNote: string | null;
  decidedAt: string | null;
}

export interface PriorityFactDecisionInput {
  verified: boolean;
  /** Why — required when refusing, so the family knows what to bring. */
  note?: string;
}

export interface EnrolmentView {
  id: string;
  childId: string;
  childName: string;
  centreId: string;
  centreName: string;
  classId: string;
  className: string;
  careType: CareType;
  startMonth: string | null;
  date: string | null;
  startTime: string | null;
  endTime: string | null;
  status: EnrolmentStatus;
  priceFen: number;
  puhui: boolean;
  createdAt: string;
}

export interface WaitlistEntryView {
  id: string;
  childId: string;
  childName: string;
  classId: string;
  className: string;
  centreName: string;
  careType: CareType;
  status: WaitlistStatus;
  statusLabel: string;
  /** 1-based place in the queue while waiting. */
  position: number | null;
  score: number;
  /** Why the entry sits where it does, in words (多孩家庭 +30, 轮候 FIFO …). */
  reasons: string[];
  /** Each declared priority with its evidence and verification. */
  facts: PriorityFactView[];
  /** The month the family asked for. */
  requestedMonth: string;
  /** The month the place starts in once confirmed (null before), and why it differs from the request. */
  startMonth: string | null;
  monthNote: string | null;
  offerExpiresAt: string | null;
  createdAt: string;
}

export interface EnrolResultView {
  enrolment: EnrolmentView | null;
  waitlist: WaitlistEntryView | null;
}

export interface PickupPersonInput {
  name: string;
  phone: string;
  relation: string;
}

export interface PickupPersonView {
  id: string;
  name: string;
  phoneMasked: string;
  relation: string;
}

export interface AttendanceInput {
  childId: string;
  /** Check-out: who collects the child; must be on the authorised list. */
  pickupPersonId?: string;
}

export interface RosterView {
  classId: string;
  className: string;
  date: string;
  children: {
    childId: string;
    name: string;
    ageMonths: number;
    careType: CareType;
    checkedInAt: string | null;
    checkedOutAt: string | null;
    pickedUpBy: string | null;
    /** Who may collect this child: centre staff hand over only to one of these. */
    pickupPersons: PickupPersonView[];
  }[];
}

export interface ChildcareFiguresView {
  regionId: string;
  population: number | null;
  places: number;
  placesPerThousand: number | null;
  puhuiPlaces: number;
  puhuiShare: number;
  enrolled: number;
  occupancy: number;
  waitlistLength: number;
}

/** A month's 普惠 operating subsidy settlement (补供方), written once per region and month. */
export interface SettlementView {
  month: string;
  children: number;
  totalFen: number;
  settledAt: string | null;
  settledBy: string | null;
}
