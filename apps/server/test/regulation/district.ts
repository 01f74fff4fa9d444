import { randomUUID } from 'node:crypto';
import { Factories, idNumber } from '../support/factories.js';
import type { TestApp } from '../support/test-app.js';

export type Auth = { Authorization: string };

let seq = 0;

/**
 * A small district written straight into the tables, so each test states exactly which records
 * exist and the expected figures can be read off the test: a street with 社区, an operator each.
 */
export class District {
  readonly f: Factories;
  private userId = '';
  private householdId = '';

  constructor(private readonly t: TestApp) {
    this.f = new Factories(t);
  }

  async init(): Promise<this> {
    const login = await this.f.login(`district${++seq}${randomUUID().slice(0, 4)}`);
    this.userId = login.tokens.user.id;
    this.householdId = (await this.f.household(login.auth, '测试家')).id;
    return this;
  }

  async region(name: string, level: 'street' | 'community', parentId: string | null = null): Promise<string> {
    const id = randomUUID();
    await this.t.dataSource.query(`INSERT INTO regions (id, code, name, level, parent_id, center_lat, center_lng) VALUES (?, ?, ?, ?, ?, 31.38, 120.98)`, [id, `r-${id.slice(0, 12)}`, name, level, parentId]);
    return id;
  }

  async operator(name: string, regionId: string): Promise<Auth> {
    const login = await this.f.login(`${name}${++seq}`);
    await this.t.dataSource.query(`UPDATE users SET roles = '["operator"]' WHERE id = ?`, [login.tokens.user.id]);
    await this.t.dataSource.query('INSERT INTO operator_regions (user_id, region_id) VALUES (?, ?)', [login.tokens.user.id, regionId]);
    return login.auth;
  }

  async policy(regionId: string, kind: string, rules: unknown, from = '2020-01-01'): Promise<void> {
    await this.t.dataSource.query(`INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, ?, 1 + (SELECT COUNT(*) FROM region_policies p WHERE p.region_id = ? AND p.kind = ?), ?, ?)`, [regionId, kind, regionId, kind, from, JSON.stringify(rules)]);
  }

  async figures(regionId: string, year: number, residents: number | null, elderly60: number | null, children03: number | null = null): Promise<void> {
    await this.t.dataSource.query('INSERT INTO region_figures (region_id, year, residents, elderly_60, children_0_3) VALUES (?, ?, ?, ?, ?)', [regionId, year, residents, elderly60, children03]);
  }

  async elder(regionId: string, o: { name?: string; birth?: string; living?: string; category?: string; verified?: boolean; validUntil?: string | null; assessmentUntil?: string | null; idNumber?: string; createdAt?: string } = {}): Promise<{ id: string; name: string; idNumber: string }> {
    const id = randomUUID();
    const birth = o.birth ?? '1950-03-04';
    const idNo = o.idNumber ?? idNumber(birth, 100 + ++seq);
    const name = o.name ?? `老人${seq}`;
    await this.t.dataSource.query(
      `INSERT INTO elders (id, household_id, name, gender, birth_date, id_number_enc, id_number_hash, address, lat, lng, region_id, emergency_contacts_enc, dietary_needs, living_situation,
                           subsidy_category, subsidy_verification, subsidy_valid_until, assessment_valid_until, created_by, created_at)
       VALUES (?, ?, ?, 'male', ?, ?, ?, '测试地址', 31.38, 120.98, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?)`,
      [id, this.householdId, name, birth, this.t.cipher.encrypt(idNo), this.t.cipher.blindIndex(idNo), regionId, this.t.cipher.encrypt('[]'), o.living ?? 'with_family',
        o.category ?? 'none', o.verified ? 'verified' : 'unverified', o.validUntil ?? null, o.assessmentUntil ?? null, this.userId, o.createdAt ?? '2020-01-01'],
    );
    return { id, name, idNumber: idNo };
  }

  /** An order in `status`, completed at `completedAt` (UTC) when given. */
  async order(elderId: string, regionId: string, serviceCode: string, status: string, completedAt: string | null, stars: number | null = null): Promise<string> {
    const id = randomUUID();
    await this.t.dataSource.query(
      `INSERT INTO orders (id, household_id, elder_id, created_by, idempotency_key, request_hash, service_code, status, dispatch_at, address, lat, lng, region_id, duration_minutes, price_fen, subsidy_fen, pay_fen, subsidy_note, completed_at, rating_stars)
       VALUES (?, ?, ?, ?, ?, 'h', ?, ?, '2020-01-01', '测试地址', 31.38, 120.98, ?, 60, 5000, 0, 5000, '', ?, ?)`,
      [id, this.householdId, elderId, this.userId, id, serviceCode, status, regionId, completedAt, stars],
    );
    return id;
  }

  async provider(regionId: string, kind: 'home_care' | 'childcare' | 'canteen', status = 'approved', name = `机构${++seq}`): Promise<string> {
    const id = randomUUID();
    await this.t.dataSource.query(
      `INSERT INTO providers (id, kind, name, licence_no, region_id, address, lat, lng, service_radius_m, status, recommended) VALUES (?, ?, ?, ?, ?, '地址', 31.38, 120.98, 3000, ?, 1)`,
      [id, kind, name, `LIC-${id.slice(0, 8)}`, regionId, status],
    );
    return id;
  }

  async staff(providerId: string, o: { name?: string; volunteer?: boolean; birthYear?: number | null; certificateUntil?: string | null; preJobTraining?: 'passed' | 'failed' } = {}): Promise<string> {
    const id = randomUUID();
    await this.t.dataSource.query(
      `INSERT INTO provider_staff (id, provider_id, name, skills, home_lat, home_lng, is_volunteer, birth_year, created_at) VALUES (?, ?, ?, '[]', 31.38, 120.98, ?, ?, '2020-01-01')`,
      [id, providerId, o.name ?? `员工${++seq}`, o.volunteer ? 1 : 0, o.birthYear ?? null],
    );
    if (o.certificateUntil) await this.t.dataSource.query(`INSERT INTO staff_certificates (id, staff_id, type, number, expires_on) VALUES (UUID(), ?, 'elder_care', 'N-1', ?)`, [id, o.certificateUntil]);
    if (o.preJobTraining) {
      const session = randomUUID();
      const [{ region_id: regionId }] = await this.t.dataSource.query('SELECT region_id FROM providers WHERE id = ?', [providerId]);
      await this.t.dataSource.query(`INSERT INTO training_sessions (id, title, kind, held_on, hours, region_id, organiser_provider_id) VALUES (?, '岗前培训', 'pre_job', '2026-10-10', 8, ?, ?)`, [session, regionId, providerId]);
      await this.t.dataSource.query('INSERT INTO training_attendance (session_id, staff_id, passed) VALUES (?, ?, ?)', [session, id, o.preJobTraining === 'passed' ? 1 : 0]);
    }
    return id;
  }

  async childcareClass(providerId: string, capacity: number, puhui: boolean): Promise<void> {
    await this.t.dataSource.query(
      `INSERT INTO childcare_classes (id, provider_id, age_class, name, capacity, puhui, prices, daily_quota, enrolled) VALUES (UUID(), ?, 'toddler', ?, ?, ?, '{}', 0, 0)`,
      [providerId, `班${++seq}`, capacity, puhui ? 1 : 0],
    );
  }

  /** A lunch slot on `date` with `capacity` places (all dine-in). */
  async mealSlot(providerId: string, date: string, capacity: number): Promise<string> {
    const id = randomUUID();
    await this.t.dataSource.query(
      `INSERT INTO meal_slots (id, provider_id, date, period, serve_start_at, serve_end_at, cutoff_at, cap_dine_in, cap_pickup, cap_delivery) VALUES (?, ?, ?, 'lunch', ?, ?, ?, ?, 0, 0)`,
      [id, providerId, date, `${date} 03:00:00`, `${date} 04:30:00`, `${date} 02:00:00`, capacity],
    );
    return id;
  }

  async mealBooking(slotId: string, elderId: string, status: string): Promise<string> {
    const id = randomUUID();
    await this.t.dataSource.query(
      `INSERT INTO meal_bookings (id, household_id, elder_id, created_by, idempotency_key, request_hash, slot_id, mode, status, pickup_code, price_fen, delivery_fee_fen, subsidy_fen, pay_fen, subsidy_note, dietary_clashes)
       VALUES (?, ?, ?, ?, ?, 'h', ?, 'dine_in', ?, ?, 1500, 0, 0, 1500, '', '[]')`,
      [id, this.householdId, elderId, this.userId, id, slotId, status, String(100000 + ++seq).slice(-6)],
    );
    return id;
  }
}
