import { ageInMonths, CHILDCARE_MAX_AGE_MONTHS, ErrorCode, Role } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthService } from '../auth/auth.service.js';
import { FieldCipher } from '../common/crypto/field-cipher.js';
import { DomainError } from '../common/errors/domain-error.js';
import { onDuplicateKey } from '../common/typeorm.js';
import type { ChildResponse, CreateChildDto, UpdateChildDto } from './dto/elder.dto.js';
import { ChildEntity } from './entities/child.entity.js';
import { HouseholdAccess } from './household-access.service.js';
import { PersonalDataMapper } from './personal-data.mapper.js';

@Injectable()
export class ChildrenService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: HouseholdAccess,
    private readonly auth: AuthService,
    private readonly cipher: FieldCipher,
    private readonly mapper: PersonalDataMapper,
  ) {}

  async add(userId: string, householdId: string, dto: CreateChildDto): Promise<ChildResponse> {
    await this.access.requireMember(userId, householdId);
    this.assertUnderThree(dto.birthDate);
    const child = await this.uniqueIdNumber(() =>
      this.dataSource.getRepository(ChildEntity).save({
        householdId,
        name: dto.name,
        birthDate: dto.birthDate,
        idNumberEnc: this.cipher.encryptNullable(dto.idNumber),
        idNumberHash: dto.idNumber ? this.cipher.blindIndex(dto.idNumber) : null,
        createdBy: userId,
      }),
    );
    // Whoever adds a child under three is that child's guardian in the app (托育 booking).
    await this.auth.grantRole(userId, Role.GUARDIAN);
    return this.mapper.child(await this.dataSource.getRepository(ChildEntity).findOneByOrFail({ id: child.id }));
  }

  async get(userId: string, childId: string): Promise<ChildResponse> {
    return this.mapper.child(await this.access.requireChild(userId, childId));
  }

  async update(userId: string, childId: string, dto: UpdateChildDto): Promise<ChildResponse> {
    const child = await this.access.requireChild(userId, childId);
    const changes: Partial<ChildEntity> = {};
    if (dto.name !== undefined) changes.name = dto.name;
    if (dto.birthDate !== undefined) {
      this.assertUnderThree(dto.birthDate);
      changes.birthDate = dto.birthDate;
    }
    if (dto.idNumber !== undefined) {
      changes.idNumberEnc = this.cipher.encryptNullable(dto.idNumber);
      changes.idNumberHash = dto.idNumber ? this.cipher.blindIndex(dto.idNumber) : null;
    }
    if (Object.keys(changes).length > 0) {
      await this.uniqueIdNumber(() => this.dataSource.getRepository(ChildEntity).update({ id: child.id }, changes));
    }
    return this.mapper.child(await this.dataSource.getRepository(ChildEntity).findOneByOrFail({ id: child.id }));
  }

  async remove(userId: string, childId: string): Promise<void> {
    const child = await this.access.requireChild(userId, childId);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(ChildEntity).update({ id: child.id }, { idNumberHash: null });
      await manager.getRepository(ChildEntity).softDelete({ id: child.id });
    });
  }

  private assertUnderThree(birthDate: string): void {
    const today = this.mapper.today();
    if (birthDate > today) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'birthDate: 出生日期不能晚于今天', { fields: [{ field: 'birthDate', message: '出生日期不能晚于今天' }] });
    }
    if (ageInMonths(birthDate, today) >= CHILDCARE_MAX_AGE_MONTHS) {
      throw new DomainError(ErrorCode.CHILD_TOO_OLD, '托育服务面向 3 岁以下婴幼儿，该孩子已满 3 岁', {
        fields: [{ field: 'birthDate', message: '孩子已满 3 岁，不在托育服务范围内' }],
      });
    }
  }

  private uniqueIdNumber<T>(work: () => Promise<T>): Promise<T> {
    return onDuplicateKey(work, () =>
      new DomainError(ErrorCode.CONFLICT, '该身份证号的孩子已登记', { fields: [{ field: 'idNumber', message: '该身份证号已登记' }] }),
    );
  }

}
