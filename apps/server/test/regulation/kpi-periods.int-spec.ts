import { createTestApp, type TestApp } from '../support/test-app.js';
import { District, type Auth } from './district.js';

// 20 November 2026, 10:00 in Shanghai: November is running, December has not begun.
const NOW = new Date('2026-11-20T02:00:00Z');

interface Indicator { code: string; value: number | null; target: number | null; monthTarget: number | null; prorated: boolean; partial: boolean; met: boolean | null; numerator: number | null; denominator: number | null }

/**
 * Periods and one definition per figure (issue 13): a month that has not begun is not counted, the
 * running month is marked partial (a count target pro-rated to the days gone, a rate not judged),
 * weekly visit tiers need a visit every week, a visit is overdue only once its window opened, and
 * 探访率 is the same figure on /kpi/visits, /kpi/summary, /kpi/breakdown, the trend and the report.
 */
describe('KPI periods and the one visit rate', () => {
  let t: TestApp;
  let d: District;
  let op: Auth;
  let street = '';
  let east = '';
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    d = await new District(t).init();
    street = await d.region('周期街道', 'street');
    east = await d.region('周期东社区', 'community', street);
    op = await d.operator('周期运营', street);
    await d.figures(east, 2026, 2000, 100);
    await d.policy(street, 'kpi_targets', { visit_rate: 1, home_service_share: 0.3 });
    await d.policy(street, 'visit_plan', {
      tiers: [
        { reason: '独居', livingSituations: ['alone'], frequency: 'monthly' },
        { reason: '失独', livingSituations: ['lost_only_child'], frequency: 'weekly' },
      ],
    });
    // Monthly tier: 甲 visited on 3 November; 乙 not visited (the month's window opened on the 10th).
    ids.jia = (await d.elder(east, { name: '甲', living: 'alone', createdAt: '2026-01-01 00:00:00' })).id;
    ids.yi = (await d.elder(east, { name: '乙', living: 'alone', createdAt: '2026-01-01 00:00:00' })).id;
    // Weekly tier: 丙 visited in weeks 1, 2 and 3 of November; 丁 only once, in week 1.
    ids.bing = (await d.elder(east, { name: '丙', living: 'lost_only_child', createdAt: '2026-01-01 00:00:00' })).id;
    ids.ding = (await d.elder(east, { name: '丁', living: 'lost_only_child', createdAt: '2026-01-01 00:00:00' })).id;
    await d.order(ids.jia, east, 'visit', 'completed', '2026-11-03 02:00:00');
    for (const day of ['2026-11-02', '2026-11-09', '2026-11-16']) await d.order(ids.bing, east, 'visit', 'completed', `${day} 02:00:00`);
    await d.order(ids.ding, east, 'visit', 'completed', '2026-11-02 02:00:00');
    // October: everyone visited once, on the 5th (weekly elders needed four visits).
    for (const e of [ids.jia, ids.yi, ids.bing, ids.ding]) await d.order(e, east, 'visit', 'completed', '2026-10-05 02:00:00');
    // Home services this month: 30 of 100 people 60+ is the month's target; 10 served by the 20th.
    for (let i = 0; i < 10; i++) {
      const e = await d.elder(east, { name: `服务${i}`, createdAt: '2026-01-01 00:00:00' });
      await d.order(e.id, east, 'cleaning', 'completed', '2026-11-05 02:00:00');
    }
  });
  afterAll(() => t.close());

  const summary = async (month?: string) => (await t.http.get('/api/kpi/summary').query({ regionId: street, ...(month ? { month } : {}) }).set(op).expect(200)).body as { partial: boolean; asOf: string; indicators: Indicator[] };
  const find = (list: Indicator[], code: string) => list.find((i) => i.code === code)!;

  it('refuses to count a month that has not begun, naming the latest month there is', async () => {
    for (const path of ['/api/kpi/summary', '/api/kpi/breakdown', '/api/kpi/visits', '/api/kpi/report', '/api/kpi/indicators/visit_rate/records']) {
      const res = await t.http.get(path).query({ regionId: street, month: '2026-12' }).set(op).expect(422);
      expect(res.body).toMatchObject({ error: 'PERIOD.NOT_OVER', details: { latestMonth: '2026-11' } });
      expect(res.body.message).toContain('2026-11');
    }
  });

  it('marks the running month partial: a count target pro-rated to the days gone, a rate kept but not judged', async () => {
    const now = await summary('2026-11');
    expect(now).toMatchObject({ partial: true, asOf: '2026-11-20' });
    // 30 % over November's 30 days, 20 of them gone: 20 %; 13 of 100 served (10 cleanings, 3 visited) is below it.
    expect(find(now.indicators, 'home_service_share')).toMatchObject({ value: 0.13, monthTarget: 0.3, target: 0.2, prorated: true, partial: true, met: false });
    expect(find(now.indicators, 'visit_rate')).toMatchObject({ target: 1, monthTarget: 1, prorated: false, partial: true, met: null });
    const past = await summary('2026-10');
    expect(past).toMatchObject({ partial: false, asOf: '2026-10-31' });
    expect(find(past.indicators, 'visit_rate')).toMatchObject({ partial: false, prorated: false, target: 1, met: false });
    // Without a month the summary is the running one (the injected clock's, not the machine's).
    expect(await summary()).toMatchObject({ partial: true, asOf: '2026-11-20' });
  });

  it('counts weekly tiers weekly: a weekly elder needs a visit in every week whose window has opened', async () => {
    const visits = (await t.http.get('/api/kpi/visits').query({ regionId: street, month: '2026-11' }).set(op).expect(200)).body;
    // 20 November: weeks 1–3 have opened. 甲 (monthly, visited) and 丙 (weeks 1–3) count; 乙 and 丁 do not.
    expect(visits).toMatchObject({ partial: true, asOf: '2026-11-20', required: 4, visited: 2, rate: 0.5 });
    const overdue = Object.fromEntries(visits.overdue.map((o: { elderName: string; missing: string[]; frequency: string }) => [o.elderName, o]));
    expect(overdue['丁']).toMatchObject({ frequency: 'weekly', missing: ['第2周', '第3周'] });
    expect(overdue['乙']).toMatchObject({ frequency: 'monthly', missing: ['本月'] });
    expect(overdue['丙']).toBeUndefined();
    // October ended: one visit a month is not weekly; 甲 and 乙 (monthly) count, 丙 and 丁 do not.
    const october = (await t.http.get('/api/kpi/visits').query({ regionId: street, month: '2026-10' }).set(op).expect(200)).body;
    expect(october).toMatchObject({ partial: false, required: 4, visited: 2, rate: 0.5 });
    expect(october.overdue.map((o: { elderName: string; missing: string[] }) => [o.elderName, o.missing.length]).sort()).toEqual([['丁', 3], ['丙', 3]]);
  });

  it('lists a monthly visit as overdue only after its window opened', async () => {
    t.clock.set(new Date('2026-11-09T02:00:00Z')); // 9 November: the monthly window opens on the 10th
    try {
      const early = (await t.http.get('/api/kpi/visits').query({ regionId: street, month: '2026-11' }).set(op).expect(200)).body;
      const names = early.overdue.map((o: { elderName: string }) => o.elderName);
      expect(names).not.toContain('乙');
      // Weekly: week 2 opened on the 8th, so 丁 (week 1 only) is overdue for week 2.
      expect(early.overdue.find((o: { elderName: string }) => o.elderName === '丁')).toMatchObject({ missing: ['第2周'] });
    } finally {
      t.clock.set(NOW);
    }
    const later = (await t.http.get('/api/kpi/visits').query({ regionId: street, month: '2026-11' }).set(op).expect(200)).body;
    expect(later.overdue.map((o: { elderName: string }) => o.elderName)).toContain('乙');
  });

  it('gives the same 探访率 on /kpi/visits, /kpi/summary, /kpi/breakdown, the drill-down, the trend and the report', async () => {
    for (const month of ['2026-10', '2026-11']) {
      const visits = (await t.http.get('/api/kpi/visits').query({ regionId: street, month }).set(op).expect(200)).body;
      const fromSummary = find((await summary(month)).indicators, 'visit_rate');
      const breakdown = (await t.http.get('/api/kpi/breakdown').query({ regionId: street, month }).set(op).expect(200)).body;
      const drill = (await t.http.get('/api/kpi/indicators/visit_rate/records').query({ regionId: street, month }).set(op).expect(200)).body;
      const report = (await t.http.get('/api/kpi/report').query({ regionId: street, month }).set(op).expect(200)).body;
      const trend = (await t.http.get('/api/kpi/indicators/visit_rate/trend').query({ regionId: street, year: '2026' }).set(op).expect(200)).body;
      const figure = { value: visits.rate, numerator: visits.visited, denominator: visits.required };
      expect(fromSummary).toMatchObject(figure);
      expect(find(breakdown.regions[0].indicators, 'visit_rate')).toMatchObject(figure);
      expect(drill.indicator).toMatchObject(figure);
      expect(find(report.indicators, 'visit_rate')).toMatchObject(figure);
      expect(trend.points.find((p: { month: string }) => p.month === month).value).toBe(visits.rate);
      const eastRow = visits.communities.find((c: { regionId: string }) => c.regionId === east);
      expect(find(breakdown.regions.find((r: { regionId: string }) => r.regionId === east).indicators, 'visit_rate')).toMatchObject({ value: eastRow.rate, numerator: eastRow.visited, denominator: eastRow.required });
    }
  });
});
