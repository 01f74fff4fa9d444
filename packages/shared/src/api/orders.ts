import type { CertificateType, ProviderKind, ProviderStatus, ServiceCode } from '../enums/service.js';
import type { GeoPoint } from '../rules/geo.js';
import type { OrderStatus } from '../rules/order-state-machine.js';
import type { PriceBreakdown } from '../rules/price-breakdown.js';

export interface ServiceTypeView {
  code: ServiceCode;
  name: string;
  description: string;
  durationMinutes: number;
  basePriceFen: number;
  requiredSkill: ServiceCode;
  requiredCertificate: CertificateType | null;
  urgent: boolean;
}

/** What ordering this service for this elder would cost, before confirming. */
export interface QuoteView extends PriceBreakdown {
  serviceCode: ServiceCode;
  elderId: string;
  policyVersion: number | null;
}

export interface CreateOrderInput {
  elderId: string;
  serviceCode: ServiceCode;
  /** Omitted = as soon as possible. */
  windowStart?: string;
  windowEnd?: string;
  /** Omitted = the elder's home address. */
  address?: string;
  location?: GeoPoint;
  notes?: string;
  /** Time-bank minutes (the family's own) to pay with; 1 hour of bank pays for 1 hour of service. */
  timebankMinutes?: number;
}

export interface StaffBriefView {
  id: string;
  name: string;
  providerName: string;
  ratingX100: number;
  certificates: { type: CertificateType; label: string; expiresOn: string }[];
  /** Masked; calls go through the provider's number. */
  phoneMasked: string | null;
  /** The provider's service phone: the family's one-tap call (the staff member's own number stays private). */
  providerPhone: string | null;
  photoUrl: string | null;
}

export interface OrderEventView {
  status: OrderStatus;
  label: string;
  note: string | null;
  at: string;
}

export interface OrderView {
  id: string;
  householdId: string;
  elderId: string;
  elderName: string;
  serviceCode: ServiceCode;
  serviceName: string;
  status: OrderStatus;
  statusLabel: string;
  urgent: boolean;
  asap: boolean;
  windowStart: string | null;
  windowEnd: string | null;
  address: string;
  location: GeoPoint;
  notes: string | null;
  price: PriceBreakdown;
  cancelFeeFen: number;
  staff: StaffBriefView | null;
  /** Straight-line distance of the assigned staff member's last position, when known. */
  staffDistanceMeters: number | null;
  events: OrderEventView[];
  rating: { stars: number; tags: string[]; comment: string | null } | null;
  /** shortReason: set when the service was far shorter than booked; the record is flagged for the operator. */
  serviceRecord: { tasks: string[]; notes: string | null; durationMinutes: number; shortReason: string | null } | null;
  /** The elder's answer to a proxy order, when one was asked for. */
  consent: { decision: 'confirm' | 'refuse'; source: 'elder' | 'timeout'; device: string | null; at: string } | null;
  elderConfirmDeadline: string | null;
  timebankMinutes: number;
  createdAt: string;
}

export interface CancelOrderInput {
  reason: string;
}

export interface RateOrderInput {
  stars: number;
  tags: string[];
  comment?: string;
}

/** The staff side of an order: what they need to do the job, no more. */
export interface JobView {
  orderId: string;
  serviceCode: ServiceCode;
  serviceName: string;
  status: OrderStatus;
  statusLabel: string;
  urgent: boolean;
  elderName: string;
  address: string;
  location: GeoPoint;
  windowStart: string | null;
  windowEnd: string | null;
  notes: string | null;
  durationMinutes: number;
}

export interface OfferView {
  id: string;
  status: 'offered' | 'accepted' | 'declined' | 'expired' | 'withdrawn';
  expiresAt: string;
  distanceMeters: number;
  job: JobView;
}

export interface CheckInInput {
  /** Omitted when the phone has no position fix: then a reason is required and the check-in is flagged. */
  location?: GeoPoint;
  /** Needed when farther than the allowed distance; the check-in is then flagged for review. */
  overrideReason?: string;
}

export interface CheckOutInput {
  tasks: string[];
  notes?: string;
  /** Required for 探访关爱 visits. */
  visitForm?: { condition: string; needs: string[]; followUp: boolean; followUpNote?: string };
  /**
   * Required when the time served (check-in to check-out) is shorter than the region's
   * `statement_checks.shortServiceShare` of the booked duration; the record is then flagged.
   */
  shortReason?: string;
}

export interface DutyInput {
  onDuty: boolean;
}

export interface LocationInput {
  location: GeoPoint;
}

export interface StaffMeView {
  id: string;
  name: string;
  providerId: string;
  providerName: string;
  skills: ServiceCode[];
  onDuty: boolean;
  maxConcurrentJobs: number;
  activeJobs: number;
  ratingX100: number;
  /** The region requires 岗前培训 and this staff member has not passed one yet: no offers until then. */
  preJobTrainingPending: boolean;
}

export interface DispatchCandidateView {
  staffId: string;
  staffName: string;
  distanceMeters: number;
  score: number;
  components: { distance: number; rating: number; load: number; fairness: number };
}

export interface DispatchSkipView {
  staffId: string;
  staffName: string;
  reason: string;
  /** Has the skill and the certificate the order needs (skipped for another reason: duty, load, …). */
  qualified: boolean;
}

export type OfferStatus = 'offered' | 'accepted' | 'declined' | 'expired' | 'withdrawn';

export const OFFER_STATUS_LABELS: Record<OfferStatus, string> = {
  offered: '待响应',
  accepted: '已接单',
  declined: '已婉拒',
  expired: '超时未响应',
  withdrawn: '已撤回',
};

/** What became of one offer of a round: answered, declined, let run out, or withdrawn once someone else took the job. */
export interface DispatchOfferOutcomeView {
  staffId: string;
  staffName: string;
  status: OfferStatus;
  statusLabel: string;
  offeredAt: string;
  respondedAt: string | null;
}

export interface DispatchRoundView {
  roundNo: number;
  radiusMeters: number;
  candidates: DispatchCandidateView[];
  skipped: DispatchSkipView[];
  offeredTo: string[];
  /** The offers this round made and how each ended. */
  offers: DispatchOfferOutcomeView[];
  createdAt: string;
}

export interface AssignOrderInput {
  staffId: string;
}

export interface ProviderView {
  id: string;
  kind: ProviderKind;
  name: string;
  licenceNo: string;
  regionId: string;
  address: string;
  location: GeoPoint;
  serviceRadiusMeters: number;
  status: ProviderStatus;
  /** On the region's 推荐清单: may take government-paid (subsidised) orders. */
  recommended: boolean;
  phone: string | null;
}

export interface SetProviderStatusInput {
  status: 'approved' | 'suspended';
  /** Required to approve a provider whose credit is below the region's `credit.suspendBelow`; kept in the audit log and the filing history. */
  reason?: string;
}

export interface SetRecommendedInput {
  recommended: boolean;
  /** Why it is taken off or put back on the list (kept in the audit log and the filing history). */
  reason: string;
}

export interface RegisterProviderInput {
  kind: ProviderKind;
  name: string;
  licenceNo: string;
  regionId: string;
  address: string;
  location: GeoPoint;
  serviceRadiusMeters: number;
  phone?: string;
}

export interface CertificateInput {
  type: CertificateType;
  number: string;
  expiresOn: string;
}

export interface AddStaffInput {
  name: string;
  phone: string;
  skills: ServiceCode[];
  certificates: CertificateInput[];
  home: GeoPoint;
  maxConcurrentJobs: number;
  /** dev:<name> login of the staff member's own account, if they have one yet. */
  loginCode?: string;
}

export interface StaffView {
  id: string;
  providerId: string;
  name: string;
  phoneMasked: string | null;
  skills: ServiceCode[];
  certificates: CertificateInput[];
  home: GeoPoint;
  maxConcurrentJobs: number;
  ratingX100: number;
  onDuty: boolean;
}

/** POST /api/orders/:id/stream-ticket: opens that order's stream once, for the caller, within `expiresInSeconds`. */
export interface OrderStreamTicketView {
  ticket: string;
  expiresInSeconds: number;
}

/** Live order updates arrive as these on the SSE stream /api/orders/:id/stream?ticket=. */
export interface OrderStreamMessage {
  orderId: string;
  status: OrderStatus;
  at: string;
}
