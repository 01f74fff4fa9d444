import { ABILITY_GRADE_LABELS, assessAbility, ErrorCode, GRADE_RULE_LABELS, OutboxEvent, Role, shanghaiDate, type AbilityGrade, type AssessmentDiagnosis, type AssessmentView, type CareRiskEvent, type GradeRule } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { calendarDay } from '../common/typeorm.js';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { ElderEntity } from '../households/entities/elder.entity.js';
import { HouseholdAccess } from '../households/household-access.service.js';
import { RegionsService } from '../regions/regions.service.js';
import type { AssessmentDto } from './dto/care.dto.js';
import { AuditService } from '../regulation/audit.service.js';
import { OperatorScope } from '../regulation/operator-scope.service.js';
import { OutboxService } from '../outbox/outbox.service.js';

/** 老年人能力评估 (GB/T 42195-2022): the grade is data the subsidy table, service rules and dispatch read. */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: HouseholdAccess,
    private readonly regions: RegionsService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly scope: OperatorScope,
    private readonly outbox: OutboxService,
  ) {}

  async record(principal: Principal, elderId: string, dto: AssessmentDto): Promise<AssessmentView> {
    const elder = await this.dataSource.getRepository(ElderEntity).findOneBy({ id: elderId });
    if (!elder) throw new DomainError(ErrorCode.ELDER_NOT_FOUND, '未找到该老人信息');
    // Plain facts as stored (no class instances, no empty optional fields).
    const diagnoses: AssessmentDiagnosis[] = (dto.diagnoses ?? []).map((d) => ({
      kind: d.kind,
      ...(d.name?.trim() ? { name: d.name.trim() } : {}),
      ...(d.byPsychiatrist !== undefined ? { byPsychiatrist: d.byPsychiatrist } : {}),
      ...(d.diagnosedOn ? { diagnosedOn: d.diagnosedOn } : {}),
    }));
    const riskEvents: CareRiskEvent[] = (dto.riskEvents ?? []).map((e) => ({ type: e.type, date: e.date, ...(e.note?.trim() ? { note: e.note.trim() } : {}) }));
    const coma = dto.coma === true;
    // GB/T 42195-2022: item ranges (附录B), the raw total's grade and the C.4 rules for the final grade.
    const scored = assessAbility({ assessedOn: dto.assessedOn, items: dto.items, coma, diagnoses, riskEvents });
    if ('errors' in scored) throw new DomainError(ErrorCode.VALIDATION_FAILED, `${scored.errors[0].field}: ${scored.errors[0].message}`, { fields: scored.errors });
    const today = shanghaiDate(this.clock.now());
    if (dto.assessedOn > today) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'assessedOn: 评估日期不能晚于今天', { fields: [{ field: 'assessedOn', message: '不能晚于今天' }] });
    const policy = elder.regionId ? await this.regions.policyInForce(elder.regionId, 'assessment', this.clock.now()) : null;
    const months = (policy?.rules as { validityMonths?: number } | undefined)?.validityMonths ?? 12;
    const validUntil = addMonths(dto.assessedOn, months);
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO elder_assessments (id, elder_id, assessor_id, assessed_on, items, domain_scores, total, raw_grade, grade, coma, diagnoses, risk_events, grade_rules, valid_until)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [id, elderId, principal.userId, dto.assessedOn, JSON.stringify(dto.items), JSON.stringify(scored.domains), scored.total, scored.rawGrade, scored.grade, coma, JSON.stringify(diagnoses), JSON.stringify(riskEvents), JSON.stringify(scored.rules), validUntil],
      );
      // The latest assessment is the elder's grade until it runs out.
      const [latest] = await m.query('SELECT grade, valid_until FROM elder_assessments WHERE elder_id = ? ORDER BY assessed_on DESC, created_at DESC LIMIT 1', [elderId]);
      await m.getRepository(ElderEntity).update({ id: elderId }, { abilityGrade: latest.grade, assessmentValidUntil: calendarDay(latest.valid_until) });
      await this.audit.record(principal.userId, 'assessment_record', 'elder', elderId, m);
    });
    return (await this.list(principal, elderId))[0];
  }

  async list(principal: Principal, elderId: string): Promise<AssessmentView[]> {
    // The family (or the elder) sees their own; an operator only elders of their regions.
    const family = await this.access.requireElder(principal, elderId).then(() => true, () => false);
    if (!family) {
      if (!principal.roles.includes(Role.OPERATOR)) throw new DomainError(ErrorCode.ELDER_NOT_FOUND, '未找到该老人信息');
      await this.scope.requireRecord(principal.userId, 'elders', elderId, new DomainError(ErrorCode.ELDER_NOT_FOUND, '未找到该老人信息'));
    }
    const rows: {
      id: string; elder_id: string; assessed_on: string | Date; nickname: string | null; domain_scores: string | AssessmentView['domains']; total: number; raw_grade: AbilityGrade; grade: AbilityGrade;
      coma: number; diagnoses: string | AssessmentDiagnosis[] | null; risk_events: string | CareRiskEvent[] | null; grade_rules: string | GradeRule[] | null; valid_until: string | Date;
    }[] =
      await this.dataSource.query(
        'SELECT a.*, u.nickname FROM elder_assessments a LEFT JOIN users u ON u.id = a.assessor_id WHERE a.elder_id = ? ORDER BY a.assessed_on DESC, a.created_at DESC',
        [elderId],
      );
    return rows.map((r) => ({
      id: r.id, elderId: r.elder_id, assessedOn: calendarDay(r.assessed_on), assessorName: r.nickname ?? '', domains: json(r.domain_scores) ?? [],
      total: r.total, rawGrade: r.raw_grade, rawGradeLabel: ABILITY_GRADE_LABELS[r.raw_grade], grade: r.grade, gradeLabel: ABILITY_GRADE_LABELS[r.grade],
      gradeRules: (json(r.grade_rules) ?? []).map((code) => ({ code, label: GRADE_RULE_LABELS[code] })),
      coma: Boolean(r.coma), diagnoses: json(r.diagnoses) ?? [], riskEvents: json(r.risk_events) ?? [], validUntil: calendarDay(r.valid_until),
    }));
  }

  /**
   * A reminder to the family (once per grade) when an assessment runs out within the region's
   * reminder period; the operators see the same elders on their worklist.
   */
  async remindExpiring(): Promise<number> {
    const today = shanghaiDate(this.clock.now());
    const rows: { id: string; name: string; household_id: string; region_id: string | null; valid_until: string | Date }[] = await this.dataSource.query(
      `SELECT id, name, household_id, region_id, assessment_valid_until AS valid_until FROM elders WHERE deleted_at IS NULL AND assessment_valid_until >= ?`,
      [today],
    );
    let reminded = 0;
    const reminderDaysByRegion = new Map<string | null, number>();
    for (const r of rows) {
      let days = reminderDaysByRegion.get(r.region_id);
      if (days === undefined) {
        const policy = r.region_id ? await this.regions.policyInForce(r.region_id, 'assessment', this.clock.now()) : null;
        days = (policy?.rules as { reminderDays?: number } | undefined)?.reminderDays ?? 30;
        reminderDaysByRegion.set(r.region_id, days);
      }
      const validUntil = calendarDay(r.valid_until);
      const remindFrom = new Date(Date.parse(`${validUntil}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
      if (today < remindFrom) continue;
      // One reminder per assessment: the outbox row's key is the elder and the date it runs out.
      const [exists] = await this.dataSource.query(`SELECT id FROM outbox WHERE event = 'assessment.expiring' AND aggregate_id = ? AND JSON_VALUE(payload, '$.validUntil') = ?`, [r.id, validUntil]);
      if (exists) continue;
      await this.outbox.add(this.dataSource.manager, OutboxEvent.ASSESSMENT_EXPIRING, r.id, { elderId: r.id, elderName: r.name, householdId: r.household_id, validUntil });
      reminded++;
    }
    if (reminded) await this.outbox.kick();
    return reminded;
  }

  /** 应评尽评 worklist: elders whose grade runs out within `days`, and 80+ never assessed. */
  async worklist(principal: Principal, days = 30): Promise<{ elderId: string; name: string; reason: string; validUntil: string | null }[]> {
    const regions = await this.scope.regionIds(principal.userId);
    if (regions.length === 0) return [];
    const today = shanghaiDate(this.clock.now());
    const soon = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const rows: { id: string; name: string; birth_date: string | Date; assessment_valid_until: string | Date | null }[] = await this.dataSource.query(
      `SELECT id, name, birth_date, assessment_valid_until FROM elders
        WHERE deleted_at IS NULL AND (assessment_valid_until IS NULL OR assessment_valid_until <= ?) AND region_id IN (${regions.map(() => '?').join(',')})`,
      [soon, ...regions],
    );
    return rows
      .map((r) => {
        const valid = r.assessment_valid_until ? calendarDay(r.assessment_valid_until) : null;
        const age = Number(today.slice(0, 4)) - Number(calendarDay(r.birth_date).slice(0, 4));
        const reason = valid ? (valid < today ? '评估已过期' : `评估将于 ${valid} 到期`) : age >= 80 ? '80 岁以上尚未评估' : '';
        return { elderId: r.id, name: r.name, reason, validUntil: valid };
      })
      .filter((r) => r.reason);
  }
}

/** A JSON column as mysql2 returns it (parsed on MySQL, a string on MariaDB). */
function json<T>(v: string | T | null): T | null {
  return typeof v === 'string' ? (JSON.parse(v) as T) : v;
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}
