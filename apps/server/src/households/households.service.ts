import { ErrorCode, HouseholdMemberRole, OutboxEvent } from '@carecircle/shared';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { UserEntity } from '../auth/entities/user.entity.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { oneTimeCode } from '../common/one-time-code.js';
import { appConfig, type AppConfig } from '../config/configuration.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { RegionsService } from '../regions/regions.service.js';
import type { CreateHouseholdDto, HouseholdResponse, HouseholdSummaryResponse, InviteResponse } from './dto/household.dto.js';
import { ChildEntity } from './entities/child.entity.js';
import { ElderEntity } from './entities/elder.entity.js';
import { HouseholdInviteEntity } from './entities/household-invite.entity.js';
import { HouseholdMemberEntity } from './entities/household-member.entity.js';
import { HouseholdEntity } from './entities/household.entity.js';
import { HouseholdAccess } from './household-access.service.js';
import { PersonalDataMapper } from './personal-data.mapper.js';

@Injectable()
export class HouseholdsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: HouseholdAccess,
    private readonly regions: RegionsService,
    private readonly outbox: OutboxService,
    private readonly mapper: PersonalDataMapper,
    private readonly clock: Clock,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  async listMine(userId: string): Promise<HouseholdSummaryResponse[]> {
    const memberships = await this.dataSource.getRepository(HouseholdMemberEntity).find({ where: { userId }, order: { joinedAt: 'ASC' } });
    if (memberships.length === 0) return [];
    const ids = memberships.map((m) => m.householdId);
    const households = await this.dataSource.getRepository(HouseholdEntity).findBy({ id: In(ids) });
    const elderCounts = await this.countBy(ElderEntity, ids);
    const childCounts = await this.countBy(ChildEntity, ids);
    const byId = new Map(households.map((h) => [h.id, h]));
    return memberships.map((m) => {
      const h = byId.get(m.householdId)!;
      return { id: h.id, name: h.name, regionId: h.regionId, myRole: m.role, elderCount: elderCounts.get(h.id) ?? 0, childCount: childCounts.get(h.id) ?? 0 };
    });
  }

  async create(userId: string, dto: CreateHouseholdDto): Promise<HouseholdResponse> {
    if (dto.regionId) await this.regions.requireRegion(dto.regionId);
    const id = await this.dataSource.transaction(async (manager) => {
      const household = await manager.getRepository(HouseholdEntity).save({ name: dto.name, regionId: dto.regionId ?? null, createdBy: userId });
      await manager.getRepository(HouseholdMemberEntity).insert({ householdId: household.id, userId, role: HouseholdMemberRole.OWNER });
      return household.id;
    });
    return this.get(userId, id);
  }

  async get(userId: string, householdId: string): Promise<HouseholdResponse> {
    const membership = await this.access.requireMember(userId, householdId);
    const household = await this.dataSource.getRepository(HouseholdEntity).findOneByOrFail({ id: householdId });
    const members = await this.dataSource.getRepository(HouseholdMemberEntity).find({ where: { householdId }, order: { joinedAt: 'ASC' } });
    const users = await this.dataSource.getRepository(UserEntity).findBy({ id: In(members.map((m) => m.userId)) });
    const nicknames = new Map(users.map((u) => [u.id, u.nickname]));
    const elders = await this.dataSource.getRepository(ElderEntity).find({ where: { householdId }, order: { createdAt: 'ASC' } });
    const children = await this.dataSource.getRepository(ChildEntity).find({ where: { householdId }, order: { createdAt: 'ASC' } });
    return {
      id: household.id,
      name: household.name,
      regionId: household.regionId,
      myRole: membership.role,
      members: members.map((m) => ({ userId: m.userId, nickname: nicknames.get(m.userId) ?? '', role: m.role, joinedAt: m.joinedAt.toISOString() })),
      elders: elders.map((e) => this.mapper.elderListItem(e)),
      children: children.map((c) => this.mapper.child(c)),
    };
  }

  async createInvite(userId: string, householdId: string): Promise<InviteResponse> {
    await this.access.requireMember(userId, householdId);
    const expiresAt = new Date(this.clock.now().getTime() + this.config.inviteTtlSeconds * 1000);
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = oneTimeCode();
      const inserted = await this.dataSource.getRepository(HouseholdInviteEntity).createQueryBuilder().insert().orIgnore()
        .values({ householdId, code, createdBy: userId, expiresAt, usedBy: null, usedAt: null }).execute();
      if (inserted.raw.affectedRows === 1) return { code, expiresAt: expiresAt.toISOString() };
    }
    throw new Error('could not find a free invite code after 5 attempts');
  }

  /** Redeems a one-time invite: the invite row is locked so two people cannot use the same code. */
  async join(userId: string, code: string): Promise<HouseholdResponse> {
    const householdId = await this.dataSource.transaction(async (manager) => {
      const invite = await manager.getRepository(HouseholdInviteEntity).findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!invite) throw new DomainError(ErrorCode.INVITE_INVALID, '邀请码不存在，请核对后再输入');
      if (invite.usedAt) throw new DomainError(ErrorCode.INVITE_INVALID, '该邀请码已被使用，请让家人重新生成');
      if (invite.expiresAt <= this.clock.now()) throw new DomainError(ErrorCode.INVITE_EXPIRED, '邀请码已过期，请让家人重新生成');
      const already = await manager.getRepository(HouseholdMemberEntity).countBy({ householdId: invite.householdId, userId });
      if (already) throw new DomainError(ErrorCode.HOUSEHOLD_ALREADY_MEMBER, '您已经是该家庭的成员');
      await manager.getRepository(HouseholdMemberEntity).insert({ householdId: invite.householdId, userId, role: HouseholdMemberRole.MEMBER });
      await manager.getRepository(HouseholdInviteEntity).update({ id: invite.id }, { usedBy: userId, usedAt: this.clock.now() });
      await this.outbox.add(manager, OutboxEvent.HOUSEHOLD_MEMBER_JOINED, invite.householdId, { householdId: invite.householdId, userId, invitedBy: invite.createdBy });
      return invite.householdId;
    });
    await this.outbox.kick();
    return this.get(userId, householdId);
  }

  private async countBy(entity: typeof ElderEntity | typeof ChildEntity, householdIds: string[]): Promise<Map<string, number>> {
    const rows: { householdId: string; count: string }[] = await this.dataSource.getRepository(entity).createQueryBuilder('x')
      .select('x.household_id', 'householdId').addSelect('COUNT(*)', 'count')
      .where('x.household_id IN (:...ids)', { ids: householdIds }).groupBy('x.household_id').getRawMany();
    return new Map(rows.map((r) => [r.householdId, Number(r.count)]));
  }
}
