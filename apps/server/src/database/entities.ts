import { RefreshTokenEntity } from '../auth/entities/refresh-token.entity.js';
import { UserEntity } from '../auth/entities/user.entity.js';
import { ChildEntity } from '../households/entities/child.entity.js';
import { ElderEntity } from '../households/entities/elder.entity.js';
import { HouseholdInviteEntity } from '../households/entities/household-invite.entity.js';
import { HouseholdMemberEntity } from '../households/entities/household-member.entity.js';
import { HouseholdEntity } from '../households/entities/household.entity.js';
import { NotificationEntity } from '../notifications/notification.entity.js';
import { OutboxEntity } from '../outbox/outbox.entity.js';
import { RegionPolicyEntity } from '../regions/entities/region-policy.entity.js';
import { RegionEntity } from '../regions/entities/region.entity.js';
import { ProviderStaffEntity } from '../providers/entities/provider-staff.entity.js';
import { ProviderEntity } from '../providers/entities/provider.entity.js';
import { Foundation1764000000000 } from './migrations/1764000000000-Foundation.js';
import { Providers1764000001000 } from './migrations/1764000001000-Providers.js';
import { Orders1764000002000 } from './migrations/1764000002000-Orders.js';
import { Meals1764000003000 } from './migrations/1764000003000-Meals.js';
import { Childcare1764000004000 } from './migrations/1764000004000-Childcare.js';
import { ElderSide1764000005000 } from './migrations/1764000005000-ElderSide.js';
import { Regulation1764000006000 } from './migrations/1764000006000-Regulation.js';
import { VolunteerAge1764000007000 } from './migrations/1764000007000-VolunteerAge.js';
import { Supervision1764000008000 } from './migrations/1764000008000-Supervision.js';
import { Training1764000009000 } from './migrations/1764000009000-Training.js';
import { RegionFigures1764000010000 } from './migrations/1764000010000-RegionFigures.js';
import { InspectionDrawKind1764000010500 } from './migrations/1764000010500-InspectionDrawKind.js';
import { ChildcareHours1764000011000 } from './migrations/1764000011000-ChildcareHours.js';
import { StaffDayIndex1764000012000 } from './migrations/1764000012000-StaffDayIndex.js';
import { AuditEntityIdWidth1764000013000 } from './migrations/1764000013000-AuditEntityIdWidth.js';
import { AssessmentGradeRules1764000014000 } from './migrations/1764000014000-AssessmentGradeRules.js';
import { ElderRegistrationConflicts1764000015500 } from './migrations/1764000015500-ElderRegistrationConflicts.js';
import { TrustRules1764000016100 } from './migrations/1764000016100-TrustRules.js';
import { PeriodsAndLifecycles1764000017100 } from './migrations/1764000017100-PeriodsAndLifecycles.js';
import { PrivacyRecords1764000018300 } from './migrations/1764000018300-PrivacyRecords.js';
import { TrustEvidenceAndDraws1764000019200 } from './migrations/1764000019200-TrustEvidenceAndDraws.js';
import { AttendanceEntity, ChildcareCentreEntity, ChildcareClassEntity, EnrolmentEntity, PickupPersonEntity, WaitlistEntryEntity, WaitlistLogEntity } from '../childcare/entities/childcare.entities.js';
import { CanteenSettingsEntity, DishEntity, MealBookingEntity, MealBookingItemEntity, MealSlotEntity } from '../meals/entities/meal.entities.js';
import { ServiceTypeEntity } from '../catalog/entities/service-type.entity.js';
import { ProviderServicePriceEntity } from '../catalog/entities/provider-service-price.entity.js';
import { ProviderAdminEntity } from '../providers/entities/provider-admin.entity.js';
import { StaffCertificateEntity } from '../providers/entities/staff-certificate.entity.js';
import { OrderEntity } from '../orders/entities/order.entity.js';
import { OrderEventEntity } from '../orders/entities/order-event.entity.js';
import { ServiceRecordEntity } from '../orders/entities/service-record.entity.js';
import { DispatchRoundEntity } from '../dispatch/entities/dispatch-round.entity.js';
import { OfferEntity } from '../dispatch/entities/offer.entity.js';
import { SubsidyLedgerEntity } from '../subsidies/entities/subsidy-ledger.entity.js';

export const ENTITIES = [
  UserEntity,
  RefreshTokenEntity,
  RegionEntity,
  RegionPolicyEntity,
  HouseholdEntity,
  HouseholdMemberEntity,
  HouseholdInviteEntity,
  ElderEntity,
  ChildEntity,
  OutboxEntity,
  NotificationEntity,
  ProviderEntity,
  ProviderStaffEntity,
  ServiceTypeEntity,
  ProviderServicePriceEntity,
  ProviderAdminEntity,
  StaffCertificateEntity,
  OrderEntity,
  OrderEventEntity,
  ServiceRecordEntity,
  DispatchRoundEntity,
  OfferEntity,
  SubsidyLedgerEntity,
  CanteenSettingsEntity,
  MealSlotEntity,
  DishEntity,
  MealBookingEntity,
  MealBookingItemEntity,
  ChildcareCentreEntity,
  ChildcareClassEntity,
  EnrolmentEntity,
  WaitlistEntryEntity,
  WaitlistLogEntity,
  PickupPersonEntity,
  AttendanceEntity,
];

export const MIGRATIONS = [Foundation1764000000000, Providers1764000001000, Orders1764000002000, Meals1764000003000, Childcare1764000004000, ElderSide1764000005000, Regulation1764000006000, VolunteerAge1764000007000, Supervision1764000008000, Training1764000009000, RegionFigures1764000010000, InspectionDrawKind1764000010500, ChildcareHours1764000011000, StaffDayIndex1764000012000, AuditEntityIdWidth1764000013000, AssessmentGradeRules1764000014000, ElderRegistrationConflicts1764000015500, TrustRules1764000016100, PeriodsAndLifecycles1764000017100, PrivacyRecords1764000018300, TrustEvidenceAndDraws1764000019200];
