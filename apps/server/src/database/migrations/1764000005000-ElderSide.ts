import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** The elder's side: own login and consent to proxy orders, SOS, ability assessments, visits, time bank. */
export class ElderSide1764000005000 implements MigrationInterface {
  name = 'ElderSide1764000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE elders
      ADD COLUMN confirm_orders tinyint(1) NOT NULL DEFAULT 1,
      ADD COLUMN confirm_timeout_minutes int NOT NULL DEFAULT 30,
      ADD COLUMN on_confirm_timeout varchar(8) NOT NULL DEFAULT 'proceed',
      ADD COLUMN ability_grade varchar(12) NULL,
      ADD COLUMN assessment_valid_until date NULL`);
    await q.query(`ALTER TABLE orders
      ADD COLUMN elder_confirm_deadline datetime(3) NULL,
      ADD COLUMN required_certificate varchar(32) NULL,
      ADD COLUMN timebank_minutes int NOT NULL DEFAULT 0,
      ADD KEY idx_orders_confirm (status, elder_confirm_deadline)`);
    await q.query(`CREATE TABLE order_consents (
      id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
      order_id char(36) NOT NULL,
      decision varchar(8) NOT NULL,
      source varchar(8) NOT NULL,
      decided_by char(36) NULL,
      device varchar(120) NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_order_consents_order (order_id),
      CONSTRAINT fk_order_consents_order FOREIGN KEY (order_id) REFERENCES orders(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE elder_login_codes (
      code varchar(12) NOT NULL PRIMARY KEY,
      elder_id char(36) NOT NULL,
      created_by char(36) NOT NULL,
      expires_at datetime(3) NOT NULL,
      used_by char(36) NULL,
      used_at datetime(3) NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE sos_calls (
      id char(36) NOT NULL PRIMARY KEY,
      elder_id char(36) NOT NULL,
      household_id char(36) NOT NULL,
      raised_by char(36) NOT NULL,
      drill tinyint(1) NOT NULL DEFAULT 0,
      lat decimal(10,7) NOT NULL,
      lng decimal(10,7) NOT NULL,
      status varchar(12) NOT NULL,
      cancel_until datetime(3) NOT NULL,
      order_id char(36) NULL,
      broadcast_at datetime(3) NULL,
      escalated_at datetime(3) NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY idx_sos_status (status, cancel_until),
      KEY idx_sos_elder (elder_id, created_at)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE sos_events (
      id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
      sos_id char(36) NOT NULL,
      event varchar(24) NOT NULL,
      note varchar(300) NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY idx_sos_events (sos_id, id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE elder_assessments (
      id char(36) NOT NULL PRIMARY KEY,
      elder_id char(36) NOT NULL,
      assessor_id char(36) NOT NULL,
      assessed_on date NOT NULL,
      items json NOT NULL,
      domain_scores json NOT NULL,
      total int NOT NULL,
      grade varchar(12) NOT NULL,
      valid_until date NOT NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY idx_assessments_elder (elder_id, assessed_on),
      CONSTRAINT fk_assessments_elder FOREIGN KEY (elder_id) REFERENCES elders(id)
    ) ${TABLE}`);
    await q.query(`ALTER TABLE provider_staff ADD COLUMN is_volunteer tinyint(1) NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE service_records ADD COLUMN visit_form json NULL`);
    await q.query(`CREATE TABLE follow_up_tasks (
      id char(36) NOT NULL PRIMARY KEY,
      order_id char(36) NOT NULL,
      elder_id char(36) NOT NULL,
      note varchar(500) NOT NULL,
      status varchar(8) NOT NULL DEFAULT 'open',
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      closed_at datetime(3) NULL,
      UNIQUE KEY uq_follow_up_order (order_id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE timebank_accounts (
      user_id char(36) NOT NULL PRIMARY KEY,
      balance_minutes int NOT NULL DEFAULT 0,
      CONSTRAINT chk_timebank_balance CHECK (balance_minutes >= 0)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE timebank_ledger (
      id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
      user_id char(36) NOT NULL,
      kind varchar(8) NOT NULL,
      minutes int NOT NULL,
      order_id char(36) NULL,
      counterparty_user_id char(36) NULL,
      note varchar(200) NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_timebank_once (user_id, kind, order_id),
      KEY idx_timebank_user (user_id, id)
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['timebank_ledger', 'timebank_accounts', 'follow_up_tasks', 'elder_assessments', 'sos_events', 'sos_calls', 'elder_login_codes', 'order_consents']) await q.query(`DROP TABLE ${t}`);
    await q.query('ALTER TABLE service_records DROP COLUMN visit_form');
    await q.query('ALTER TABLE provider_staff DROP COLUMN is_volunteer');
    await q.query('ALTER TABLE orders DROP KEY idx_orders_confirm, DROP COLUMN elder_confirm_deadline, DROP COLUMN required_certificate, DROP COLUMN timebank_minutes');
    await q.query('ALTER TABLE elders DROP COLUMN confirm_orders, DROP COLUMN confirm_timeout_minutes, DROP COLUMN on_confirm_timeout, DROP COLUMN ability_grade, DROP COLUMN assessment_valid_until');
  }
}
