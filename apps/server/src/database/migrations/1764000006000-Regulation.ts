import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** The operator's side: regions per operator, eligibility verification, complaints and credit, statements, audit log. */
export class Regulation1764000006000 implements MigrationInterface {
  name = 'Regulation1764000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE operator_regions (
      user_id char(36) NOT NULL,
      region_id char(36) NOT NULL,
      PRIMARY KEY (user_id, region_id),
      CONSTRAINT fk_operator_regions_region FOREIGN KEY (region_id) REFERENCES regions(id)
    ) ${TABLE}`);
    await q.query(`ALTER TABLE regions ADD COLUMN elderly_60 int NULL, ADD COLUMN children_0_3 int NULL`);
    await q.query(`ALTER TABLE elders
      ADD COLUMN subsidy_valid_until date NULL,
      ADD COLUMN eligibility_evidence varchar(300) NULL,
      ADD COLUMN eligibility_declared_at datetime(3) NULL,
      ADD COLUMN eligibility_note varchar(300) NULL`);
    await q.query(`CREATE TABLE complaints (
      id char(36) NOT NULL PRIMARY KEY,
      order_id char(36) NOT NULL,
      household_id char(36) NOT NULL,
      provider_id char(36) NULL,
      staff_id char(36) NULL,
      filed_by char(36) NOT NULL,
      text varchar(1000) NOT NULL,
      status varchar(16) NOT NULL,
      reply varchar(1000) NULL,
      credit_points int NOT NULL DEFAULT 0,
      handled_by char(36) NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      KEY idx_complaints_status (status, created_at),
      KEY idx_complaints_household (household_id),
      CONSTRAINT fk_complaints_order FOREIGN KEY (order_id) REFERENCES orders(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE credit_events (
      id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
      subject_type varchar(10) NOT NULL,
      subject_id char(36) NOT NULL,
      points int NOT NULL,
      reason varchar(200) NOT NULL,
      source_id char(36) NOT NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_credit_once (subject_type, subject_id, source_id),
      KEY idx_credit_subject (subject_type, subject_id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE provider_statements (
      id char(36) NOT NULL PRIMARY KEY,
      provider_id char(36) NOT NULL,
      month char(7) NOT NULL,
      status varchar(10) NOT NULL,
      statement_lines json NOT NULL,
      anomalies json NOT NULL,
      adjustments json NOT NULL,
      total_fen int NOT NULL,
      approved_by char(36) NULL,
      approved_at datetime(3) NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_statements (provider_id, month),
      CONSTRAINT fk_statements_provider FOREIGN KEY (provider_id) REFERENCES providers(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE audit_log (
      id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
      user_id char(36) NOT NULL,
      action varchar(24) NOT NULL,
      entity varchar(24) NOT NULL,
      entity_id char(36) NOT NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY idx_audit_entity (entity, entity_id, id),
      KEY idx_audit_user (user_id, id)
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_log', 'provider_statements', 'credit_events', 'complaints', 'operator_regions']) await q.query(`DROP TABLE ${t}`);
    await q.query('ALTER TABLE elders DROP COLUMN subsidy_valid_until, DROP COLUMN eligibility_evidence, DROP COLUMN eligibility_declared_at, DROP COLUMN eligibility_note');
    await q.query('ALTER TABLE regions DROP COLUMN elderly_60, DROP COLUMN children_0_3');
  }
}
