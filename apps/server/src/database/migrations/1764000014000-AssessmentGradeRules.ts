import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GB/T 42195-2022 附录C: an assessment keeps the grade by its raw total (C.3 初步等级) beside the
 * final grade (C.5, the `grade` column), the facts behind C.4 能力等级变更依据 (coma, diagnoses,
 * care-risk events with dates) and the rules that set the final grade. Earlier rows had no C.4
 * facts: their final grade was the grade by the total.
 */
export class AssessmentGradeRules1764000014000 implements MigrationInterface {
  name = 'AssessmentGradeRules1764000014000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE elder_assessments
      ADD COLUMN raw_grade varchar(12) NULL AFTER total,
      ADD COLUMN coma tinyint(1) NOT NULL DEFAULT 0 AFTER grade,
      ADD COLUMN diagnoses json NULL AFTER coma,
      ADD COLUMN risk_events json NULL AFTER diagnoses,
      ADD COLUMN grade_rules json NULL AFTER risk_events`);
    await q.query('UPDATE elder_assessments SET raw_grade = grade');
    await q.query('ALTER TABLE elder_assessments MODIFY raw_grade varchar(12) NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE elder_assessments DROP COLUMN raw_grade, DROP COLUMN coma, DROP COLUMN diagnoses, DROP COLUMN risk_events, DROP COLUMN grade_rules');
  }
}
