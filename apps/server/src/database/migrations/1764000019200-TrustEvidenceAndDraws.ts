import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Trust II:
 * - 双随机 draws are commit–reveal: a draw is first `prepared` (server-made seed, its SHA-256 and the
 *   pools published), then `drawn` (seed revealed, result stored). Earlier draws are `drawn` and get
 *   the hash of their logged seed.
 * - Waitlist priority facts carry evidence and a verification: one row per declared fact; only
 *   verified facts score.
 * - The start month a family asked for and the one the place starts in, with the reason when they differ.
 * - The subsidy ledger records the entitlement units (uses or minutes) a grant consumed, so a
 *   基本养老服务清单 counted in times or minutes can be spent down like one counted in fen.
 */
export class TrustEvidenceAndDraws1764000019200 implements MigrationInterface {
  name = 'TrustEvidenceAndDraws1764000019200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inspection_draws
      ADD COLUMN status varchar(10) NOT NULL DEFAULT 'drawn' AFTER provider_kind,
      ADD COLUMN seed_hash char(64) NULL AFTER seed,
      ADD COLUMN prepared_by char(36) NULL,
      ADD COLUMN prepared_at datetime(3) NULL,
      MODIFY provider_ids json NULL,
      MODIFY inspector_ids json NULL,
      MODIFY drawn_by char(36) NULL,
      MODIFY drawn_at datetime(3) NULL`);
    await q.query('UPDATE inspection_draws SET seed_hash = SHA2(seed, 256), prepared_by = drawn_by, prepared_at = drawn_at');
    await q.query('ALTER TABLE inspection_draws MODIFY seed_hash char(64) NOT NULL, MODIFY prepared_by char(36) NOT NULL, MODIFY prepared_at datetime(3) NOT NULL');
    await q.query(`CREATE TABLE waitlist_priority_facts (
      id char(36) NOT NULL PRIMARY KEY,
      entry_id char(36) NOT NULL,
      fact varchar(40) NOT NULL,
      label varchar(40) NOT NULL,
      points int NOT NULL,
      evidence_note varchar(300) NULL,
      document_key varchar(200) NULL,
      document_name varchar(200) NULL,
      status varchar(10) NOT NULL,
      decided_by char(36) NULL,
      decided_at datetime(3) NULL,
      decision_note varchar(300) NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_waitlist_fact (entry_id, fact),
      CONSTRAINT fk_waitlist_fact_entry FOREIGN KEY (entry_id) REFERENCES waitlist_entries(id)
    ) ${TABLE}`);
    await q.query('ALTER TABLE waitlist_entries ADD COLUMN confirmed_month char(7) NULL, ADD COLUMN month_note varchar(200) NULL');
    await q.query('ALTER TABLE subsidy_ledger ADD COLUMN units int NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE subsidy_ledger DROP COLUMN units');
    await q.query('ALTER TABLE waitlist_entries DROP COLUMN confirmed_month, DROP COLUMN month_note');
    await q.query('DROP TABLE waitlist_priority_facts');
    await q.query("DELETE i FROM inspections i JOIN inspection_draws d ON d.id = i.draw_id WHERE d.status <> 'drawn'");
    await q.query("DELETE FROM inspection_draws WHERE status <> 'drawn'");
    await q.query(`ALTER TABLE inspection_draws DROP COLUMN status, DROP COLUMN seed_hash, DROP COLUMN prepared_by, DROP COLUMN prepared_at,
      MODIFY provider_ids json NOT NULL, MODIFY inspector_ids json NOT NULL, MODIFY drawn_by char(36) NOT NULL, MODIFY drawn_at datetime(3) NOT NULL`);
  }
}
