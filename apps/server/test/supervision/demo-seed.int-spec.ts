import { seedDemoDistrict } from '../../src/database/seed/demo-district.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The demo district carries supervision data the console can show from the first start. */
describe('demo district supervision data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-11-27T02:00:00Z') });
    await seedDemoDistrict(t.dataSource, t.cipher);
  }, 120_000);
  afterAll(() => t.close());

  it('gives 吴主任 a graded, filed provider and a roster and checklist to draw with', async () => {
    const login = await t.http.post('/api/auth/wechat').send({ code: 'dev:吴主任' }).expect(200);
    const auth = { Authorization: `Bearer ${login.body.accessToken}` };
    const providers = (await t.http.get('/api/providers').set(auth).expect(200)).body as { id: string; name: string; regionId: string }[];
    const ankang = providers.find((p) => p.name === '安康居家养老服务中心')!;
    const record = (await t.http.get(`/api/supervision/providers/${ankang.id}`).set(auth).expect(200)).body;
    expect(record.filing).toMatchObject({ licenceAuthority: '昆山市民政局', insuranceExpiresOn: '2027-03-31' });
    expect(record.filingHistory).toHaveLength(1);
    expect(record.gradings[0]).toMatchObject({ totalScore: 87, level: '四星' });
    expect(record.evaluations).toHaveLength(2);
    expect(record.credit).toMatchObject({ score: 100, suspendBelow: 60 });

    const [street] = await t.dataSource.query(`SELECT id FROM regions WHERE code = 'ks-ys'`);
    expect((await t.http.get(`/api/supervision/inspectors?regionId=${street.id}`).set(auth).expect(200)).body).toHaveLength(4);
    // A draw is prepared (the server's seed, its hash published) and then executed (the seed revealed).
    const drawn = async (body: Record<string, unknown>) => {
      const prepared = (await t.http.post('/api/supervision/draws').set(auth).send(body).expect(201)).body;
      return (await t.http.post(`/api/supervision/draws/${prepared.id}/execute`).set(auth).expect(200)).body;
    };
    const draw = await drawn({ regionId: street.id, providerKind: 'home_care', providerCount: 2, inspectorCount: 2 });
    const tasks = (await t.http.get(`/api/supervision/inspections?regionId=${street.id}`).set(auth).expect(200)).body;
    expect(tasks.filter((i: { drawId: string }) => i.drawId === draw.id)[0].checklist).toHaveLength(7);
    // Canteens and childcare centres are drawn on their own, each with its own checklist (否决项 and minor items).
    for (const [kind, mustHave] of [['canteen', '留样'], ['childcare', '保育人员']] as const) {
      const own = await drawn({ regionId: street.id, providerKind: kind, providerCount: 2, inspectorCount: 1 });
      const [{ n }] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM providers p JOIN regions r ON r.id = p.region_id WHERE (r.id = ? OR r.parent_id = ?) AND p.kind = ? AND p.status = 'approved'`, [street.id, street.id, kind]);
      expect(own.providerPool).toHaveLength(Number(n));
      const mine = (await t.http.get(`/api/supervision/inspections?regionId=${street.id}`).set(auth).expect(200)).body.filter((i: { drawId: string }) => i.drawId === own.id);
      expect(mine.length).toBe(own.providers.length);
      for (const i of mine) {
        expect(i.providerKind).toBe(kind);
        expect(i.checklist.some((c: { label: string }) => c.label.includes(mustHave))).toBe(true);
        expect(i.checklist.some((c: { label: string }) => c.label.includes('护理人员持证上岗'))).toBe(false);
        expect(i.checklist.some((c: { critical?: boolean }) => c.critical)).toBe(true);
        expect(i.checklist.some((c: { critical?: boolean }) => !c.critical)).toBe(true);
      }
    }
    expect((await t.http.get(`/api/supervision/providers/${ankang.id}/grading-criteria`).set(auth).expect(200)).body.criteria.items).toHaveLength(5);

    // A community draws from its own providers and the street's roster.
    const community = ankang.regionId;
    const [{ n }] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM providers WHERE region_id = ? AND status = 'approved' AND kind = 'home_care'`, [community]);
    const local = await drawn({ regionId: community, providerKind: 'home_care', providerCount: Number(n), inspectorCount: 1 });
    expect(local.providerPool).toHaveLength(Number(n));
    expect(local.providers.map((p: { id: string }) => p.id)).toContain(ankang.id);
    expect(local.inspectorPool).toHaveLength(4);
  });
});
