import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

export class Providers1764000001000 implements MigrationInterface {
  name = 'Providers1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE providers (
      id char(36) NOT NULL PRIMARY KEY,
      kind varchar(16) NOT NULL,
      name varchar(80) NOT NULL,
      licence_no varchar(64) NOT NULL,
      region_id char(36) NOT NULL,
      address varchar(200) NOT NULL,
      lat decimal(10,7) NOT NULL,
      lng decimal(10,7) NOT NULL,
      service_radius_m int NOT NULL,
      status varchar(16) NOT NULL DEFAULT 'pending',
      phone varchar(20) NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_providers_licence (licence_no),
      KEY idx_providers_kind_status (kind, status),
      CONSTRAINT fk_providers_region FOREIGN KEY (region_id) REFERENCES regions(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE provider_staff (
      id char(36) NOT NULL PRIMARY KEY,
      provider_id char(36) NOT NULL,
      user_id char(36) NULL,
      name varchar(40) NOT NULL,
      phone_enc varchar(200) NULL,
      skills json NOT NULL,
      home_lat decimal(10,7) NOT NULL,
      home_lng decimal(10,7) NOT NULL,
      max_concurrent_jobs int NOT NULL DEFAULT 2,
      rating_x100 int NOT NULL DEFAULT 480,
      on_duty tinyint(1) NOT NULL DEFAULT 0,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_provider_staff_user (user_id),
      KEY idx_provider_staff_provider (provider_id),
      CONSTRAINT fk_provider_staff_provider FOREIGN KEY (provider_id) REFERENCES providers(id),
      CONSTRAINT fk_provider_staff_user FOREIGN KEY (user_id) REFERENCES users(id)
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE provider_staff');
    await q.query('DROP TABLE providers');
  }
}
