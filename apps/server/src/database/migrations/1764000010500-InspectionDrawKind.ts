import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A 双随机 draw is for one provider kind (居家养老 / 助餐点 / 托育), logged with the draw. Draws made
 * before keep NULL: they drew from every kind, and their logged pools still reproduce them.
 */
export class InspectionDrawKind1764000010500 implements MigrationInterface {
  name = 'InspectionDrawKind1764000010500';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE inspection_draws ADD COLUMN provider_kind varchar(16) NULL AFTER region_id');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE inspection_draws DROP COLUMN provider_kind');
  }
}
