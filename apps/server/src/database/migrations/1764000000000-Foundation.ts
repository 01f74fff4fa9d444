import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE users (
      id char(36) NOT NULL PRIMARY KEY,
      openid varchar(64) NOT NULL,
      nickname varchar(40) NOT NULL,
      roles json NOT NULL,
      elder_id char(36) NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_users_openid (openid),
      KEY idx_users_elder (elder_id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE refresh_tokens (
      id char(36) NOT NULL PRIMARY KEY,
      user_id char(36) NOT NULL,
      token_hash char(64) NOT NULL,
      expires_at datetime(3) NOT NULL,
      revoked_at datetime(3) NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_refresh_tokens_hash (token_hash),
      KEY idx_refresh_tokens_user (user_id),
      CONSTRAINT fk_refresh_tokens_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
    ) ${TABLE}`);
    await q.query(`CREATE TABLE regions (
      id char(36) NOT NULL PRIMARY KEY,
      code varchar(32) NOT NULL,
      name varchar(60) NOT NULL,
      level varchar(16) NOT NULL,
      parent_id char(36) NULL,
      center_lat decimal(10,7) NOT NULL,
      center_lng decimal(10,7) NOT NULL,
      population int NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_regions_code (code),
      KEY idx_regions_parent (parent_id),
      CONSTRAINT fk_regions_parent FOREIGN KEY (parent_id) REFERENCES regions(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE region_policies (
      id char(36) NOT NULL PRIMARY KEY,
      region_id char(36) NOT NULL,
      kind varchar(40) NOT NULL,
      version int NOT NULL,
      effective_from datetime(3) NOT NULL,
      rules json NOT NULL,
      created_by char(36) NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_region_policies_version (region_id, kind, version),
      CONSTRAINT fk_region_policies_region FOREIGN KEY (region_id) REFERENCES regions(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE households (
      id char(36) NOT NULL PRIMARY KEY,
      name varchar(40) NOT NULL,
      region_id char(36) NULL,
      created_by char(36) NOT NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      CONSTRAINT fk_households_region FOREIGN KEY (region_id) REFERENCES regions(id),
      CONSTRAINT fk_households_creator FOREIGN KEY (created_by) REFERENCES users(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE household_members (
      household_id char(36) NOT NULL,
      user_id char(36) NOT NULL,
      role varchar(16) NOT NULL,
      joined_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (household_id, user_id),
      KEY idx_household_members_user (user_id),
      CONSTRAINT fk_household_members_household FOREIGN KEY (household_id) REFERENCES households(id) ON DELETE CASCADE,
      CONSTRAINT fk_household_members_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
    ) ${TABLE}`);
    await q.query(`CREATE TABLE household_invites (
      id char(36) NOT NULL PRIMARY KEY,
      household_id char(36) NOT NULL,
      code varchar(12) NOT NULL,
      created_by char(36) NOT NULL,
      expires_at datetime(3) NOT NULL,
      used_by char(36) NULL,
      used_at datetime(3) NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_household_invites_code (code),
      CONSTRAINT fk_household_invites_household FOREIGN KEY (household_id) REFERENCES households(id) ON DELETE CASCADE
    ) ${TABLE}`);
    await q.query(`CREATE TABLE elders (
      id char(36) NOT NULL PRIMARY KEY,
      household_id char(36) NOT NULL,
      name varchar(40) NOT NULL,
      gender varchar(8) NOT NULL,
      birth_date date NOT NULL,
      id_number_enc varchar(200) NOT NULL,
      id_number_hash char(64) NULL,
      phone_enc varchar(200) NULL,
      address varchar(200) NOT NULL,
      lat decimal(10,7) NOT NULL,
      lng decimal(10,7) NOT NULL,
      region_id char(36) NULL,
      emergency_contacts_enc text NOT NULL,
      health_notes_enc text NULL,
      dietary_needs json NOT NULL,
      living_situation varchar(20) NOT NULL,
      subsidy_category varchar(32) NOT NULL,
      subsidy_verification varchar(16) NOT NULL DEFAULT 'unverified',
      created_by char(36) NOT NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      deleted_at datetime(3) NULL,
      UNIQUE KEY uq_elders_id_number (id_number_hash),
      KEY idx_elders_household (household_id),
      KEY idx_elders_region (region_id),
      CONSTRAINT fk_elders_household FOREIGN KEY (household_id) REFERENCES households(id),
      CONSTRAINT fk_elders_region FOREIGN KEY (region_id) REFERENCES regions(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE children (
      id char(36) NOT NULL PRIMARY KEY,
      household_id char(36) NOT NULL,
      name varchar(40) NOT NULL,
      birth_date date NOT NULL,
      id_number_enc varchar(200) NULL,
      id_number_hash char(64) NULL,
      created_by char(36) NOT NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      deleted_at datetime(3) NULL,
      UNIQUE KEY uq_children_id_number (id_number_hash),
      KEY idx_children_household (household_id),
      CONSTRAINT fk_children_household FOREIGN KEY (household_id) REFERENCES households(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE outbox (
      id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
      event varchar(64) NOT NULL,
      aggregate_id char(36) NOT NULL,
      payload json NOT NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      published_at datetime(3) NULL,
      KEY idx_outbox_pending (published_at, id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE notifications (
      id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
      user_id char(36) NOT NULL,
      channel varchar(16) NOT NULL,
      topic varchar(64) NOT NULL,
      title varchar(100) NOT NULL,
      body varchar(500) NOT NULL,
      dedupe_key varchar(100) NOT NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_notifications_dedupe (dedupe_key),
      KEY idx_notifications_user (user_id, created_at)
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['notifications', 'outbox', 'children', 'elders', 'household_invites', 'household_members', 'households', 'region_policies', 'regions', 'refresh_tokens', 'users']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
