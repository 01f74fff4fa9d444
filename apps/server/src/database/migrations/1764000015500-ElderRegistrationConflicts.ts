import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A family adding an elder whose ID number another household already registered: the family is
 * told only that the 街道 will check it; the operators of either elder's region see this row.
 */
export class ElderRegistrationConflicts1764000015500 implements MigrationInterface {
  name = 'ElderRegistrationConflicts1764000015500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE elder_registration_conflicts (
      id char(36) NOT NULL PRIMARY KEY,
      household_id char(36) NOT NULL,
      requested_by char(36) NOT NULL,
      existing_elder_id char(36) NOT NULL,
      submitted_name varchar(40) NOT NULL,
      region_id char(36) NULL,
      status varchar(16) NOT NULL DEFAULT 'open',
      attempts int NOT NULL DEFAULT 1,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      last_attempt_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_elder_conflicts_household_elder (household_id, existing_elder_id),
      KEY idx_elder_conflicts_region (region_id),
      KEY idx_elder_conflicts_existing (existing_elder_id),
      CONSTRAINT fk_elder_conflicts_household FOREIGN KEY (household_id) REFERENCES households(id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE elder_registration_conflicts');
  }
}
