import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seedDemoDistrict } from '../../src/database/seed/demo-district.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The demo district carries its reference data per year, and the sample official list matches its elders. */
describe('demo district KPI data', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let street = '';

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-11-27T02:00:00Z') });
    await seedDemoDistrict(t.dataSource, t.cipher);
    auth = { Authorization: `Bearer ${(await t.http.post('/api/auth/wechat').send({ code: 'dev:吴主任' }).expect(200)).body.accessToken}` };
    [{ id: street }] = await t.dataSource.query(`SELECT id FROM regions WHERE code = 'ks-ys'`);
    // Loading the whole demo district with its half year of history takes seconds alone, more on a busy CI machine.
  }, 120_000);
  afterAll(() => t.close());

  it('has people 60+, residents and children 0–3 per 社区 for 2025 and 2026, used as denominators', async () => {
    const y2026 = (await t.http.get(`/api/operator/region-figures?regionId=${street}&year=2026`).set(auth).expect(200)).body;
    const communities = y2026.filter((r: { regionLevel: string }) => r.regionLevel === 'community');
    expect(communities).toHaveLength(4);
    expect(communities.reduce((s: number, r: { elderly60: number }) => s + r.elderly60, 0)).toBe(4100 + 3300 + 2900 + 3800);
    const y2025 = (await t.http.get(`/api/operator/region-figures?regionId=${street}&year=2025`).set(auth).expect(200)).body;
    expect(y2025.filter((r: { elderly60: number | null }) => r.elderly60 !== null)).toHaveLength(4);
    const summary = (await t.http.get(`/api/kpi/summary?regionId=${street}&month=2026-11`).set(auth).expect(200)).body;
    const by = Object.fromEntries(summary.indicators.map((i: { code: string }) => [i.code, i]));
    expect(by.home_service_share.denominator).toBe(14_100);
    expect(by.places_per_thousand.denominator).toBe(18_500 + 15_200 + 12_800 + 21_300);
    expect(by.childcare_coverage).toMatchObject({ target: 0.5 });
    expect(by.certified_rate).toMatchObject({ target: 0.93 });
  });

  it('draws a year trend and a per-社区 breakdown of the demo street', async () => {
    const trend = (await t.http.get(`/api/kpi/indicators/visit_rate/trend?regionId=${street}&year=2026`).set(auth).expect(200)).body;
    expect(trend.points).toHaveLength(12);
    expect(trend.points[10].target).toBe(1);
    const breakdown = (await t.http.get(`/api/kpi/breakdown?regionId=${street}&month=2026-11`).set(auth).expect(200)).body;
    expect(breakdown.regions.map((r: { regionName: string }) => r.regionName)).toEqual(['玉山镇', '城北社区', '朝阳社区', '同心社区', '新城社区']); // by region code
  });

  it('matches the sample official list to the demo elders', async () => {
    const csv = readFileSync(fileURLToPath(new URL('../../src/database/seed/official-list-sample.csv', import.meta.url)), 'utf8');
    const p = (await t.http.post('/api/operator/official-list/preview').set(auth).send({ csv }).expect(200)).body;
    expect(p).toMatchObject({ total: 7, matched: 4, conflicts: 1, unmatched: 1, invalid: 1 });
  });
});
