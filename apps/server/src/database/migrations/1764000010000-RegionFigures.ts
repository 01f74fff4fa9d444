import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Region reference data per 社区 and year (residents, people 60+, children 0–3): the denominators
 * of the city's indicators, as data an operator keeps up to date. The single figures on `regions`
 * are copied in for the year they were entered (2026) and stay readable.
 */
export class RegionFigures1764000010000 implements MigrationInterface {
  name = 'RegionFigures1764000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE region_figures (
      region_id char(36) NOT NULL,
      year smallint NOT NULL,
      residents int NULL,
      elderly_60 int NULL,
      children_0_3 int NULL,
      updated_by char(36) NULL,
      updated_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (region_id, year),
      CONSTRAINT fk_region_figures_region FOREIGN KEY (region_id) REFERENCES regions(id)
    ) ${TABLE}`);
    await q.query(`INSERT INTO region_figures (region_id, year, residents, elderly_60, children_0_3)
      SELECT id, 2026, population, elderly_60, children_0_3 FROM regions WHERE population IS NOT NULL OR elderly_60 IS NOT NULL OR children_0_3 IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE region_figures');
  }
}
