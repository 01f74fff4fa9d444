import { drawInspection } from '@carecircle/shared';
import { createHash, randomUUID } from 'node:crypto';
import { DispatchFixture, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const NOW = new Date('2026-11-27T02:00:00Z');
const CHECKLIST = { byKind: { canteen: { items: [{ code: 'food_samples', label: '食品留样 48 小时', critical: true }] } } };
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * 双随机 as the rule states it: the seed is made by the server and its hash published before the
 * draw, so nobody can pick a seed offline to choose the outcome; a draw cannot ask for more than the pool.
 */
describe('双随机 draws are commit–reveal and stay within the pool', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let op: Auth;
  let otherOp: Auth;
  const canteens: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    d = await new DispatchFixture(t).setup();
    const a = await d.f.login('抽签监管');
    const b = await d.f.login('邻街监管');
    const otherStreet = randomUUID();
    await t.dataSource.query(`INSERT INTO regions (id, code, name, level, center_lat, center_lng) VALUES (?, 'other-cr', '邻街道', 'street', 31, 121)`, [otherStreet]);
    await d.makeOperator(a.tokens.user.id);
    await d.makeOperator(b.tokens.user.id, otherStreet);
    op = a.auth;
    otherOp = b.auth;
    await t.dataSource.query(`INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, 'inspection_checklist', 1, '2020-01-01', ?)`, [d.regionId, JSON.stringify(CHECKLIST)]);
    for (let i = 0; i < 3; i++) {
      const id = randomUUID();
      await t.dataSource.query(
        `INSERT INTO providers (id, kind, name, licence_no, region_id, address, lat, lng, service_radius_m, status, recommended) VALUES (?, 'canteen', ?, ?, ?, '测试地址', 31.38, 120.98, 3000, 'approved', 1)`,
        [id, `抽签助餐点${i}`, `LIC-CR-${i}`, d.regionId],
      );
      canteens.push(id);
    }
    for (const name of ['甲检查', '乙检查']) await t.http.post('/api/supervision/inspectors').set(op).send({ regionId: d.regionId, name, organisation: '昆山市民政局' }).expect(201);
  });
  afterAll(() => t.close());

  const prepare = (body: Record<string, unknown>, as: Auth = op) => t.http.post('/api/supervision/draws').set(as).send({ regionId: d.regionId, providerKind: 'canteen', providerCount: 2, inspectorCount: 1, ...body });

  it('refuses a count larger than the pool, saying how many are in it — for providers and for inspectors', async () => {
    const providers = (await prepare({ providerCount: 4 }).expect(400)).body;
    expect(providers).toMatchObject({ error: 'VALIDATION_FAILED', details: { fields: [{ field: 'providerCount' }] } });
    expect(providers.message).toContain('只有 3 家');
    const inspectors = (await prepare({ inspectorCount: 3 }).expect(400)).body;
    expect(inspectors.details.fields).toEqual([{ field: 'inspectorCount', message: expect.stringContaining('只有 2 人') }]);
    expect((await t.dataSource.query('SELECT COUNT(*) AS n FROM inspection_draws'))[0].n).toBe('0');
  });

  it('refuses a seed chosen by the client', async () => {
    const refused = (await prepare({ seed: 'KS-2026-12-我选的' }).expect(400)).body;
    expect(refused).toMatchObject({ error: 'VALIDATION_FAILED', details: { fields: [{ field: 'seed' }] } });
    expect(refused.message).toContain('随机种子由系统生成');
    expect((await t.dataSource.query('SELECT COUNT(*) AS n FROM inspection_draws'))[0].n).toBe('0');
  });

  it('publishes the seed’s hash and the pools first, reveals the seed only when the draw is executed, and the result follows from them', async () => {
    const prepared = (await prepare({}).expect(201)).body;
    expect(prepared).toMatchObject({ status: 'prepared', seed: null, providers: [], inspectors: [], inspectionIds: [], drawnAt: null, preparedByName: '抽签监管' });
    expect(prepared.seedHash).toMatch(/^[0-9a-f]{64}$/);
    expect([...prepared.providerPool].sort()).toEqual([...canteens].sort());
    // Visible to the region's operators before the draw, with the hash and without the seed; not to another street's.
    const listed = (await t.http.get(`/api/supervision/draws?regionId=${d.regionId}`).set(op).expect(200)).body;
    expect(listed.find((x: { id: string }) => x.id === prepared.id)).toMatchObject({ status: 'prepared', seedHash: prepared.seedHash, seed: null });
    await t.http.get(`/api/supervision/draws/${prepared.id}`).set(otherOp).expect(404);
    await t.http.post(`/api/supervision/draws/${prepared.id}/execute`).set(otherOp).expect(404);
    // Nothing to verify before the seed is revealed, and no inspection exists yet.
    expect((await t.http.post(`/api/supervision/draws/${prepared.id}/verify`).set(op).expect(409)).body.message).toContain('种子尚未公开');
    expect((await t.dataSource.query('SELECT COUNT(*) AS n FROM inspections WHERE draw_id = ?', [prepared.id]))[0].n).toBe('0');

    const drawn = (await t.http.post(`/api/supervision/draws/${prepared.id}/execute`).set(op).expect(200)).body;
    expect(drawn).toMatchObject({ id: prepared.id, status: 'drawn', seedHash: prepared.seedHash, providerPool: prepared.providerPool, inspectorPool: prepared.inspectorPool });
    expect(sha256(drawn.seed)).toBe(prepared.seedHash);
    const expected = drawInspection({ seed: drawn.seed, providerPool: prepared.providerPool, inspectorPool: prepared.inspectorPool, providerCount: 2, inspectorCount: 1 });
    expect(drawn.providers.map((p: { id: string }) => p.id)).toEqual(expected.providerIds);
    expect(drawn.inspectors.map((p: { id: string }) => p.id)).toEqual(expected.inspectorIds);
    expect(drawn.inspectionIds).toHaveLength(2);
    expect((await t.http.post(`/api/supervision/draws/${prepared.id}/verify`).set(op).expect(200)).body).toMatchObject({ hashMatches: true, reproduced: true, verified: true });

    // The result carries the hash and the seed, so whoever reads it can check the draw.
    const inspections = (await t.http.get(`/api/supervision/inspections?regionId=${d.regionId}`).set(op).expect(200)).body.filter((i: { drawId: string }) => i.drawId === prepared.id);
    for (const i of inspections) expect(i).toMatchObject({ drawSeedHash: prepared.seedHash, drawSeed: drawn.seed });

    // A draw is executed once.
    expect((await t.http.post(`/api/supervision/draws/${prepared.id}/execute`).set(op).expect(409)).body.message).toContain('已于');
    expect((await t.dataSource.query('SELECT COUNT(*) AS n FROM inspections WHERE draw_id = ?', [prepared.id]))[0].n).toBe('2');
  });

  it('fails verification when the revealed seed is not the one whose hash was published', async () => {
    const prepared = (await prepare({}).expect(201)).body;
    const drawn = (await t.http.post(`/api/supervision/draws/${prepared.id}/execute`).set(op).expect(200)).body;
    // Someone swaps the seed afterwards for one that gives the same providers: the hash gives it away.
    await t.dataSource.query('UPDATE inspection_draws SET seed = ? WHERE id = ?', [`${drawn.seed.slice(0, 63)}${drawn.seed.endsWith('0') ? '1' : '0'}`, prepared.id]);
    const check = (await t.http.post(`/api/supervision/draws/${prepared.id}/verify`).set(op).expect(200)).body;
    expect(check).toMatchObject({ hashMatches: false, verified: false });
  });

  it('gives every draw a fresh seed: two draws prepared with the same request commit to different hashes', async () => {
    const a = (await prepare({}).expect(201)).body;
    const b = (await prepare({}).expect(201)).body;
    expect(a.seedHash).not.toBe(b.seedHash);
  });
});
