import { randomUUID } from 'node:crypto';
import { DispatchFixture, offset, type Auth } from './dispatch-fixture.js';
import type { TestApp } from './test-app.js';

export interface Canteen {
  id: string;
  admin: Auth;
  at: { lat: number; lng: number };
}

/** A canteen with settings and an admin, on top of the dispatch fixture's district. */
export class MealFixture extends DispatchFixture {
  constructor(private readonly app: TestApp) {
    super(app);
  }

  async canteen(options: { at?: { lat: number; lng: number }; delivery?: number; dineIn?: number; pickup?: number; deliveryRadiusM?: number } = {}): Promise<Canteen> {
    const at = options.at ?? offset(0, 0);
    const id = randomUUID();
    await this.app.dataSource.query(
      `INSERT INTO providers (id, kind, name, licence_no, region_id, address, lat, lng, service_radius_m, status, recommended) VALUES (?, 'canteen', ?, ?, ?, '食堂地址', ?, ?, 3000, 'approved', 1)`,
      [id, `幸福食堂${id.slice(0, 4)}`, `JY-${id.slice(0, 8)}`, this.regionId, at.lat, at.lng],
    );
    const admin = await this.f.login(`食堂${id.slice(0, 6)}`);
    await this.app.dataSource.query(`INSERT INTO provider_admins (provider_id, user_id) VALUES (?, ?)`, [id, admin.tokens.user.id]);
    await this.app.http.put(`/api/canteens/${id}/settings`).set(admin.auth).send({
      openDays: [1, 2, 3, 4, 5, 6, 7], deliveryRadiusMeters: options.deliveryRadiusM ?? 3000, deliveryFeeFen: 300,
      periods: [
        { period: 'lunch', serveStart: '11:00', serveEnd: '12:30', cutoff: '10:00', capacity: { dine_in: options.dineIn ?? 50, pickup: options.pickup ?? 30, delivery: options.delivery ?? 20 } },
        { period: 'dinner', serveStart: '17:00', serveEnd: '18:00', cutoff: '15:00', capacity: { dine_in: 40, pickup: 20, delivery: 15 } },
      ],
    }).expect(200);
    return { id, admin: admin.auth, at };
  }

  async menu(canteen: Canteen, date: string, period: 'lunch' | 'dinner', dishes: Record<string, unknown>[] = DEFAULT_DISHES) {
    const res = await this.app.http.post(`/api/canteens/${canteen.id}/menus`).set(canteen.admin).send({ date, period, dishes });
    if (res.status !== 201) throw new Error(`menu: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; dishes: { id: string; name: string }[] };
  }

  book(auth: Auth, body: Record<string, unknown>, key = `meal-${randomUUID()}`) {
    return this.app.http.post('/api/meal-bookings').set(auth).set('Idempotency-Key', key).send(body);
  }
}

export const DEFAULT_DISHES = [
  { name: '清蒸鲈鱼套餐', priceFen: 1800, tags: ['low_salt'], isSetMeal: true },
  { name: '红烧肉套餐', priceFen: 1600, tags: [], isSetMeal: true },
  { name: '小米南瓜粥', priceFen: 400, tags: ['soft', 'low_sugar'], portionLimit: 3 },
];

/** YYYY-MM-DD in Asia/Shanghai, `days` after `at`. */
export function shanghaiDay(at: Date, days = 0): string {
  return new Date(at.getTime() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
