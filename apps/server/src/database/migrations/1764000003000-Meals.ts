import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** 老年助餐: canteen settings, menus per day and period with capacity per mode, bookings. */
export class Meals1764000003000 implements MigrationInterface {
  name = 'Meals1764000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE service_types ADD COLUMN family_orderable tinyint(1) NOT NULL DEFAULT 1`);
    await q.query(`INSERT INTO service_types (code, name, description, duration_minutes, base_price_fen, required_skill, required_certificate, urgent, sort, family_orderable)
      VALUES ('meal_delivery', '助餐配送', '把预订的餐食送到老人家中', 30, 0, 'meal_delivery', NULL, 0, 20, 0)`);
    await q.query(`ALTER TABLE subsidy_ledger ADD COLUMN rule_key varchar(32) NOT NULL DEFAULT '*', ADD KEY idx_subsidy_ledger_rule (elder_id, month, rule_key)`);
    await q.query(`CREATE TABLE canteen_settings (
      provider_id char(36) NOT NULL PRIMARY KEY,
      open_days json NOT NULL,
      delivery_radius_m int NOT NULL,
      delivery_fee_fen int NOT NULL,
      periods json NOT NULL,
      CONSTRAINT fk_canteen_settings_provider FOREIGN KEY (provider_id) REFERENCES providers(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE meal_slots (
      id char(36) NOT NULL PRIMARY KEY,
      provider_id char(36) NOT NULL,
      date date NOT NULL,
      period varchar(8) NOT NULL,
      serve_start_at datetime(3) NOT NULL,
      serve_end_at datetime(3) NOT NULL,
      cutoff_at datetime(3) NOT NULL,
      cap_dine_in int NOT NULL,
      cap_pickup int NOT NULL,
      cap_delivery int NOT NULL,
      booked_dine_in int NOT NULL DEFAULT 0,
      booked_pickup int NOT NULL DEFAULT 0,
      booked_delivery int NOT NULL DEFAULT 0,
      cancelled_at datetime(3) NULL,
      cancel_reason varchar(200) NULL,
      delivery_dispatched_at datetime(3) NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_meal_slots (provider_id, date, period),
      KEY idx_meal_slots_cutoff (cutoff_at, delivery_dispatched_at),
      CONSTRAINT fk_meal_slots_provider FOREIGN KEY (provider_id) REFERENCES providers(id),
      CONSTRAINT chk_meal_slots_capacity CHECK (booked_dine_in <= cap_dine_in AND booked_pickup <= cap_pickup AND booked_delivery <= cap_delivery)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE dishes (
      id char(36) NOT NULL PRIMARY KEY,
      slot_id char(36) NOT NULL,
      name varchar(40) NOT NULL,
      price_fen int NOT NULL,
      tags json NOT NULL,
      is_set_meal tinyint(1) NOT NULL DEFAULT 0,
      portion_limit int NULL,
      booked_portions int NOT NULL DEFAULT 0,
      sort int NOT NULL DEFAULT 0,
      KEY idx_dishes_slot (slot_id),
      CONSTRAINT fk_dishes_slot FOREIGN KEY (slot_id) REFERENCES meal_slots(id),
      CONSTRAINT chk_dishes_portions CHECK (portion_limit IS NULL OR booked_portions <= portion_limit)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE meal_bookings (
      id char(36) NOT NULL PRIMARY KEY,
      household_id char(36) NOT NULL,
      elder_id char(36) NOT NULL,
      created_by char(36) NOT NULL,
      idempotency_key varchar(64) NOT NULL,
      request_hash char(64) NOT NULL,
      slot_id char(36) NOT NULL,
      mode varchar(12) NOT NULL,
      status varchar(12) NOT NULL,
      pickup_code char(6) NOT NULL,
      price_fen int NOT NULL,
      delivery_fee_fen int NOT NULL,
      subsidy_fen int NOT NULL,
      pay_fen int NOT NULL,
      subsidy_note varchar(100) NOT NULL,
      policy_id char(36) NULL,
      policy_version int NULL,
      refund_fen int NOT NULL DEFAULT 0,
      dietary_clashes json NOT NULL,
      delivery_order_id char(36) NULL,
      cancelled_at datetime(3) NULL,
      cancel_reason varchar(200) NULL,
      fulfilled_at datetime(3) NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_meal_bookings_idempotency (created_by, idempotency_key),
      UNIQUE KEY uq_meal_bookings_code (slot_id, pickup_code),
      KEY idx_meal_bookings_slot (slot_id, status),
      KEY idx_meal_bookings_elder (elder_id, created_at),
      KEY idx_meal_bookings_household (household_id, created_at),
      CONSTRAINT fk_meal_bookings_slot FOREIGN KEY (slot_id) REFERENCES meal_slots(id),
      CONSTRAINT fk_meal_bookings_elder FOREIGN KEY (elder_id) REFERENCES elders(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE meal_booking_items (
      booking_id char(36) NOT NULL,
      dish_id char(36) NOT NULL,
      quantity int NOT NULL,
      price_fen int NOT NULL,
      PRIMARY KEY (booking_id, dish_id),
      CONSTRAINT fk_meal_items_booking FOREIGN KEY (booking_id) REFERENCES meal_bookings(id),
      CONSTRAINT fk_meal_items_dish FOREIGN KEY (dish_id) REFERENCES dishes(id)
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['meal_booking_items', 'meal_bookings', 'dishes', 'meal_slots', 'canteen_settings']) await q.query(`DROP TABLE ${t}`);
    await q.query(`ALTER TABLE subsidy_ledger DROP KEY idx_subsidy_ledger_rule, DROP COLUMN rule_key`);
    await q.query(`DELETE FROM service_types WHERE code = 'meal_delivery'`);
    await q.query(`ALTER TABLE service_types DROP COLUMN family_orderable`);
  }
}
