import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 "Trust II", PIPL: consent to the privacy policy is recorded on the server (each consent
 * and withdrawal a row: user, policy version, channel, time), and a deleted account keeps its row
 * (orders and ledgers point at it) with `deleted_at` set and everything personal cleared.
 */
export class PrivacyRecords1764000018300 implements MigrationInterface {
  name = 'PrivacyRecords1764000018300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE privacy_consents (
      id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
      user_id char(36) NOT NULL,
      action varchar(12) NOT NULL,
      policy_version varchar(20) NOT NULL,
      channel varchar(12) NOT NULL,
      created_at datetime(3) NOT NULL,
      KEY idx_privacy_consents_user (user_id, id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query('ALTER TABLE users ADD COLUMN deleted_at datetime(3) NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP COLUMN deleted_at');
    await q.query('DROP TABLE privacy_consents');
  }
}
