import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** 托育: centres, classes by age band, places by month or by day, the waitlist, pick-up persons, attendance. */
export class Childcare1764000004000 implements MigrationInterface {
  name = 'Childcare1764000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE subsidy_ledger MODIFY elder_id char(36) NULL, ADD COLUMN child_id char(36) NULL, ADD KEY idx_subsidy_ledger_child (child_id, month)`);
    await q.query(`CREATE TABLE childcare_centres (
      provider_id char(36) NOT NULL PRIMARY KEY,
      licensed_places int NOT NULL,
      CONSTRAINT fk_childcare_centres_provider FOREIGN KEY (provider_id) REFERENCES providers(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE childcare_classes (
      id char(36) NOT NULL PRIMARY KEY,
      provider_id char(36) NOT NULL,
      age_class varchar(12) NOT NULL,
      name varchar(40) NOT NULL,
      capacity int NOT NULL,
      puhui tinyint(1) NOT NULL,
      prices json NOT NULL,
      daily_quota int NOT NULL DEFAULT 0,
      enrolled int NOT NULL DEFAULT 0,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY idx_childcare_classes_provider (provider_id),
      CONSTRAINT fk_childcare_classes_provider FOREIGN KEY (provider_id) REFERENCES providers(id),
      CONSTRAINT chk_childcare_classes_places CHECK (enrolled >= 0 AND enrolled <= capacity)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE enrolments (
      id char(36) NOT NULL PRIMARY KEY,
      household_id char(36) NOT NULL,
      child_id char(36) NOT NULL,
      class_id char(36) NOT NULL,
      care_type varchar(12) NOT NULL,
      start_month char(7) NULL,
      date date NULL,
      start_time char(5) NULL,
      end_time char(5) NULL,
      status varchar(12) NOT NULL,
      price_fen int NOT NULL,
      puhui tinyint(1) NOT NULL,
      created_by char(36) NOT NULL,
      idempotency_key varchar(64) NOT NULL,
      request_hash char(64) NOT NULL,
      withdrawn_at datetime(3) NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_enrolments_idempotency (created_by, idempotency_key),
      KEY idx_enrolments_child (child_id, status),
      KEY idx_enrolments_class (class_id, status),
      CONSTRAINT fk_enrolments_child FOREIGN KEY (child_id) REFERENCES children(id),
      CONSTRAINT fk_enrolments_class FOREIGN KEY (class_id) REFERENCES childcare_classes(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE class_day_usage (
      class_id char(36) NOT NULL,
      date date NOT NULL,
      booked int NOT NULL DEFAULT 0,
      PRIMARY KEY (class_id, date)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE waitlist_entries (
      id char(36) NOT NULL PRIMARY KEY,
      seq bigint NOT NULL AUTO_INCREMENT,
      class_id char(36) NOT NULL,
      child_id char(36) NOT NULL,
      household_id char(36) NOT NULL,
      created_by char(36) NOT NULL,
      care_type varchar(12) NOT NULL,
      start_month char(7) NOT NULL,
      score int NOT NULL,
      reasons json NOT NULL,
      status varchar(12) NOT NULL,
      offered_at datetime(3) NULL,
      offer_expires_at datetime(3) NULL,
      responded_at datetime(3) NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_waitlist_seq (seq),
      KEY idx_waitlist_queue (class_id, status, score, seq),
      KEY idx_waitlist_child (child_id, status),
      CONSTRAINT fk_waitlist_class FOREIGN KEY (class_id) REFERENCES childcare_classes(id),
      CONSTRAINT fk_waitlist_child FOREIGN KEY (child_id) REFERENCES children(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE waitlist_log (
      id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
      entry_id char(36) NOT NULL,
      event varchar(24) NOT NULL,
      note varchar(300) NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY idx_waitlist_log_entry (entry_id, id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE pickup_persons (
      id char(36) NOT NULL PRIMARY KEY,
      child_id char(36) NOT NULL,
      name varchar(40) NOT NULL,
      phone_enc varchar(200) NOT NULL,
      relation varchar(20) NOT NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      deleted_at datetime(3) NULL,
      KEY idx_pickup_persons_child (child_id),
      CONSTRAINT fk_pickup_persons_child FOREIGN KEY (child_id) REFERENCES children(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE attendance (
      id char(36) NOT NULL PRIMARY KEY,
      child_id char(36) NOT NULL,
      class_id char(36) NOT NULL,
      date date NOT NULL,
      check_in_at datetime(3) NOT NULL,
      check_out_at datetime(3) NULL,
      pickup_person_id char(36) NULL,
      UNIQUE KEY uq_attendance_child_day (child_id, date),
      KEY idx_attendance_class_day (class_id, date)
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['attendance', 'pickup_persons', 'waitlist_log', 'waitlist_entries', 'class_day_usage', 'enrolments', 'childcare_classes', 'childcare_centres']) await q.query(`DROP TABLE ${t}`);
    await q.query(`ALTER TABLE subsidy_ledger DROP KEY idx_subsidy_ledger_child, DROP COLUMN child_id`);
  }
}
