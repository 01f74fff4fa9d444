import { seedDemoDistrict } from '../../src/database/seed/demo-district.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The demo district's staff have passed their 岗前培训, so the demo dispatches as before. */
describe('demo district staff qualification', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-11-27T02:00:00Z') });
    await seedDemoDistrict(t.dataSource, t.cipher);
  }, 120_000);
  afterAll(() => t.close());

  it('shows 吴主任 a 100% 岗前培训率 against its target and lets 周护理 receive offers', async () => {
    const login = async (name: string) => ({ Authorization: `Bearer ${(await t.http.post('/api/auth/wechat').send({ code: `dev:${name}` }).expect(200)).body.accessToken}` });
    const [street] = await t.dataSource.query(`SELECT id FROM regions WHERE code = 'ks-ys'`);
    const summary = (await t.http.get(`/api/operator/qualification?regionId=${street.id}`).set(await login('吴主任')).expect(200)).body;
    expect(summary.targets).toEqual({ certifiedRate: 0.93, preJobTrainedRate: 1 });
    expect(summary.totals.staff).toBeGreaterThan(20);
    expect(summary.totals).toMatchObject({ preJobTrainedRate: 1 });
    expect(summary.totals.certifiedRate).toBeGreaterThan(0);
    expect(summary.providers.length).toBeGreaterThanOrEqual(5);
    expect((await t.http.get('/api/staff/me').set(await login('周护理')).expect(200)).body).toMatchObject({ name: '周护理', preJobTrainingPending: false });
    expect((await t.http.get('/api/training/sessions').set(await login('孙经理')).expect(200)).body.map((s: { kind: string }) => s.kind)).toContain('pre_job');
  });
});
