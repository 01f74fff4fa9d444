import { shanghaiDate, shanghaiMonth } from '@carecircle/shared';
import { seedDemoDistrict } from '../../src/database/seed/demo-district.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Indicator { code: string; unit: string; value: number | null; numerator: number | null; denominator: number | null }
interface KpiRecord { amount: number; inNumerator: boolean; inDenominator: boolean }

/** The demo district comes with half a year of believable past use, and nothing of it is today or later. */
describe('demo district history', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let street = '';
  const now = new Date();
  const month = shanghaiMonth(now);
  const lastMonth = shanghaiMonth(new Date(Date.parse(`${month}-01T00:00:00+08:00`) - 86_400_000));
  const today = shanghaiDate(now);
  const todayStart = new Date(`${today}T00:00:00+08:00`);

  beforeAll(async () => {
    t = await createTestApp({ now });
    await seedDemoDistrict(t.dataSource, t.cipher);
    auth = { Authorization: `Bearer ${(await t.http.post('/api/auth/wechat').send({ code: 'dev:吴主任' }).expect(200)).body.accessToken}` };
    [{ id: street }] = await t.dataSource.query(`SELECT id FROM regions WHERE code = 'ks-ys'`);
  }, 120_000);
  afterAll(() => t.close());

  it('gives every indicator of 玉山镇 a plausible value last month, each drilling down to exactly its numerator', async () => {
    const summary = (await t.http.get(`/api/kpi/summary?regionId=${street}&month=${lastMonth}`).set(auth).expect(200)).body as { indicators: Indicator[] };
    expect(summary.indicators.length).toBeGreaterThanOrEqual(14);
    for (const i of summary.indicators) {
      expect({ code: i.code, positive: (i.value ?? 0) > 0 }).toEqual({ code: i.code, positive: true });
      if (i.unit === '%') expect({ code: i.code, atMost100: i.value! <= 1 }).toEqual({ code: i.code, atMost100: true });
      const drill = (await t.http.get(`/api/kpi/indicators/${i.code}/records?regionId=${street}&month=${lastMonth}`).set(auth).expect(200)).body as { records: KpiRecord[] };
      const numerator = drill.records.filter((r) => r.inNumerator).reduce((s, r) => s + r.amount, 0);
      expect({ code: i.code, numerator }).toEqual({ code: i.code, numerator: i.numerator });
      if (i.unit === '分') expect({ code: i.code, denominator: drill.records.length }).toEqual({ code: i.code, denominator: i.denominator });
      else if (drill.records.some((r) => r.inDenominator)) {
        expect({ code: i.code, denominator: drill.records.filter((r) => r.inDenominator).reduce((s, r) => s + r.amount, 0) }).toEqual({ code: i.code, denominator: i.denominator });
      }
    }
    const by = Object.fromEntries(summary.indicators.map((i) => [i.code, i]));
    if (process.env.SHOW_KPI) console.log(summary.indicators.map((i) => `${i.code} ${i.value} ${i.numerator}/${i.denominator}`).join('\n'));
    // Believable, not perfect: most of the plan's elders visited, ratings mostly 4★ and up, some elders never assessed.
    expect(by.visit_rate.value).toBeGreaterThan(0.6);
    expect(by.visit_rate.value).toBeLessThan(1);
    expect(by.satisfaction.value).toBeGreaterThan(4);
    expect(by.satisfaction_share.value).toBeGreaterThan(0.75);
    expect(by.assessment_rate.value).toBeLessThan(1);
    // The denominators stay the statistics bureau's figures.
    expect(by.home_service_share.denominator).toBe(14_100);
  });

  it('draws trends with at least four monthly points over the last half year', async () => {
    const months = Array.from({ length: 6 }, (_, k) => shanghaiMonth(new Date(Date.parse(`${month}-15T00:00:00+08:00`) - k * 30.5 * 86_400_000)));
    const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))];
    for (const code of ['visit_rate', 'home_service_share', 'meals_per_day', 'satisfaction', 'volunteer_ratio']) {
      const points: { month: string; value: number | null }[] = [];
      for (const year of years) points.push(...(await t.http.get(`/api/kpi/indicators/${code}/trend?regionId=${street}&year=${year}`).set(auth).expect(200)).body.points);
      const filled = points.filter((p) => months.includes(p.month) && p.month < month && (p.value ?? 0) > 0);
      expect({ code, points: filled.length }).toEqual({ code, points: 5 });
    }
  });

  it('leaves today and the demo logins as they were', async () => {
    const q = async (sql: string, params: unknown[] = []) => Number((await t.dataSource.query(sql, params))[0].n);
    const history = `JOIN users u ON u.id = o.created_by AND u.openid LIKE 'demo-history:%'`;
    expect(await q(`SELECT COUNT(*) AS n FROM orders o ${history}`)).toBeGreaterThan(1000);
    // Only finished orders, all before today; none for the demo families, none by 周护理.
    expect(await q(`SELECT COUNT(*) AS n FROM orders o ${history} WHERE o.status NOT IN ('completed', 'rated') OR o.completed_at >= ? OR o.window_start >= ?`, [todayStart, todayStart])).toBe(0);
    expect(await q(`SELECT COUNT(*) AS n FROM orders o JOIN users u ON u.id = o.created_by WHERE u.openid LIKE 'dev:%'`)).toBe(0);
    expect(await q(`SELECT COUNT(*) AS n FROM orders o JOIN provider_staff s ON s.id = o.staff_id WHERE s.user_id IS NOT NULL`)).toBe(0);
    expect(await q(`SELECT COUNT(*) AS n FROM offers`)).toBe(0);
    // No meal booked and no childcare place held today or later by the history.
    expect(await q(`SELECT COUNT(*) AS n FROM meal_bookings b JOIN meal_slots s ON s.id = b.slot_id WHERE s.date >= ?`, [today])).toBe(0);
    expect(await q(`SELECT COUNT(*) AS n FROM meal_slots WHERE date >= ? AND (booked_dine_in + booked_pickup + booked_delivery) > 0`, [today])).toBe(0);
    expect(await q(`SELECT COUNT(*) AS n FROM enrolments WHERE status = 'active'`)).toBe(1);
    // Every order's timeline, service record and subsidy are the ones checkout and completion write.
    expect(await q(`SELECT COUNT(*) AS n FROM orders o ${history} LEFT JOIN service_records r ON r.order_id = o.id WHERE r.order_id IS NULL OR r.check_out_at <> o.completed_at`)).toBe(0);
    expect(await q(`SELECT COUNT(*) AS n FROM orders o ${history} WHERE (SELECT COUNT(*) FROM order_events e WHERE e.order_id = o.id) <> IF(o.status = 'rated', 8, 7)`)).toBe(0);
    expect(await q(`SELECT COUNT(*) AS n FROM orders o ${history} LEFT JOIN subsidy_ledger l ON l.source_type = 'order' AND l.source_id = o.id WHERE o.subsidy_fen <> COALESCE(l.amount_fen, 0)`)).toBe(0);
    expect(await q(`SELECT COUNT(*) AS n FROM meal_bookings b LEFT JOIN subsidy_ledger l ON l.source_type = 'meal' AND l.source_id = b.id WHERE b.subsidy_fen <> COALESCE(l.amount_fen, 0)`)).toBe(0);
    // Monthly caps hold, as at checkout.
    expect(await q(`SELECT COUNT(*) AS n FROM (SELECT elder_id, month, rule_key, SUM(amount_fen) AS total FROM subsidy_ledger WHERE elder_id IS NOT NULL GROUP BY elder_id, month, rule_key HAVING total > 60000) x`)).toBe(0);
    // The demo families are unchanged: 12 elders in 5 households with dev logins.
    expect(await q(`SELECT COUNT(*) AS n FROM elders e JOIN users u ON u.id = e.created_by WHERE u.openid LIKE 'dev:%'`)).toBe(12);
  });

  it('settles last month into statements without duplicate claims', async () => {
    const statements = (await t.http.post(`/api/operator/statements/${lastMonth}/generate`).set(auth).expect(200)).body as { providerName: string; totalFen: number; anomalies: { kind: string }[] }[];
    // The three home-care providers and both canteens have subsidies to settle (the 普惠 centre when a child was enrolled that month).
    expect(statements.filter((s) => s.totalFen > 0).map((s) => s.providerName)).toEqual(
      expect.arrayContaining(['同心社区老年助餐点', '安康居家养老服务中心', '玉山镇朝阳幸福食堂', '福寿家政护理服务站', '颐和居家养老服务有限公司']),
    );
    expect(statements.flatMap((s) => s.anomalies).filter((a) => a.kind === 'duplicate_claim')).toEqual([]);
  });

  it('does nothing when seeded again', async () => {
    const count = async () => Number((await t.dataSource.query('SELECT (SELECT COUNT(*) FROM elders) + (SELECT COUNT(*) FROM orders) + (SELECT COUNT(*) FROM meal_bookings) AS n'))[0].n);
    const before = await count();
    expect((await seedDemoDistrict(t.dataSource, t.cipher)).seeded).toBe(false);
    expect(await count()).toBe(before);
  });
});
