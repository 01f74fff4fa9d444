import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 "Trust II", periods and lifecycles: a childcare settlement is recorded per region and
 * month (who settled it, when) so a month is settled once; an SOS keeps how it ended; a proxy
 * order keeps the elder's confirmation settings in force when it was placed.
 */
export class PeriodsAndLifecycles1764000017100 implements MigrationInterface {
  name = 'PeriodsAndLifecycles1764000017100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE childcare_settlements (
      region_id char(36) NOT NULL,
      month char(7) NOT NULL,
      settled_by char(36) NOT NULL,
      settled_at datetime(3) NOT NULL,
      children int NOT NULL,
      total_fen int NOT NULL,
      PRIMARY KEY (region_id, month)
    )`);
    await q.query('ALTER TABLE sos_calls ADD COLUMN outcome varchar(12) NULL, ADD COLUMN closed_at datetime(3) NULL');
    await q.query('ALTER TABLE orders ADD COLUMN confirm_timeout_minutes int NULL, ADD COLUMN on_confirm_timeout varchar(8) NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE orders DROP COLUMN on_confirm_timeout, DROP COLUMN confirm_timeout_minutes');
    await q.query('ALTER TABLE sos_calls DROP COLUMN closed_at, DROP COLUMN outcome');
    await q.query('DROP TABLE childcare_settlements');
  }
}
