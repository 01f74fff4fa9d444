import { ErrorCode } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { ChildEntity } from './entities/child.entity.js';
import { ElderEntity } from './entities/elder.entity.js';
import { HouseholdMemberEntity } from './entities/household-member.entity.js';

/**
 * Who may touch which household record. Anything the caller may not see is reported as not
 * found (404), so one family cannot even learn that another family's record exists.
 */
@Injectable()
export class HouseholdAccess {
  constructor(private readonly dataSource: DataSource) {}

  async requireMember(userId: string, householdId: string, manager: EntityManager = this.dataSource.manager): Promise<HouseholdMemberEntity> {
    const membership = await manager.getRepository(HouseholdMemberEntity).findOneBy({ householdId, userId });
    if (!membership) throw new DomainError(ErrorCode.HOUSEHOLD_NOT_FOUND, '未找到该家庭，或您不是该家庭成员');
    return membership;
  }

  /** An elder is visible to the members of their household and to the elder's own login. */
  async requireElder(principal: Principal, elderId: string, manager: EntityManager = this.dataSource.manager): Promise<ElderEntity> {
    const elder = await manager.getRepository(ElderEntity).findOneBy({ id: elderId });
    if (elder && (principal.elderId === elder.id || (await this.isMember(principal.userId, elder.householdId, manager)))) return elder;
    throw new DomainError(ErrorCode.ELDER_NOT_FOUND, '未找到该老人信息');
  }

  /** Family actions on an elder (edit, remove, order for them) need household membership. */
  async requireElderOfMyHousehold(userId: string, elderId: string, manager: EntityManager = this.dataSource.manager): Promise<ElderEntity> {
    const elder = await manager.getRepository(ElderEntity).findOneBy({ id: elderId });
    if (elder && (await this.isMember(userId, elder.householdId, manager))) return elder;
    throw new DomainError(ErrorCode.ELDER_NOT_FOUND, '未找到该老人信息');
  }

  /** For jobs the system makes on a family's behalf (meal delivery): no caller to check. */
  async elderForSystem(manager: EntityManager, elderId: string): Promise<ElderEntity> {
    return manager.getRepository(ElderEntity).findOneOrFail({ where: { id: elderId }, withDeleted: true });
  }

  async requireChild(userId: string, childId: string, manager: EntityManager = this.dataSource.manager): Promise<ChildEntity> {
    const child = await manager.getRepository(ChildEntity).findOneBy({ id: childId });
    if (child && (await this.isMember(userId, child.householdId, manager))) return child;
    throw new DomainError(ErrorCode.CHILD_NOT_FOUND, '未找到该孩子信息');
  }

  private async isMember(userId: string, householdId: string, manager: EntityManager): Promise<boolean> {
    return (await manager.getRepository(HouseholdMemberEntity).countBy({ userId, householdId })) > 0;
  }
}
