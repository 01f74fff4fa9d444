import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Provider supervision: 备案 with its history and documents, 等级评定, evaluations, 双随机 inspections, check-in override reviews. */
export class Supervision1764000008000 implements MigrationInterface {
  name = 'Supervision1764000008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE provider_filings (
      provider_id char(36) NOT NULL PRIMARY KEY,
      licence_authority varchar(100) NULL,
      insurer varchar(100) NULL,
      insurance_policy_no varchar(64) NULL,
      insurance_expires_on date NULL,
      updated_by char(36) NULL,
      updated_at datetime(3) NOT NULL,
      CONSTRAINT fk_filings_provider FOREIGN KEY (provider_id) REFERENCES providers(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE provider_filing_changes (
      id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
      provider_id char(36) NOT NULL,
      changed_by char(36) NOT NULL,
      changes json NOT NULL,
      changed_at datetime(3) NOT NULL,
      KEY idx_filing_changes_provider (provider_id, id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE provider_documents (
      id char(36) NOT NULL PRIMARY KEY,
      provider_id char(36) NOT NULL,
      kind varchar(16) NOT NULL,
      title varchar(100) NOT NULL,
      file_key varchar(100) NOT NULL,
      file_name varchar(200) NOT NULL,
      mime_type varchar(40) NOT NULL,
      size_bytes int NOT NULL,
      uploaded_by char(36) NOT NULL,
      created_at datetime(3) NOT NULL,
      UNIQUE KEY uq_documents_key (file_key),
      KEY idx_documents_provider (provider_id, created_at),
      CONSTRAINT fk_documents_provider FOREIGN KEY (provider_id) REFERENCES providers(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE provider_gradings (
      id char(36) NOT NULL PRIMARY KEY,
      provider_id char(36) NOT NULL,
      region_id char(36) NOT NULL,
      policy_version int NOT NULL,
      scores json NOT NULL,
      total_score decimal(6,1) NOT NULL,
      max_score decimal(6,1) NOT NULL,
      level varchar(20) NULL,
      note varchar(300) NULL,
      graded_by char(36) NOT NULL,
      graded_at datetime(3) NOT NULL,
      KEY idx_gradings_provider (provider_id, graded_at),
      CONSTRAINT fk_gradings_provider FOREIGN KEY (provider_id) REFERENCES providers(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE provider_evaluations (
      id char(36) NOT NULL PRIMARY KEY,
      provider_id char(36) NOT NULL,
      kind varchar(16) NOT NULL,
      evaluator varchar(100) NOT NULL,
      score int NOT NULL,
      sample_size int NULL,
      summary varchar(1000) NOT NULL,
      evaluated_on date NOT NULL,
      recorded_by char(36) NOT NULL,
      created_at datetime(3) NOT NULL,
      KEY idx_evaluations_provider (provider_id, evaluated_on),
      CONSTRAINT fk_evaluations_provider FOREIGN KEY (provider_id) REFERENCES providers(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE inspectors (
      id char(36) NOT NULL PRIMARY KEY,
      region_id char(36) NOT NULL,
      name varchar(40) NOT NULL,
      organisation varchar(100) NOT NULL,
      active tinyint(1) NOT NULL DEFAULT 1,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY idx_inspectors_region (region_id, active),
      CONSTRAINT fk_inspectors_region FOREIGN KEY (region_id) REFERENCES regions(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE inspection_draws (
      id char(36) NOT NULL PRIMARY KEY,
      region_id char(36) NOT NULL,
      seed varchar(64) NOT NULL,
      provider_count int NOT NULL,
      inspector_count int NOT NULL,
      provider_pool json NOT NULL,
      inspector_pool json NOT NULL,
      provider_ids json NOT NULL,
      inspector_ids json NOT NULL,
      drawn_by char(36) NOT NULL,
      drawn_at datetime(3) NOT NULL,
      KEY idx_draws_region (region_id, drawn_at),
      CONSTRAINT fk_draws_region FOREIGN KEY (region_id) REFERENCES regions(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE inspections (
      id char(36) NOT NULL PRIMARY KEY,
      draw_id char(36) NOT NULL,
      provider_id char(36) NOT NULL,
      region_id char(36) NOT NULL,
      inspector_ids json NOT NULL,
      checklist json NOT NULL,
      status varchar(12) NOT NULL,
      results json NULL,
      passed tinyint(1) NULL,
      summary varchar(1000) NULL,
      credit_points int NOT NULL DEFAULT 0,
      recorded_by char(36) NULL,
      published_at datetime(3) NULL,
      created_at datetime(3) NOT NULL,
      UNIQUE KEY uq_inspections_draw_provider (draw_id, provider_id),
      KEY idx_inspections_provider (provider_id, created_at),
      CONSTRAINT fk_inspections_draw FOREIGN KEY (draw_id) REFERENCES inspection_draws(id),
      CONSTRAINT fk_inspections_provider FOREIGN KEY (provider_id) REFERENCES providers(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE check_in_override_reviews (
      order_id char(36) NOT NULL PRIMARY KEY,
      justified tinyint(1) NOT NULL,
      note varchar(300) NOT NULL,
      credit_points int NOT NULL DEFAULT 0,
      reviewed_by char(36) NOT NULL,
      reviewed_at datetime(3) NOT NULL,
      CONSTRAINT fk_override_reviews_order FOREIGN KEY (order_id) REFERENCES orders(id)
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['check_in_override_reviews', 'inspections', 'inspection_draws', 'inspectors', 'provider_evaluations', 'provider_gradings', 'provider_documents', 'provider_filing_changes', 'provider_filings']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
