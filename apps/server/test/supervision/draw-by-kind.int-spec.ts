import { drawInspection } from '@carecircle/shared';
import { randomUUID } from 'node:crypto';
import { DispatchFixture, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const NOW = new Date('2026-11-27T02:00:00Z');
/** The older single checklist: it applies to every kind. */
const SINGLE = {
  items: [
    { code: 'fire_safety', label: '消防安全', critical: true },
    { code: 'records', label: '服务记录完整' },
  ],
};
const HOME_CARE = { items: [{ code: 'certified_staff', label: '护理人员持证上岗', critical: true }, { code: 'records', label: '服务记录完整' }], failCreditPoints: 20 };
const CANTEEN = {
  items: [
    { code: 'food_samples', label: '食品留样 48 小时', critical: true },
    { code: 'health_certificates', label: '从业人员健康证', critical: true },
    { code: 'kitchen_hygiene', label: '后厨卫生' },
  ],
  maxMinorFailures: 0,
  failCreditPoints: 30,
};

/** 双随机 draws are for one provider kind, and each drawn provider is checked with its kind's checklist. */
describe('双随机 draws by provider kind', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let op: Auth;
  let otherOp: Auth;
  const homes: string[] = [];
  const canteens: string[] = [];
  const centres: string[] = [];

  const policy = (version: number, effectiveFrom: string, rules: unknown) =>
    t.dataSource.query(`INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, 'inspection_checklist', ?, ?, ?)`, [d.regionId, version, effectiveFrom, JSON.stringify(rules)]);
  const provider = async (kind: string, name: string, status = 'approved') => {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO providers (id, kind, name, licence_no, region_id, address, lat, lng, service_radius_m, status, recommended) VALUES (?, ?, ?, ?, ?, '测试地址', 31.38, 120.98, 3000, ?, 1)`,
      [id, kind, name, `LIC-${id.slice(0, 8)}`, d.regionId, status],
    );
    return id;
  };
  /** Prepares a draw (seed hash published) and, when that succeeds, executes it (seed revealed). */
  const draw = async (body: Record<string, unknown>, status = 201) => {
    const prepared = (await t.http.post('/api/supervision/draws').set(op).send({ regionId: d.regionId, inspectorCount: 1, ...body }).expect(status)).body;
    return status === 201 ? (await t.http.post(`/api/supervision/draws/${prepared.id}/execute`).set(op).expect(200)).body : prepared;
  };
  const inspectionsOf = async (drawId: string) =>
    ((await t.http.get(`/api/supervision/inspections?regionId=${d.regionId}`).set(op).expect(200)).body as { drawId: string; providerId: string; providerKind: string; checklist: { code: string }[] }[]).filter((i) => i.drawId === drawId);

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    d = await new DispatchFixture(t).setup();
    homes.push(d.providerId);
    const a = await d.f.login('类别抽查监管');
    const b = await d.f.login('外街道监管');
    const otherStreet = randomUUID();
    await t.dataSource.query(`INSERT INTO regions (id, code, name, level, center_lat, center_lng) VALUES (?, 'other-kind', '别的街道', 'street', 31, 121)`, [otherStreet]);
    await d.makeOperator(a.tokens.user.id);
    await d.makeOperator(b.tokens.user.id, otherStreet);
    op = a.auth;
    otherOp = b.auth;
    for (let i = 0; i < 3; i++) homes.push(await provider('home_care', `居家${i}`));
    for (let i = 0; i < 4; i++) canteens.push(await provider('canteen', `助餐点${i}`));
    for (let i = 0; i < 2; i++) centres.push(await provider('childcare', `托育中心${i}`));
    await provider('canteen', '待审核助餐点', 'pending');
    for (const name of ['钱检查', '孙检查', '李检查']) {
      await t.http.post('/api/supervision/inspectors').set(op).send({ regionId: d.regionId, name, organisation: '昆山市民政局' }).expect(201);
    }
  });
  afterAll(() => t.close());

  it('needs a kind, and reads an older single checklist as applying to every kind', async () => {
    await policy(1, '2020-01-01', SINGLE);
    const missing = await draw({ providerCount: 1 }, 400);
    expect(JSON.stringify(missing.details.fields)).toContain('providerKind');
    await draw({ providerKind: 'nursing_home', providerCount: 1 }, 400);

    const old = await draw({ providerKind: 'childcare', providerCount: 2 });
    expect(old.providerKind).toBe('childcare');
    expect(old.providerPool.sort()).toEqual([...centres].sort());
    for (const i of await inspectionsOf(old.id)) expect(i.checklist.map((c) => c.code)).toEqual(['fire_safety', 'records']);
  });

  it('draws only canteens for a canteen draw, each with the canteen checklist; the pool preview counts the same', async () => {
    await policy(2, '2020-06-01', { byKind: { home_care: HOME_CARE, canteen: CANTEEN } });
    const pool = (await t.http.get(`/api/supervision/draw-pool?regionId=${d.regionId}&providerKind=canteen`).set(op).expect(200)).body;
    expect(pool).toMatchObject({ providerKind: 'canteen', inspectorCount: 3, checklistItems: 3 });
    expect(pool.providers.map((p: { id: string }) => p.id).sort()).toEqual([...canteens].sort());

    const got = await draw({ providerKind: 'canteen', providerCount: 3 });
    expect(got).toMatchObject({ providerKind: 'canteen', providerCount: 3 });
    expect(got.providerPool.sort()).toEqual([...canteens].sort());
    expect(got.providers).toHaveLength(3);
    for (const p of got.providers) expect(canteens).toContain(p.id);
    const tasks = await inspectionsOf(got.id);
    expect(tasks).toHaveLength(3);
    for (const i of tasks) {
      expect(i.providerKind).toBe('canteen');
      expect(i.checklist).toEqual(CANTEEN.items);
    }

    // Recording and publishing use the copied canteen checklist: a failed minor item fails it here (maxMinorFailures 0), for its points.
    const target = tasks[0];
    const recorded = (await t.http.put(`/api/supervision/inspections/${(target as unknown as { id: string }).id}/result`).set(op)
      .send({ results: CANTEEN.items.map((c) => ({ code: c.code, passed: c.code !== 'kitchen_hygiene' })), summary: '后厨卫生不达标' }).expect(200)).body;
    expect(recorded.passed).toBe(false);
    const published = (await t.http.post(`/api/supervision/inspections/${recorded.id}/publish`).set(op).expect(200)).body;
    expect(published.creditPoints).toBe(30);
    // The home-care checklist's items are not accepted on a canteen inspection.
    const other = tasks[1] as unknown as { id: string };
    await t.http.put(`/api/supervision/inspections/${other.id}/result`).set(op).send({ results: HOME_CARE.items.map((c) => ({ code: c.code, passed: true })), summary: 'x' }).expect(400);

    const homeDraw = await draw({ providerKind: 'home_care', providerCount: homes.length });
    expect(homeDraw.providerPool.sort()).toEqual([...homes].sort());
    for (const i of await inspectionsOf(homeDraw.id)) expect(i.checklist).toEqual(HOME_CARE.items);
  });

  it('refuses a kind the policy has no checklist for, and a kind with no approved provider', async () => {
    const none = await draw({ providerKind: 'childcare', providerCount: 1 }, 409);
    expect(none.message).toContain('托育机构的抽查检查表');
    const pool = (await t.http.get(`/api/supervision/draw-pool?regionId=${d.regionId}&providerKind=childcare`).set(op).expect(200)).body;
    expect(pool).toMatchObject({ checklistItems: 0 });
    expect(pool.providers).toHaveLength(2);
    await policy(3, '2020-07-01', { byKind: { home_care: HOME_CARE, canteen: CANTEEN, childcare: SINGLE } });
    await t.dataSource.query(`UPDATE providers SET status = 'suspended' WHERE kind = 'childcare' AND region_id = ?`, [d.regionId]);
    const empty = await draw({ providerKind: 'childcare', providerCount: 1 }, 409);
    expect(empty.message).toContain('没有可抽查的托育机构');
    await t.dataSource.query(`UPDATE providers SET status = 'approved' WHERE kind = 'childcare' AND region_id = ?`, [d.regionId]);
  });

  it('reproduces a draw from its revealed seed per kind; old draws without a kind still verify', async () => {
    const a = await draw({ providerKind: 'canteen', providerCount: 2 });
    const home = await draw({ providerKind: 'home_care', providerCount: 2 });
    for (const p of home.providers) expect(homes).toContain(p.id);
    const again = drawInspection({ seed: a.seed, providerPool: a.providerPool, inspectorPool: a.inspectorPool, providerCount: 2, inspectorCount: 1 });
    expect(again.providerIds).toEqual(a.providers.map((p: { id: string }) => p.id));
    for (const x of [a, home]) expect((await t.http.post(`/api/supervision/draws/${x.id}/verify`).set(op).expect(200)).body.reproduced).toBe(true);

    // A draw logged before draws had a kind (provider_kind NULL, all kinds in the pool) still verifies exactly.
    const allKinds = [...homes, ...canteens, ...centres].sort();
    const inspectors = (await t.http.get(`/api/supervision/inspectors?regionId=${d.regionId}`).set(op).expect(200)).body.map((i: { id: string }) => i.id).sort();
    const legacy = drawInspection({ seed: 'legacy', providerPool: allKinds, inspectorPool: inspectors, providerCount: 3, inspectorCount: 2 });
    const legacyId = randomUUID();
    const [user] = await t.dataSource.query(`SELECT id FROM users WHERE nickname = '类别抽查监管'`);
    await t.dataSource.query(
      `INSERT INTO inspection_draws (id, region_id, seed, seed_hash, provider_count, inspector_count, provider_pool, inspector_pool, provider_ids, inspector_ids, prepared_by, prepared_at, drawn_by, drawn_at)
       VALUES (?, ?, 'legacy', SHA2('legacy', 256), 3, 2, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [legacyId, d.regionId, JSON.stringify(allKinds), JSON.stringify(inspectors), JSON.stringify(legacy.providerIds), JSON.stringify(legacy.inspectorIds), user.id, NOW, user.id, NOW],
    );
    const logged = (await t.http.get(`/api/supervision/draws/${legacyId}`).set(op).expect(200)).body;
    expect(logged).toMatchObject({ providerKind: null, providerPool: allKinds });
    expect((await t.http.post(`/api/supervision/draws/${legacyId}/verify`).set(op).expect(200)).body).toMatchObject({ hashMatches: true, reproduced: true, verified: true, providerIds: legacy.providerIds });
    const listed = (await t.http.get(`/api/supervision/draws?regionId=${d.regionId}`).set(op).expect(200)).body;
    expect(listed.find((x: { id: string }) => x.id === legacyId).providerKind).toBeNull();
  });

  it('keeps the pool preview inside the operator’s regions and validates its query', async () => {
    await t.http.get(`/api/supervision/draw-pool?regionId=${d.regionId}&providerKind=canteen`).set(otherOp).expect(404);
    await t.http.get(`/api/supervision/draw-pool?regionId=${d.regionId}&providerKind=bakery`).set(op).expect(400);
    await t.http.get(`/api/supervision/draw-pool?regionId=${d.regionId}`).set(op).expect(400);
  });
});
