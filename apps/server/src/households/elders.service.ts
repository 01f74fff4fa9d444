import { ageInYears, birthDateFromIdNumber, DEFAULT_ELDER_MIN_AGE, ELDER_RULES_POLICY, ErrorCode, idNumberProblem, isWithinChina, OutboxEvent, shanghaiDate, SubsidyVerification, type ElderRules } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { FieldCipher } from '../common/crypto/field-cipher.js';
import { DomainError } from '../common/errors/domain-error.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { RegionsService } from '../regions/regions.service.js';
import { AuditService } from '../regulation/audit.service.js';
import type { CreateElderDto, ElderResponse, GeoPointDto, UpdateElderDto } from './dto/elder.dto.js';
import { ElderEntity } from './entities/elder.entity.js';
import { HouseholdAccess } from './household-access.service.js';
import { PersonalDataMapper } from './personal-data.mapper.js';
import { RegistrationConflicts } from './registration-conflicts.service.js';

@Injectable()
export class EldersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: HouseholdAccess,
    private readonly regions: RegionsService,
    private readonly outbox: OutboxService,
    private readonly cipher: FieldCipher,
    private readonly mapper: PersonalDataMapper,
    private readonly audit: AuditService,
    private readonly conflicts: RegistrationConflicts,
    private readonly clock: Clock,
  ) {}

  async add(userId: string, householdId: string, dto: CreateElderDto): Promise<ElderResponse> {
    await this.access.requireMember(userId, householdId);
    assertInChina(dto.location);
    if (dto.regionId) await this.regions.requireRegion(dto.regionId);
    const identity = await this.identityFrom(dto.idNumber, dto.regionId ?? null);
    const id = await this.uniqueIdNumber(userId, householdId, identity.idNumberHash, { name: dto.name, regionId: dto.regionId ?? null }, () =>
      this.dataSource.transaction(async (manager) => {
        const elder = await manager.getRepository(ElderEntity).save({
          householdId,
          name: dto.name,
          ...identity,
          phoneEnc: this.cipher.encryptNullable(dto.phone),
          address: dto.address,
          lat: dto.location.lat,
          lng: dto.location.lng,
          regionId: dto.regionId ?? null,
          emergencyContactsEnc: this.cipher.encrypt(JSON.stringify(dto.emergencyContacts)),
          healthNotesEnc: this.cipher.encryptNullable(dto.healthNotes),
          dietaryNeeds: dto.dietaryNeeds,
          livingSituation: dto.livingSituation,
          subsidyCategory: dto.subsidyCategory,
          subsidyVerification: SubsidyVerification.UNVERIFIED,
          createdBy: userId,
        });
        await this.outbox.add(manager, OutboxEvent.ELDER_ADDED, elder.id, { householdId, elderId: elder.id, elderName: elder.name, addedBy: userId });
        return elder.id;
      }),
    );
    await this.outbox.kick();
    return this.mapper.elder(await this.dataSource.getRepository(ElderEntity).findOneByOrFail({ id }));
  }

  /** Reading an elder's full record (ID, health, phone) is logged (PIPL). */
  async get(principal: Principal, elderId: string): Promise<ElderResponse> {
    const elder = await this.access.requireElder(principal, elderId);
    await this.audit.record(principal.userId, 'view', 'elder', elder.id);
    return this.mapper.elder(elder);
  }

  async update(userId: string, elderId: string, dto: UpdateElderDto): Promise<ElderResponse> {
    const elder = await this.access.requireElderOfMyHousehold(userId, elderId);
    if (dto.location) assertInChina(dto.location);
    if (dto.regionId) await this.regions.requireRegion(dto.regionId);
    const changes: Partial<ElderEntity> = {};
    if (dto.name !== undefined) changes.name = dto.name;
    if (dto.idNumber !== undefined) Object.assign(changes, await this.identityFrom(dto.idNumber, dto.regionId ?? elder.regionId));
    if (dto.phone !== undefined) changes.phoneEnc = this.cipher.encryptNullable(dto.phone);
    if (dto.address !== undefined) changes.address = dto.address;
    if (dto.location !== undefined) Object.assign(changes, { lat: dto.location.lat, lng: dto.location.lng });
    if (dto.regionId !== undefined) changes.regionId = dto.regionId ?? null;
    if (dto.emergencyContacts !== undefined) changes.emergencyContactsEnc = this.cipher.encrypt(JSON.stringify(dto.emergencyContacts));
    if (dto.healthNotes !== undefined) changes.healthNotesEnc = this.cipher.encryptNullable(dto.healthNotes);
    if (dto.dietaryNeeds !== undefined) changes.dietaryNeeds = dto.dietaryNeeds;
    if (dto.livingSituation !== undefined) changes.livingSituation = dto.livingSituation;
    if (dto.subsidyCategory !== undefined && dto.subsidyCategory !== elder.subsidyCategory) {
      // A newly declared category must be verified again before any subsidy applies.
      changes.subsidyCategory = dto.subsidyCategory;
      changes.subsidyVerification = SubsidyVerification.UNVERIFIED;
    }
    if (Object.keys(changes).length > 0) {
      await this.uniqueIdNumber(userId, elder.householdId, changes.idNumberHash, { name: changes.name ?? elder.name, regionId: changes.regionId ?? elder.regionId }, () =>
        this.dataSource.getRepository(ElderEntity).update({ id: elder.id }, changes),
      );
    }
    return this.mapper.elder(await this.dataSource.getRepository(ElderEntity).findOneByOrFail({ id: elder.id }));
  }

  /** Soft delete: past orders keep pointing at the elder; the ID number can be added again. */
  async remove(userId: string, elderId: string): Promise<void> {
    const elder = await this.access.requireElderOfMyHousehold(userId, elderId);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(ElderEntity).update({ id: elder.id }, { idNumberHash: null });
      await manager.getRepository(ElderEntity).softDelete({ id: elder.id });
    });
  }

  /**
   * The ID number's birth date may not lie after today (GB 11643 allows any valid date; the
   * validator has no clock), and the elder must have reached the region's minimum age
   * (policy `elder_rules`, 60 周岁 without one).
   */
  private async identityFrom(idNumber: string, regionId: string | null) {
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const refuse = (message: string, details: Record<string, unknown> = {}) =>
      new DomainError(ErrorCode.VALIDATION_FAILED, `idNumber: ${message}`, { fields: [{ field: 'idNumber', message }], ...details });
    const problem = idNumberProblem(idNumber, today);
    if (problem) throw refuse(problem);
    const birthDate = birthDateFromIdNumber(idNumber)!;
    const rules = regionId ? ((await this.regions.policyInForce(regionId, ELDER_RULES_POLICY, now))?.rules as ElderRules | undefined) : undefined;
    const minAge = rules?.minAge ?? DEFAULT_ELDER_MIN_AGE;
    const age = ageInYears(birthDate, today);
    if (age < minAge) {
      throw refuse(`老人需年满 ${minAge} 周岁（${rules?.minAge ? '本地区政策「老人登记规则」' : '默认规则'}），身份证号显示现在 ${age} 周岁，不能登记为老人`, {
        rule: { kind: ELDER_RULES_POLICY, minAge, age },
      });
    }
    // The 17th character of a resident ID number is odd for men and even for women.
    const gender: 'male' | 'female' = Number(idNumber[16]) % 2 === 1 ? 'male' : 'female';
    return { idNumberEnc: this.cipher.encrypt(idNumber), idNumberHash: this.cipher.blindIndex(idNumber), birthDate, gender };
  }

  /** An ID number already registered is refused through RegistrationConflicts, which decides what the caller may learn. */
  private async uniqueIdNumber<T>(userId: string, householdId: string, idNumberHash: string | null | undefined, submitted: { name: string; regionId: string | null }, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if ((err as { code?: string }).code !== 'ER_DUP_ENTRY' || !idNumberHash) throw err;
      throw await this.conflicts.refusal(userId, householdId, idNumberHash, submitted);
    }
  }
}

function assertInChina(location: GeoPointDto): void {
  if (!isWithinChina(location)) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'location: 位置不在中国境内，请检查经纬度是否填反', {
      fields: [{ field: 'location', message: '位置不在中国境内，请检查经纬度是否填反' }],
    });
  }
}
