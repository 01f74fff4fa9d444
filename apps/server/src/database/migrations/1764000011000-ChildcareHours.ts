import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const HOURS = Array.from({ length: 24 }, (_, h) => `SELECT ${h} AS h`).join(' UNION ALL ');

/**
 * 计时托 by the hour: class_hour_usage counts hourly bookings per hour they touch, class_day_usage
 * keeps only whole-day bookings (临时托). Centres get opening hours (开放时间).
 */
export class ChildcareHours1764000011000 implements MigrationInterface {
  name = 'ChildcareHours1764000011000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE childcare_centres ADD COLUMN open_time char(5) NOT NULL DEFAULT '07:30', ADD COLUMN close_time char(5) NOT NULL DEFAULT '18:00'`);
    await q.query(`CREATE TABLE class_hour_usage (
      class_id char(36) NOT NULL,
      date date NOT NULL,
      hour tinyint NOT NULL,
      booked int NOT NULL DEFAULT 0,
      PRIMARY KEY (class_id, date, hour),
      CONSTRAINT chk_class_hour_usage CHECK (hour BETWEEN 0 AND 23 AND booked >= 0)
    ) ${TABLE}`);
    // Active hourly bookings move from the day count to the hours they touch (09:30–11:00 → 9, 10).
    await q.query(
      `INSERT INTO class_hour_usage (class_id, date, hour, booked)
       SELECT e.class_id, e.date, hs.h, COUNT(*)
         FROM enrolments e JOIN (${HOURS}) hs
           ON hs.h >= FLOOR(TIME_TO_SEC(e.start_time) / 3600) AND hs.h < CEIL(TIME_TO_SEC(e.end_time) / 3600)
        WHERE e.status = 'active' AND e.care_type = 'hourly' AND e.date IS NOT NULL AND e.start_time IS NOT NULL AND e.end_time IS NOT NULL
        GROUP BY e.class_id, e.date, hs.h`,
    );
    await q.query(
      `UPDATE class_day_usage u JOIN (SELECT class_id, date, COUNT(*) AS n FROM enrolments WHERE status = 'active' AND care_type = 'hourly' AND date IS NOT NULL GROUP BY class_id, date) x
           ON x.class_id = u.class_id AND x.date = u.date
          SET u.booked = GREATEST(0, u.booked - x.n)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE class_day_usage u JOIN (SELECT class_id, date, COUNT(*) AS n FROM enrolments WHERE status = 'active' AND care_type = 'hourly' AND date IS NOT NULL GROUP BY class_id, date) x
           ON x.class_id = u.class_id AND x.date = u.date
          SET u.booked = u.booked + x.n`,
    );
    await q.query('DROP TABLE class_hour_usage');
    await q.query('ALTER TABLE childcare_centres DROP COLUMN open_time, DROP COLUMN close_time');
  }
}
