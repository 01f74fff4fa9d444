import { ageInYears, ErrorCode, OutboxEvent, shanghaiDate, SUBSIDY_CATEGORY_LABELS, type EligibilityItemView, type EligibilityStatusView, type SubsidyCategory } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { calendarDay } from '../common/typeorm.js';
import { ElderEntity } from '../households/entities/elder.entity.js';
import { HouseholdAccess } from '../households/household-access.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { RegionsService } from '../regions/regions.service.js';
import { AuditService } from './audit.service.js';
import { OperatorScope } from './operator-scope.service.js';

/** Families declare a subsidy category with evidence; an operator verifies it (until a date) or rejects it. */
@Injectable()
export class EligibilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: HouseholdAccess,
    private readonly scope: OperatorScope,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly regions: RegionsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Daily: the family hears once, `reminderDays` before a verified category runs out (policy
   * `eligibility`, default 30), so they can re-declare and the 街道 re-check it in time.
   */
  async remindExpiring(): Promise<number> {
    const today = shanghaiDate(this.clock.now());
    const rows: { id: string; name: string; household_id: string; region_id: string | null; subsidy_category: SubsidyCategory; valid_until: string | Date }[] = await this.dataSource.query(
      `SELECT id, name, household_id, region_id, subsidy_category, subsidy_valid_until AS valid_until FROM elders
        WHERE deleted_at IS NULL AND subsidy_verification = 'verified' AND subsidy_valid_until >= ?`,
      [today],
    );
    const reminderDays = new Map<string | null, number>();
    let reminded = 0;
    for (const r of rows) {
      if (!reminderDays.has(r.region_id)) {
        const policy = r.region_id ? await this.regions.policyInForce(r.region_id, 'eligibility', this.clock.now()) : null;
        reminderDays.set(r.region_id, (policy?.rules as { reminderDays?: number } | undefined)?.reminderDays ?? 30);
      }
      const validUntil = calendarDay(r.valid_until);
      const remindFrom = new Date(Date.parse(`${validUntil}T00:00:00Z`) - reminderDays.get(r.region_id)! * 86_400_000).toISOString().slice(0, 10);
      if (today < remindFrom) continue;
      const [sent] = await this.dataSource.query(`SELECT id FROM outbox WHERE event = ? AND aggregate_id = ? AND JSON_VALUE(payload, '$.validUntil') = ?`, [OutboxEvent.ELIGIBILITY_EXPIRING, r.id, validUntil]);
      if (sent) continue;
      await this.outbox.add(this.dataSource.manager, OutboxEvent.ELIGIBILITY_EXPIRING, r.id, {
        elderId: r.id, elderName: r.name, householdId: r.household_id, validUntil, category: r.subsidy_category, categoryLabel: SUBSIDY_CATEGORY_LABELS[r.subsidy_category],
      });
      reminded++;
    }
    if (reminded) await this.outbox.kick();
    return reminded;
  }

  async declare(principal: Principal, elderId: string, category: SubsidyCategory, evidenceNote: string): Promise<EligibilityItemView> {
    await this.access.requireElderOfMyHousehold(principal.userId, elderId);
    await this.dataSource.getRepository(ElderEntity).update({ id: elderId }, {
      subsidyCategory: category, subsidyVerification: 'unverified', subsidyValidUntil: null, eligibilityEvidence: evidenceNote, eligibilityDeclaredAt: this.clock.now(), eligibilityNote: null,
    });
    return this.item(elderId);
  }

  /** The family's view: the declaration, the 街道's decision and its note. */
  async status(principal: Principal, elderId: string): Promise<EligibilityStatusView> {
    const elder = await this.access.requireElderOfMyHousehold(principal.userId, elderId);
    return {
      elderId: elder.id, category: elder.subsidyCategory, verification: elder.subsidyVerification, validUntil: elder.subsidyValidUntil ?? null,
      evidenceNote: elder.eligibilityEvidence ?? null, decisionNote: elder.eligibilityNote ?? null, declaredAt: elder.eligibilityDeclaredAt ? elder.eligibilityDeclaredAt.toISOString() : null,
    };
  }

  async queue(principal: Principal, status: string): Promise<EligibilityItemView[]> {
    const regions = await this.scope.regionIds(principal.userId);
    if (regions.length === 0) return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM elders WHERE deleted_at IS NULL AND subsidy_category <> 'none' AND subsidy_verification = ? AND region_id IN (${regions.map(() => '?').join(',')})
        ORDER BY COALESCE(eligibility_declared_at, created_at)`,
      [status, ...regions],
    );
    return Promise.all(rows.map((r) => this.item(r.id)));
  }

  async verify(principal: Principal, elderId: string, decision: 'verified' | 'rejected', validUntil: string | undefined, note: string | undefined): Promise<EligibilityItemView> {
    const elder = await this.dataSource.getRepository(ElderEntity).findOneBy({ id: elderId });
    if (!elder || !elder.regionId || !(await this.scope.regionIds(principal.userId)).includes(elder.regionId)) throw new DomainError(ErrorCode.ELDER_NOT_FOUND, '未找到该老人，或不在您负责的地区');
    if (decision === 'verified') {
      const today = shanghaiDate(this.clock.now());
      if (!validUntil || validUntil <= today) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'validUntil: 核验通过需要填写晚于今天的有效期', { fields: [{ field: 'validUntil', message: '请填写晚于今天的有效期' }] });
    }
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(ElderEntity).update({ id: elderId }, { subsidyVerification: decision, subsidyValidUntil: decision === 'verified' ? validUntil! : null, eligibilityNote: note ?? null });
      await this.audit.record(principal.userId, `eligibility_${decision}`, 'elder', elderId, m);
    });
    return this.item(elderId);
  }

  private async item(elderId: string): Promise<EligibilityItemView> {
    const [row] = await this.dataSource.query(
      `SELECT e.id, e.name, e.birth_date, e.subsidy_category, e.subsidy_verification, e.subsidy_valid_until, e.eligibility_evidence, e.eligibility_declared_at, e.created_at,
              r.name AS community, h.name AS household
         FROM elders e JOIN households h ON h.id = e.household_id LEFT JOIN regions r ON r.id = e.region_id WHERE e.id = ?`,
      [elderId],
    );
    const day = (v: string | Date | null) => (v === null ? null : calendarDay(v));
    const today = shanghaiDate(this.clock.now());
    return {
      elderId: row.id, elderName: row.name, age: ageInYears(day(row.birth_date)!, today), communityName: row.community, householdName: row.household,
      declaredCategory: row.subsidy_category, verification: row.subsidy_verification, validUntil: day(row.subsidy_valid_until), evidenceNote: row.eligibility_evidence,
      declaredAt: new Date(row.eligibility_declared_at ?? row.created_at).toISOString(),
    };
  }
}
