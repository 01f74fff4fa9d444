import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 "Trust II": a check-out far shorter than booked keeps the staff member's reason on the
 * service record (flagged at once for the operator); a statement keeps who generated it, so that
 * person (or anyone who adjusted it) cannot also approve it.
 */
export class TrustRules1764000016100 implements MigrationInterface {
  name = 'TrustRules1764000016100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE service_records ADD COLUMN short_reason varchar(200) NULL');
    await q.query('ALTER TABLE provider_statements ADD COLUMN generated_by char(36) NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE provider_statements DROP COLUMN generated_by');
    await q.query('ALTER TABLE service_records DROP COLUMN short_reason');
  }
}
