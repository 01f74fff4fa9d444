import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** 岗前培训 / 在岗培训 sessions and who attended and passed them. */
export class Training1764000009000 implements MigrationInterface {
  name = 'Training1764000009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE training_sessions (
      id char(36) NOT NULL PRIMARY KEY,
      title varchar(100) NOT NULL,
      kind varchar(16) NOT NULL,
      held_on date NOT NULL,
      hours decimal(4,1) NOT NULL,
      region_id char(36) NOT NULL,
      organiser_region_id char(36) NULL,
      organiser_provider_id char(36) NULL,
      created_by char(36) NULL,
      created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY idx_training_sessions_region (region_id, held_on),
      KEY idx_training_sessions_provider (organiser_provider_id),
      CONSTRAINT fk_training_sessions_region FOREIGN KEY (region_id) REFERENCES regions(id),
      CONSTRAINT fk_training_sessions_org_region FOREIGN KEY (organiser_region_id) REFERENCES regions(id),
      CONSTRAINT fk_training_sessions_org_provider FOREIGN KEY (organiser_provider_id) REFERENCES providers(id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE training_attendance (
      session_id char(36) NOT NULL,
      staff_id char(36) NOT NULL,
      passed tinyint(1) NOT NULL,
      recorded_by char(36) NULL,
      recorded_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (session_id, staff_id),
      KEY idx_training_attendance_staff (staff_id, passed),
      CONSTRAINT fk_training_attendance_session FOREIGN KEY (session_id) REFERENCES training_sessions(id) ON DELETE CASCADE,
      CONSTRAINT fk_training_attendance_staff FOREIGN KEY (staff_id) REFERENCES provider_staff(id)
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE training_attendance');
    await q.query('DROP TABLE training_sessions');
  }
}
