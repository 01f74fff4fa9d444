import { createTestApp, type TestApp } from '../support/test-app.js';
import { District, type Auth } from './district.js';

const NOW = new Date('2026-11-20T02:00:00Z');
const MONTH = '2026-11';

interface Indicator { code: string; value: number | null; target: number | null; met: boolean | null; numerator: number | null; denominator: number | null; unit: string; drillDown: string }
interface Drill { indicator: Indicator; records: { id: string; name: string; amount: number; inNumerator: boolean; inDenominator: boolean }[]; figures: { regionId: string }[] }

/**
 * A street (东/西/南 社区) whose every record is written below, so each indicator's answer can be
 * read off this file: 4 elders, 100 people 60+ and 4,000 residents (东 2,000/40, 西 2,000/60, 南 none).
 */
describe('KPI indicators on a seeded district', () => {
  let t: TestApp;
  let d: District;
  let op: Auth;
  let otherOp: Auth;
  let street = '';
  let east = '';
  let west = '';
  let south = '';
  let byCode: Record<string, Indicator>;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    d = await new District(t).init();
    street = await d.region('测试街道', 'street');
    east = await d.region('东社区', 'community', street);
    west = await d.region('西社区', 'community', street);
    south = await d.region('南社区', 'community', street);
    const other = await d.region('别的街道', 'street');
    op = await d.operator('本街道', street);
    otherOp = await d.operator('外街道', other);
    await d.figures(east, 2026, 2000, 40, 30);
    await d.figures(west, 2026, 2000, 60, 20);
    await d.figures(east, 2025, 1000, 10);
    await d.policy(street, 'kpi_targets', {
      visit_rate: 1, home_service_share: 0.2, places_per_thousand: 4.5, puhui_share: 0.6, certified_rate: 0.93, pre_job_training_rate: 1, assessment_rate: 1,
      volunteer_ratio: 0.15, satisfaction: 4.5, satisfaction_share: 0.5, home_community_coverage: 1, childcare_coverage: 0.5, meals_per_day: 2,
    });
    await d.policy(street, 'visit_plan', { tiers: [{ reason: '独居', livingSituations: ['alone'], frequency: 'monthly' }] });

    // Elders: two living alone in 东 (must be visited), two in 西.
    const e1 = await d.elder(east, { name: '甲', living: 'alone', assessmentUntil: '2027-01-01' });
    const e2 = await d.elder(east, { name: '乙', living: 'alone' });
    const e3 = await d.elder(west, { name: '丙', assessmentUntil: '2026-10-01' });
    const e4 = await d.elder(west, { name: '丁', assessmentUntil: '2027-05-01' });
    const outsider = await d.elder(other, { name: '外', living: 'alone', assessmentUntil: '2027-01-01' });

    // Orders: 甲 visited in November (5★); 丙 cleaned at 01:00 on 1 November Shanghai time (3★);
    // 乙 visited only in October; 丁's cleaning is not finished; 乙's meal delivery is no home service.
    await d.order(e1.id, east, 'visit', 'rated', '2026-11-10 02:00:00', 5);
    await d.order(e3.id, west, 'cleaning', 'rated', '2026-10-31 17:00:00', 3);
    await d.order(e2.id, east, 'visit', 'completed', '2026-10-15 02:00:00');
    await d.order(e4.id, west, 'cleaning', 'accepted', null);
    await d.order(e2.id, east, 'meal_delivery', 'completed', '2026-11-05 04:00:00');
    await d.order(outsider.id, other, 'visit', 'rated', '2026-11-10 02:00:00', 1);

    // Home care: 3 carers (one with a valid certificate, two passed the 岗前培训), three volunteers (one aged 66); a pending provider does not count.
    const care = await d.provider(east, 'home_care');
    await d.staff(care, { certificateUntil: '2027-06-30', preJobTraining: 'passed' });
    await d.staff(care, { certificateUntil: '2026-01-01', preJobTraining: 'failed' });
    await d.staff(care, { preJobTraining: 'passed' });
    await d.staff(care, { volunteer: true, birthYear: 1960 });
    await d.staff(care, { volunteer: true, birthYear: 1990 });
    await d.staff(care, { volunteer: true });
    await d.staff(await d.provider(west, 'home_care', 'pending'), { certificateUntil: '2027-06-30' });
    await d.staff(await d.provider(other, 'home_care'), { certificateUntil: '2027-06-30' });

    // Childcare: 30 places in 东 (20 普惠); a pending centre in 西 does not count.
    const nursery = await d.provider(east, 'childcare');
    await d.childcareClass(nursery, 20, true);
    await d.childcareClass(nursery, 10, false);
    await d.childcareClass(await d.provider(west, 'childcare', 'pending'), 50, true);

    // Meals: a canteen in 西 with 20 places on 2 and on 3 November; 3 + 1 meals served, one booked but not collected.
    const canteen = await d.provider(west, 'canteen');
    const day2 = await d.mealSlot(canteen, '2026-11-02', 20);
    const day3 = await d.mealSlot(canteen, '2026-11-03', 20);
    await d.mealBooking(day2, e3.id, 'served');
    await d.mealBooking(day2, e4.id, 'picked_up');
    await d.mealBooking(day2, e2.id, 'served');
    await d.mealBooking(day2, e1.id, 'booked');
    await d.mealBooking(day3, e3.id, 'served');

    const summary = (await t.http.get(`/api/kpi/summary?regionId=${street}&month=${MONTH}`).set(op).expect(200)).body;
    byCode = Object.fromEntries(summary.indicators.map((i: Indicator) => [i.code, i]));
  });
  afterAll(() => t.close());

  it.each([
    // code, value, numerator, denominator, met — November is running on the 20th: a rate or average
    // of the month so far is not judged yet (null, 进行中); home_service_share is judged against its
    // target pro-rated to 20 of 30 days; states read on the day (places, certificates …) are judged.
    ['visit_rate', 0.5, 1, 2, null], // 甲 visited of 甲 乙
    ['home_service_share', 0.02, 2, 100, false], // 甲 丙 of 100 people 60+
    ['home_community_coverage', 0.6667, 2, 3, null], // 东 西 of 东 西 南
    ['meal_capacity_per_day', 20, 40, 2, null],
    ['meals_per_day', 2, 4, 2, null],
    ['places_per_thousand', 7.5, 30, 4000, true],
    ['puhui_share', 0.6667, 20, 30, true],
    ['childcare_coverage', 0.3333, 1, 3, false],
    ['certified_rate', 0.3333, 1, 3, false],
    ['pre_job_training_rate', 0.6667, 2, 3, false], // volunteers need no 岗前培训
    ['assessment_rate', 0.5, 2, 4, false], // 甲 丁 valid on 20 November
    ['volunteer_ratio', 0.01, 1, 100, false],
    ['satisfaction', 4, 8, 2, null],
    ['satisfaction_share', 0.5, 1, 2, null],
  ])('%s = %s (%s / %s)', async (code, value, numerator, denominator, met) => {
    expect(byCode[code]).toMatchObject({ value, numerator, denominator, met });
  });

  it('gives the 助餐与托育 figures the same places per 1,000 as the indicator (the year’s reference data)', async () => {
    const figures = (await t.http.get(`/api/kpi/childcare?regionId=${street}`).set(op).expect(200)).body;
    expect(figures).toMatchObject({ places: 30, population: 4000, placesPerThousand: byCode.places_per_thousand.value });
  });

  it('gives percentages as fractions 0–1, value and target alike', () => {
    expect(byCode.certified_rate).toMatchObject({ unit: '%', target: 0.93 });
    expect(byCode.places_per_thousand).toMatchObject({ unit: '个', target: 4.5 });
    expect(byCode.meal_capacity_per_day.target).toBeNull();
  });

  it('drills down to the very records counted, for every indicator', async () => {
    for (const ind of Object.values(byCode)) {
      expect(ind.drillDown).toBe(`/api/kpi/indicators/${ind.code}/records?regionId=${street}&month=${MONTH}`);
      const drill: Drill = (await t.http.get(ind.drillDown).set(op).expect(200)).body;
      expect(drill.indicator.value).toBe(ind.value);
      const sum = (f: (r: Drill['records'][number]) => boolean) => drill.records.filter(f).reduce((s, r) => s + r.amount, 0);
      expect(sum((r) => r.inNumerator)).toBe(ind.numerator);
      // A mean (satisfaction) divides the summed stars by the number of ratings.
      if (ind.code === 'satisfaction') expect(drill.records.length).toBe(ind.denominator);
      else if (drill.records.some((r) => r.inDenominator)) expect(sum((r) => r.inDenominator)).toBe(ind.denominator);
    }
    const visits: Drill = (await t.http.get(byCode.visit_rate.drillDown).set(op).expect(200)).body;
    expect(visits.records.map((r) => [r.name, r.inNumerator])).toEqual([['乙', false], ['甲', true]].sort());
    const share: Drill = (await t.http.get(byCode.home_service_share.drillDown).set(op).expect(200)).body;
    expect(share.records.map((r) => r.name).sort()).toEqual(['丙', '甲']);
    expect(share.figures.map((f) => f.regionId).sort()).toEqual([east, west].sort());
  });

  it('breaks the figures down per 社区', async () => {
    const b = (await t.http.get(`/api/kpi/breakdown?regionId=${street}&month=${MONTH}`).set(op).expect(200)).body;
    expect(b.regions[0].regionId).toBe(street);
    expect(b.regions.map((r: { regionId: string }) => r.regionId).sort()).toEqual([street, east, west, south].sort());
    const of = (id: string, code: string) => b.regions.find((r: { regionId: string }) => r.regionId === id).indicators.find((i: Indicator) => i.code === code);
    expect(of(east, 'visit_rate')).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
    expect(of(west, 'visit_rate').value).toBeNull();
    expect(of(east, 'home_service_share')).toMatchObject({ numerator: 1, denominator: 40, value: 0.025 });
    expect(of(east, 'places_per_thousand')).toMatchObject({ value: 15 });
    expect(of(south, 'home_community_coverage')).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    expect(of(east, 'visit_rate').target).toBe(1);
  });

  it('follows one indicator over the year, with the year’s reference data', async () => {
    const trend = (await t.http.get(`/api/kpi/indicators/home_service_share/trend?regionId=${street}&year=2026`).set(op).expect(200)).body;
    expect(trend.points).toHaveLength(12);
    expect(trend.points[9]).toMatchObject({ month: '2026-10', value: 0.01, target: 0.2, met: false }); // 乙's October visit
    expect(trend.points[10]).toMatchObject({ month: '2026-11', value: 0.02 });
    expect(trend.points[11]).toMatchObject({ month: '2026-12', value: null });
    const lastYear = (await t.http.get(`/api/kpi/indicators/home_service_share/trend?regionId=${east}&year=2025`).set(op).expect(200)).body;
    expect(lastYear.points.every((p: { value: number | null }) => p.value === 0)).toBe(true); // 2025: 10 people 60+, none served
  });

  it('keeps other streets out', async () => {
    await t.http.get(`/api/kpi/summary?regionId=${street}&month=${MONTH}`).set(otherOp).expect(404);
    await t.http.get(`/api/kpi/indicators/visit_rate/records?regionId=${east}&month=${MONTH}`).set(otherOp).expect(404);
    await t.http.get(`/api/kpi/indicators/visit_rate/trend?regionId=${street}&year=2026`).set(otherOp).expect(404);
    await t.http.get(`/api/kpi/breakdown?regionId=${street}&month=${MONTH}`).set(otherOp).expect(404);
    await t.http.get(`/api/kpi/indicators/nonsense/records?regionId=${street}&month=${MONTH}`).set(op).expect(404);
  });

  it('exports the month as JSON with a schema version, and as CSV', async () => {
    const json = (await t.http.get(`/api/kpi/report?regionId=${street}&month=${MONTH}`).set(op).expect(200)).body;
    expect(json).toMatchObject({ schemaVersion: '1.0', month: MONTH, percentScale: 'fraction', region: { id: street, name: '测试街道', level: 'street' } });
    expect(json.indicators.find((i: Indicator) => i.code === 'visit_rate')).toMatchObject({ value: 0.5, numerator: 1, denominator: 2, target: 1, met: null });
    expect(json.regions.map((r: { name: string }) => r.name).sort()).toEqual(['东社区', '西社区', '南社区'].sort());
    const csv = await t.http.get(`/api/kpi/report?regionId=${street}&month=${MONTH}&format=csv`).set(op).expect(200).expect('content-type', /text\/csv/);
    const lines = csv.text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('schema_version,month,region_code,region_name,region_level,indicator_code,indicator_label,unit,value,target,met,numerator,denominator');
    expect(lines).toHaveLength(1 + 4 * json.indicators.length);
    expect(lines.find((l) => l.includes(',测试街道,') && l.includes(',visit_rate,'))).toMatch(/,%,0\.5,1,,1,2$/); // met is empty: November is still running
    const html = await t.http.get(`/api/kpi/report?regionId=${street}&month=${MONTH}&format=html`).set(op).expect(200).expect('content-type', /text\/html/);
    expect(html.text).toContain('测试街道 2026-11 养老托育服务月报');
    await t.http.get(`/api/kpi/report?regionId=${street}&month=${MONTH}`).set(otherOp).expect(404);
  });
});
