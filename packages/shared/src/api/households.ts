import type {
  DietaryNeed,
  HouseholdMemberRole,
  LivingSituation,
  RegionLevel,
  SubsidyCategory,
  SubsidyVerification,
} from '../enums/elder.js';
import type { GeoPoint } from '../rules/geo.js';

export interface CreateHouseholdInput {
  name: string;
  regionId?: string;
}

export interface HouseholdMemberView {
  userId: string;
  nickname: string;
  role: HouseholdMemberRole;
  joinedAt: string;
}

export interface HouseholdSummaryView {
  id: string;
  name: string;
  regionId: string | null;
  myRole: HouseholdMemberRole;
  elderCount: number;
  childCount: number;
}

export interface HouseholdView extends Omit<HouseholdSummaryView, 'elderCount' | 'childCount'> {
  members: HouseholdMemberView[];
  elders: ElderListItemView[];
  children: ChildView[];
}

export interface InviteView {
  code: string;
  expiresAt: string;
}

export interface JoinHouseholdInput {
  code: string;
}

export interface EmergencyContact {
  name: string;
  phone: string;
  relation: string;
}

export interface CreateElderInput {
  name: string;
  idNumber: string;
  phone?: string | null;
  address: string;
  location: GeoPoint;
  regionId?: string;
  emergencyContacts: EmergencyContact[];
  healthNotes?: string | null;
  dietaryNeeds: DietaryNeed[];
  livingSituation: LivingSituation;
  subsidyCategory: SubsidyCategory;
}

export type UpdateElderInput = Partial<CreateElderInput>;

export interface ElderListItemView {
  id: string;
  householdId: string;
  name: string;
  gender: 'male' | 'female';
  /** 今年 N 岁 (`displayAge`): changes on 1 January, not on the birthday. */
  age: number;
  phoneMasked: string | null;
  address: string;
  livingSituation: LivingSituation;
  subsidyCategory: SubsidyCategory;
  subsidyVerification: SubsidyVerification;
}

/**
 * No birth date and no full phone: `age` (今年 N 岁) and `idNumberMasked` together leave ≥ 10^5
 * candidate ID numbers; the full phone comes only from `POST /elders/:id/phone-reveal` (audited).
 */
export interface ElderView extends ElderListItemView {
  idNumberMasked: string;
  location: GeoPoint;
  regionId: string | null;
  emergencyContacts: EmergencyContact[];
  healthNotes: string | null;
  dietaryNeeds: DietaryNeed[];
  /** Whether proxy orders wait for the elder's own 确认 / 不需要, how long, and what a timeout means. */
  confirmation: { confirmOrders: boolean; timeoutMinutes: number; onTimeout: 'proceed' | 'cancel' };
  createdAt: string;
  updatedAt: string;
}

export interface CreateChildInput {
  name: string;
  birthDate: string;
  idNumber?: string | null;
}

export type UpdateChildInput = Partial<CreateChildInput>;

export interface ChildView {
  id: string;
  householdId: string;
  name: string;
  birthDate: string;
  ageMonths: number;
  idNumberMasked: string | null;
}

export interface RegionView {
  id: string;
  name: string;
  level: RegionLevel;
  parentId: string | null;
  center: GeoPoint;
}

export interface RegionPolicyView {
  id: string;
  regionId: string;
  kind: string;
  version: number;
  effectiveFrom: string;
  rules: unknown;
}
