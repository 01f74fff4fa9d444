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
];

export const MIGRATIONS = [Foundation1764000000000, Providers1764000001000];
