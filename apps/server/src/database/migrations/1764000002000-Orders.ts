import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Catalog, provider staff qualifications, home-care orders, dispatch and the subsidy ledger. */
export class Orders1764000002000 implements MigrationInterface {
  name = 'Orders1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE service_types (
      code varchar(32) NOT NULL PRIMARY KEY,
      name varchar(20) NOT NULL,
      description varchar(200) NOT NULL,
      duration_minutes int NOT NULL,
      base_price_fen int NOT NULL,
      required_skill varchar(32) NOT NULL,
      required_certificate varchar(32) NULL,
      urgent tinyint(1) NOT NULL DEFAULT 0,
      sort int NOT NULL DEFAULT 0
    ) ${TABLE}`);
    await q.query(`INSERT INTO service_types (code, name, description, duration_minutes, base_price_fen, required_skill, required_certificate, urgent, sort) VALUES
      ('cleaning', '助洁', '居室清洁、整理、洗涤衣物', 120, 8000, 'cleaning', NULL, 0, 1),
      ('bathing', '助浴', '上门协助洗浴、更衣，持证护理员服务', 90, 12000, 'bathing', 'elder_care', 0, 2),
      ('medical_escort', '助医陪诊', '陪同就医、挂号取药、代办手续', 180, 15000, 'medical_escort', 'elder_care', 0, 3),
      ('mobility', '助行', '陪同外出散步、出行、上下楼', 60, 5000, 'mobility', NULL, 0, 4),
      ('shopping', '助购', '代购生活用品、药品并送到家', 60, 3000, 'shopping', NULL, 0, 5),
      ('visit', '探访关爱', '上门探访、了解近况、安全检查', 60, 4000, 'visit', NULL, 0, 6),
      ('companionship', '精神慰藉', '聊天陪伴、读报、心理疏导', 60, 4000, 'companionship', NULL, 0, 7),
      ('rehab', '康复护理', '康复训练、基础护理，持证康复师服务', 60, 15000, 'rehab', 'rehab_therapist', 0, 8),
      ('repair', '家政维修', '水电小修、灯具更换、适老化小改造', 60, 6000, 'repair', 'electrician', 0, 9),
      ('emergency', '助急', '紧急情况上门协助，附近服务人员同时响应', 60, 5000, 'emergency', NULL, 1, 10)`);
    await q.query(`ALTER TABLE providers
      ADD COLUMN cancel_after_accept_fee_fen int NOT NULL DEFAULT 0,
      ADD COLUMN cancel_after_departure_percent int NOT NULL DEFAULT 20,
      ADD COLUMN recommended tinyint(1) NOT NULL DEFAULT 1,
      ADD COLUMN created_by char(36) NULL`);
    await q.query(`CREATE TABLE provider_admins (
      provider_id char(36) NOT NULL,
      user_id char(36) NOT NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (provider_id, user_id),
      KEY idx_provider_admins_user (user_id),
      CONSTRAINT fk_provider_admins_provider FOREIGN KEY (provider_id) REFERENCES providers(id),
      CONSTRAINT fk_provider_admins_user FOREIGN KEY (user_id) REFERENCES users(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE provider_service_prices (
      provider_id char(36) NOT NULL,
      service_code varchar(32) NOT NULL,
      price_fen int NOT NULL,
      PRIMARY KEY (provider_id, service_code),
      CONSTRAINT fk_provider_prices_provider FOREIGN KEY (provider_id) REFERENCES providers(id),
      CONSTRAINT fk_provider_prices_service FOREIGN KEY (service_code) REFERENCES service_types(code)
    ) ${TABLE}`);
    await q.query(`ALTER TABLE provider_staff
      ADD COLUMN last_lat decimal(10,7) NULL,
      ADD COLUMN last_lng decimal(10,7) NULL,
      ADD COLUMN last_seen_at datetime(3) NULL,
      ADD KEY idx_provider_staff_duty (on_duty)`);
    await q.query(`CREATE TABLE staff_certificates (
      id char(36) NOT NULL PRIMARY KEY,
      staff_id char(36) NOT NULL,
      type varchar(32) NOT NULL,
      number varchar(64) NOT NULL,
      expires_on date NOT NULL,
      KEY idx_staff_certificates_staff (staff_id, type),
      CONSTRAINT fk_staff_certificates_staff FOREIGN KEY (staff_id) REFERENCES provider_staff(id) ON DELETE CASCADE
    ) ${TABLE}`);
    await q.query(`CREATE TABLE orders (
      id char(36) NOT NULL PRIMARY KEY,
      household_id char(36) NOT NULL,
      elder_id char(36) NOT NULL,
      created_by char(36) NOT NULL,
      idempotency_key varchar(64) NOT NULL,
      request_hash char(64) NOT NULL,
      service_code varchar(32) NOT NULL,
      status varchar(16) NOT NULL,
      urgent tinyint(1) NOT NULL DEFAULT 0,
      window_start datetime(3) NULL,
      window_end datetime(3) NULL,
      dispatch_at datetime(3) NOT NULL,
      address varchar(200) NOT NULL,
      lat decimal(10,7) NOT NULL,
      lng decimal(10,7) NOT NULL,
      region_id char(36) NULL,
      notes varchar(500) NULL,
      duration_minutes int NOT NULL,
      price_fen int NOT NULL,
      subsidy_fen int NOT NULL,
      pay_fen int NOT NULL,
      subsidy_note varchar(100) NOT NULL,
      policy_id char(36) NULL,
      policy_version int NULL,
      provider_id char(36) NULL,
      staff_id char(36) NULL,
      dispatch_radius_m int NOT NULL DEFAULT 3000,
      cancel_fee_fen int NOT NULL DEFAULT 0,
      cancel_reason varchar(200) NULL,
      accepted_at datetime(3) NULL,
      checked_in_at datetime(3) NULL,
      completed_at datetime(3) NULL,
      rating_stars tinyint NULL,
      rating_tags json NULL,
      rating_comment varchar(500) NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_orders_idempotency (created_by, idempotency_key),
      KEY idx_orders_household (household_id, created_at),
      KEY idx_orders_elder (elder_id, created_at),
      KEY idx_orders_staff_status (staff_id, status),
      KEY idx_orders_status_dispatch (status, dispatch_at),
      CONSTRAINT fk_orders_household FOREIGN KEY (household_id) REFERENCES households(id),
      CONSTRAINT fk_orders_elder FOREIGN KEY (elder_id) REFERENCES elders(id),
      CONSTRAINT fk_orders_service FOREIGN KEY (service_code) REFERENCES service_types(code),
      CONSTRAINT fk_orders_staff FOREIGN KEY (staff_id) REFERENCES provider_staff(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE order_events (
      id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
      order_id char(36) NOT NULL,
      status varchar(16) NOT NULL,
      actor varchar(16) NOT NULL,
      actor_id char(36) NULL,
      note varchar(300) NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY idx_order_events_order (order_id, id),
      CONSTRAINT fk_order_events_order FOREIGN KEY (order_id) REFERENCES orders(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE dispatch_rounds (
      id char(36) NOT NULL PRIMARY KEY,
      order_id char(36) NOT NULL,
      round_no int NOT NULL,
      radius_m int NOT NULL,
      candidates json NOT NULL,
      skipped json NOT NULL,
      offered_to json NOT NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_dispatch_rounds (order_id, round_no),
      CONSTRAINT fk_dispatch_rounds_order FOREIGN KEY (order_id) REFERENCES orders(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE offers (
      id char(36) NOT NULL PRIMARY KEY,
      order_id char(36) NOT NULL,
      staff_id char(36) NOT NULL,
      round_id char(36) NOT NULL,
      status varchar(16) NOT NULL,
      distance_m int NOT NULL,
      offered_at datetime(3) NOT NULL,
      expires_at datetime(3) NOT NULL,
      responded_at datetime(3) NULL,
      UNIQUE KEY uq_offers_order_staff (order_id, staff_id),
      KEY idx_offers_staff_status (staff_id, status),
      KEY idx_offers_status_expiry (status, expires_at),
      CONSTRAINT fk_offers_order FOREIGN KEY (order_id) REFERENCES orders(id),
      CONSTRAINT fk_offers_staff FOREIGN KEY (staff_id) REFERENCES provider_staff(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE service_records (
      order_id char(36) NOT NULL PRIMARY KEY,
      staff_id char(36) NOT NULL,
      check_in_at datetime(3) NOT NULL,
      check_in_lat decimal(10,7) NOT NULL,
      check_in_lng decimal(10,7) NOT NULL,
      check_in_distance_m int NOT NULL,
      override_reason varchar(200) NULL,
      flagged tinyint(1) NOT NULL DEFAULT 0,
      check_out_at datetime(3) NULL,
      tasks json NULL,
      notes varchar(500) NULL,
      duration_minutes int NULL,
      CONSTRAINT fk_service_records_order FOREIGN KEY (order_id) REFERENCES orders(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE subsidy_ledger (
      id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
      elder_id char(36) NOT NULL,
      source_type varchar(16) NOT NULL,
      source_id char(36) NOT NULL,
      entry varchar(16) NOT NULL,
      month char(7) NOT NULL,
      category varchar(32) NOT NULL,
      service varchar(32) NOT NULL,
      amount_fen int NOT NULL,
      side varchar(8) NOT NULL,
      payer varchar(60) NOT NULL,
      payee varchar(60) NOT NULL,
      payee_provider_id char(36) NULL,
      funding_source varchar(60) NOT NULL,
      policy_id char(36) NULL,
      policy_version int NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_subsidy_ledger_entry (source_type, source_id, entry),
      KEY idx_subsidy_ledger_elder_month (elder_id, month),
      KEY idx_subsidy_ledger_provider_month (payee_provider_id, month)
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['subsidy_ledger', 'service_records', 'offers', 'dispatch_rounds', 'order_events', 'orders', 'staff_certificates', 'provider_service_prices', 'provider_admins', 'service_types']) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query('ALTER TABLE provider_staff DROP KEY idx_provider_staff_duty, DROP COLUMN last_lat, DROP COLUMN last_lng, DROP COLUMN last_seen_at');
    await q.query('ALTER TABLE providers DROP COLUMN cancel_after_accept_fee_fen, DROP COLUMN cancel_after_departure_percent, DROP COLUMN recommended, DROP COLUMN created_by');
  }
}
