import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 时间银行 volunteers register their age (as a birth year, so it stays right over the years). */
export class VolunteerAge1764000007000 implements MigrationInterface {
  name = 'VolunteerAge1764000007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE provider_staff ADD COLUMN birth_year smallint NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE provider_staff DROP COLUMN birth_year');
  }
}
