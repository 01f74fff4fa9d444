import { ErrorCode } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import type { ElderRegistrationConflictResponse } from './dto/registration-conflict.dto.js';
import { ElderEntity } from './entities/elder.entity.js';
import { HouseholdMemberEntity } from './entities/household-member.entity.js';
import { HouseholdEntity } from './entities/household.entity.js';

/**
 * The same said to every family whose elder another household already registered: neither that
 * the person is registered, nor where, nor by whom (that would tell anyone holding an ID number
 * whether and where someone is cared for). The operators see the conflict instead.
 */
const UNDER_REVIEW = '这位老人的登记需要所在街道核实，工作人员核实后会与您联系；如有疑问请联系所在街道';

interface ConflictRow {
  id: string;
  status: string;
  attempts: number;
  created_at: Date;
  last_attempt_at: Date;
  submitted_name: string;
  region_id: string | null;
  household_id: string;
  household_name: string;
  requested_by: string;
  requested_by_nickname: string | null;
  existing_elder_id: string;
  existing_elder_name: string | null;
  existing_household_id: string | null;
  existing_household_name: string | null;
  existing_region_id: string | null;
}

@Injectable()
export class RegistrationConflicts {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The refusal for an ID number already in use. A duplicate inside a household the caller belongs
   * to is named plainly; any other is recorded for the operators and answered with the neutral message.
   */
  async refusal(userId: string, householdId: string, idNumberHash: string, submitted: { name: string; regionId: string | null }): Promise<DomainError> {
    const existing = await this.dataSource.getRepository(ElderEntity).findOne({ where: { idNumberHash }, select: { id: true, householdId: true } });
    if (existing && (await this.dataSource.getRepository(HouseholdMemberEntity).countBy({ userId, householdId: existing.householdId })) > 0) {
      const where = existing.householdId === householdId ? '本家庭' : '您所在的另一个家庭';
      return new DomainError(ErrorCode.ELDER_ID_NUMBER_TAKEN, `这位老人已在${where}登记，无需重复添加`, {
        fields: [{ field: 'idNumber', message: `已在${where}登记` }],
      });
    }
    if (existing) {
      const household = await this.dataSource.getRepository(HouseholdEntity).findOneByOrFail({ id: householdId });
      await this.dataSource.query(
        `INSERT INTO elder_registration_conflicts (id, household_id, requested_by, existing_elder_id, submitted_name, region_id)
         VALUES (?, ?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE attempts = attempts + 1, last_attempt_at = CURRENT_TIMESTAMP(3), requested_by = VALUES(requested_by), submitted_name = VALUES(submitted_name)`,
        [randomUUID(), householdId, userId, existing.id, submitted.name, submitted.regionId ?? household.regionId],
      );
    }
    return new DomainError(ErrorCode.ELDER_REGISTRATION_REVIEW, UNDER_REVIEW);
  }

  /** Conflicts where either the new registration or the elder already registered is in one of `regionIds`. */
  async inRegions(regionIds: string[]): Promise<ElderRegistrationConflictResponse[]> {
    if (regionIds.length === 0) return [];
    const rows: ConflictRow[] = await this.dataSource.query(
      `SELECT c.id, c.status, c.attempts, c.created_at, c.last_attempt_at, c.submitted_name, c.region_id,
              c.household_id, h.name AS household_name, c.requested_by, u.nickname AS requested_by_nickname,
              c.existing_elder_id, e.name AS existing_elder_name, e.household_id AS existing_household_id,
              eh.name AS existing_household_name, e.region_id AS existing_region_id
         FROM elder_registration_conflicts c
         JOIN households h ON h.id = c.household_id
         LEFT JOIN users u ON u.id = c.requested_by
         LEFT JOIN elders e ON e.id = c.existing_elder_id
         LEFT JOIN households eh ON eh.id = e.household_id
        WHERE c.region_id IN (?) OR e.region_id IN (?)
        ORDER BY c.last_attempt_at DESC
        LIMIT 200`,
      [regionIds, regionIds],
    );
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      attempts: Number(r.attempts),
      createdAt: new Date(r.created_at).toISOString(),
      lastAttemptAt: new Date(r.last_attempt_at).toISOString(),
      requested: { householdId: r.household_id, householdName: r.household_name, regionId: r.region_id, elderName: r.submitted_name, byUserId: r.requested_by, byNickname: r.requested_by_nickname ?? '' },
      existing: { elderId: r.existing_elder_id, elderName: r.existing_elder_name ?? '', householdId: r.existing_household_id, householdName: r.existing_household_name ?? '', regionId: r.existing_region_id },
    }));
  }
}
