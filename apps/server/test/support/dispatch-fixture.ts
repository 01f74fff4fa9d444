import type { CertificateType, ServiceCode } from '@carecircle/shared';
import { randomUUID } from 'node:crypto';
import { StaffPositions } from '../../src/providers/staff-positions.service.js';
import { DEMO_SUBSIDY_RULES } from '../../src/database/seed/demo-district.js';
import { Factories } from './factories.js';
import type { TestApp } from './test-app.js';

export const CENTER = { lat: 31.385, lng: 120.981 };

/** A point `northM` metres north and `eastM` metres east of `from`. */
export function offset(northM: number, eastM = 0, from = CENTER) {
  return {
    lat: Number((from.lat + northM / 111_320).toFixed(7)),
    lng: Number((from.lng + eastM / (111_320 * Math.cos((from.lat * Math.PI) / 180))).toFixed(7)),
  };
}

let seq = 0;
export type Auth = { Authorization: string };

export interface StaffOptions {
  at?: { lat: number; lng: number };
  skills?: ServiceCode[];
  certificates?: { type: CertificateType; expiresOn: string }[];
  onDuty?: boolean;
  maxJobs?: number;
  ratingX100?: number;
  providerId?: string;
  /** Passed a 岗前培训 (default true: without it no offers where the region requires one). */
  preJobTrained?: boolean;
}

/** Builds a small district for dispatch tests: a street with a subsidy table, providers, staff on the map, families. */
export class DispatchFixture {
  readonly f: Factories;
  regionId = '';
  providerId = '';

  constructor(private readonly t: TestApp) {
    this.f = new Factories(t);
  }

  async setup(): Promise<this> {
    this.regionId = randomUUID();
    await this.t.dataSource.query(
      `INSERT INTO regions (id, code, name, level, center_lat, center_lng) VALUES (?, ?, '测试街道', 'street', ?, ?)`,
      [this.regionId, `t-${this.regionId.slice(0, 8)}`, CENTER.lat, CENTER.lng],
    );
    await this.t.dataSource.query(
      `INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, 'subsidy', 1, '2020-01-01', ?)`,
      [this.regionId, JSON.stringify(DEMO_SUBSIDY_RULES)],
    );
    this.providerId = await this.provider();
    return this;
  }

  /** Logs in a new operator of this fixture's street (or of `regionId`); their auth header. */
  async operator(name: string, regionId = this.regionId): Promise<Auth> {
    const login = await this.f.login(name);
    await this.makeOperator(login.tokens.user.id, regionId);
    return login.auth;
  }

  /** Makes a user an operator of this fixture's street (operators see only their assigned regions). */
  async makeOperator(userId: string, regionId = this.regionId): Promise<void> {
    await this.t.dataSource.query(`UPDATE users SET roles = '["operator"]' WHERE id = ?`, [userId]);
    await this.t.dataSource.query('INSERT IGNORE INTO operator_regions (user_id, region_id) VALUES (?, ?)', [userId, regionId]);
  }

  async provider(options: { name?: string; at?: { lat: number; lng: number }; radiusM?: number; status?: string; recommended?: boolean } = {}): Promise<string> {
    const id = randomUUID();
    const at = options.at ?? CENTER;
    await this.t.dataSource.query(
      `INSERT INTO providers (id, kind, name, licence_no, region_id, address, lat, lng, service_radius_m, status, recommended)
       VALUES (?, 'home_care', ?, ?, ?, '测试地址', ?, ?, ?, ?, ?)`,
      [id, options.name ?? `测试机构${++seq}`, `LIC-${id.slice(0, 8)}`, this.regionId, at.lat, at.lng, options.radiusM ?? 1_000_000, options.status ?? 'approved', options.recommended === false ? 0 : 1],
    );
    return id;
  }

  /** A staff member with their own login, on the map when on duty. */
  async staff(name: string, options: StaffOptions = {}): Promise<{ id: string; auth: Auth; name: string }> {
    const login = await this.f.login(`${name}${++seq}`);
    await this.t.dataSource.query(`UPDATE users SET roles = '["provider_staff"]' WHERE id = ?`, [login.tokens.user.id]);
    const id = randomUUID();
    const at = options.at ?? CENTER;
    await this.t.dataSource.query(
      `INSERT INTO provider_staff (id, provider_id, user_id, name, skills, home_lat, home_lng, max_concurrent_jobs, rating_x100, on_duty)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, options.providerId ?? this.providerId, login.tokens.user.id, name, JSON.stringify(options.skills ?? ['cleaning', 'visit', 'emergency', 'bathing']), at.lat, at.lng, options.maxJobs ?? 2, options.ratingX100 ?? 480, options.onDuty === false ? 0 : 1],
    );
    for (const c of options.certificates ?? []) {
      await this.t.dataSource.query(`INSERT INTO staff_certificates (id, staff_id, type, number, expires_on) VALUES (UUID(), ?, ?, 'N-1', ?)`, [id, c.type, c.expiresOn]);
    }
    if (options.preJobTrained !== false) await this.passPreJobTraining(id);
    if (options.onDuty !== false) await this.t.get(StaffPositions).put(id, at.lat, at.lng);
    return { id, auth: login.auth, name };
  }

  private trainingSessionId: string | null = null;

  /** Records a passed 岗前培训 for the staff member (one session of the fixture's street serves all). */
  async passPreJobTraining(staffId: string): Promise<void> {
    if (!this.trainingSessionId) {
      this.trainingSessionId = randomUUID();
      await this.t.dataSource.query(
        `INSERT INTO training_sessions (id, title, kind, held_on, hours, region_id, organiser_region_id) VALUES (?, '测试岗前培训', 'pre_job', '2020-01-01', 16, ?, ?)`,
        [this.trainingSessionId, this.regionId, this.regionId],
      );
    }
    await this.t.dataSource.query('INSERT IGNORE INTO training_attendance (session_id, staff_id, passed) VALUES (?, ?, 1)', [this.trainingSessionId, staffId]);
  }

  /** A family with one elder living at `at`, in the fixture's street. */
  async family(options: { at?: { lat: number; lng: number }; category?: string; verified?: boolean } = {}) {
    const login = await this.f.login(`家属${++seq}`);
    const household = await this.f.household(login.auth, `家${seq}`);
    const at = options.at ?? CENTER;
    const elder = await this.f.elder(login.auth, household.id, { location: at, regionId: this.regionId, subsidyCategory: options.category ?? 'none' });
    if (options.verified !== false) await this.t.dataSource.query(`UPDATE elders SET subsidy_verification = 'verified' WHERE id = ?`, [elder.id]);
    return { auth: login.auth, userId: login.tokens.user.id, householdId: household.id, elder };
  }

  async order(auth: Auth, body: Record<string, unknown>, key = `key-${randomUUID()}`) {
    const res = await this.t.http.post('/api/orders').set(auth).set('Idempotency-Key', key).send(body);
    if (res.status !== 201) throw new Error(`order not created: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; status: string; price: { priceFen: number; subsidyFen: number; payFen: number } };
  }

  async offersOf(orderId: string): Promise<{ staff_id: string; status: string; id: string }[]> {
    return this.t.dataSource.query('SELECT f.id, f.staff_id, f.status FROM offers f JOIN dispatch_rounds r ON r.id = f.round_id WHERE f.order_id = ? ORDER BY r.round_no, f.distance_m', [orderId]);
  }

  async statusOf(orderId: string): Promise<string> {
    const [row] = await this.t.dataSource.query('SELECT status FROM orders WHERE id = ?', [orderId]);
    return row.status;
  }
}
