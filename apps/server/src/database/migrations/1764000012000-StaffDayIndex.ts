import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dispatch ranks every nearby staff member by the jobs they accepted today (fairness). Without an
 * index on (staff_id, accepted_at) that count read all of a staff member's orders ever, and a
 * year of service is thousands of them per person.
 */
export class StaffDayIndex1764000012000 implements MigrationInterface {
  name = 'StaffDayIndex1764000012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE orders ADD KEY idx_orders_staff_accepted (staff_id, accepted_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE orders DROP KEY idx_orders_staff_accepted');
  }
}
