import { randomUUID } from 'node:crypto';
import { DEMO_CHILDCARE_POLICIES } from '../../src/database/seed/demo-district.js';
import type { Auth, DispatchFixture } from './dispatch-fixture.js';
import type { TestApp } from './test-app.js';

export interface Centre {
  id: string;
  admin: Auth;
}

/** Childcare on top of a dispatch fixture's street: the demo's childcare policies, centres with their admins, classes, parents. */
export class ChildcareFixture {
  constructor(
    private readonly t: TestApp,
    private readonly d: DispatchFixture,
  ) {}

  async setup(): Promise<this> {
    for (const [kind, rules] of Object.entries(DEMO_CHILDCARE_POLICIES)) {
      await this.t.dataSource.query(`INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, ?, 1, '2020-01-01', ?)`, [this.d.regionId, kind, JSON.stringify(rules)]);
    }
    return this;
  }

  /** An approved childcare centre in the street with `licensedPlaces`, and its admin. */
  async centre(licensedPlaces: number, namePrefix = '普惠托育'): Promise<Centre> {
    const id = randomUUID();
    await this.t.dataSource.query(
      `INSERT INTO providers (id, kind, name, licence_no, region_id, address, lat, lng, service_radius_m, status, recommended) VALUES (?, 'childcare', ?, ?, ?, '托育地址', 31.39, 120.98, 3000, 'approved', 1)`,
      [id, `${namePrefix}${id.slice(0, 4)}`, `TY-${id.slice(0, 8)}`, this.d.regionId],
    );
    const admin = await this.d.f.login(`园长${id.slice(0, 6)}`);
    await this.t.dataSource.query(`INSERT INTO provider_admins (provider_id, user_id) VALUES (?, ?)`, [id, admin.tokens.user.id]);
    await this.t.http.put(`/api/childcare/centres/${id}`).set(admin.auth).send({ licensedPlaces }).expect(200);
    return { id, admin: admin.auth };
  }

  /** A 普惠 class with guidance-price-friendly prices unless `body` says otherwise. */
  async addClass<T = { id: string; name: string; capacity: number }>(centre: Centre, body: Record<string, unknown>): Promise<T> {
    const res = await this.t.http.post(`/api/childcare/centres/${centre.id}/classes`).set(centre.admin).send({ puhui: true, prices: { full_day: 150_000, hourly: 2_000, occasional: 10_000 }, dailyQuota: 0, ...body });
    if (res.status !== 201) throw new Error(`class: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  }

  async parentWithChild(birthDate: string) {
    const login = await this.d.f.login(`家长${randomUUID().slice(0, 6)}`);
    const home = await this.d.f.household(login.auth, '托育家庭');
    const child = (await this.t.http.post(`/api/households/${home.id}/children`).set(login.auth).send({ name: `宝宝${randomUUID().slice(0, 3)}`, birthDate }).expect(201)).body;
    return { auth: login.auth, child, householdId: home.id };
  }

  enrol(auth: Auth, body: Record<string, unknown>, key = `cc-${randomUUID()}`) {
    return this.t.http.post('/api/childcare/enrolments').set(auth).set('Idempotency-Key', key).send(body);
  }
}
