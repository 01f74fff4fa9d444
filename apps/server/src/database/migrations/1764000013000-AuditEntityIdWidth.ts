import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The queue board audits platform admins' writes on Bull jobs, whose ids are longer than a UUID
 * (`sos-<uuid>`, `expiry-<offer>-<ms>`) and only mean something with their queue: the audited
 * object is `<queue>/<job id>`. audit_log.entity_id was char(36), sized for row ids only.
 */
export class AuditEntityIdWidth1764000013000 implements MigrationInterface {
  name = 'AuditEntityIdWidth1764000013000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE audit_log MODIFY entity_id varchar(191) NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DELETE FROM audit_log WHERE CHAR_LENGTH(entity_id) > 36");
    await q.query('ALTER TABLE audit_log MODIFY entity_id char(36) NOT NULL');
  }
}
