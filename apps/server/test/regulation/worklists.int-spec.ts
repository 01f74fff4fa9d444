import { createTestApp, type TestApp } from '../support/test-app.js';
import { District, type Auth } from './district.js';

const NOW = new Date('2026-11-20T02:00:00Z'); // 20 November 2026 in Shanghai

interface Entry { elderId: string; elderName: string; age: number; reason: string; validUntil: string | null; lastServedAt: string | null }

describe('worklists (应服尽服 / 应评尽评 / expiring assessments)', () => {
  let t: TestApp;
  let d: District;
  let op: Auth;
  let otherOp: Auth;
  let street = '';
  let community = '';
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    d = await new District(t).init();
    street = await d.region('清单街道', 'street');
    community = await d.region('清单社区', 'community', street);
    const other = await d.region('外街道', 'street');
    op = await d.operator('清单运营', street);
    otherOp = await d.operator('外运营', other);
    const add = async (key: string, regionId: string, o: Parameters<District['elder']>[1]) => (ids[key] = (await d.elder(regionId, { name: key, ...o })).id);

    // Entitled (verified, valid): 甲 never served; 乙 served in October only; 丙 cleaned this month; 丁 had a meal this month.
    await add('甲', community, { category: 'dibao', verified: true, validUntil: '2027-12-31', assessmentUntil: '2027-06-30' });
    await add('乙', community, { category: 'tekun', verified: true, validUntil: null, assessmentUntil: '2027-06-30' });
    await add('丙', community, { category: 'dibao', verified: true, validUntil: '2027-12-31', assessmentUntil: '2027-06-30' });
    await add('丁', community, { category: 'dibao', verified: true, validUntil: '2027-12-31', assessmentUntil: '2027-06-30' });
    // Not entitled: 戊 declared but unverified; 己 verified until October; 外 lives in another street.
    await add('戊', community, { category: 'dibao', verified: false, assessmentUntil: '2027-06-30' });
    await add('己', community, { category: 'dibao', verified: true, validUntil: '2026-10-31', assessmentUntil: '2027-06-30' });
    await add('外', other, { category: 'dibao', verified: true, validUntil: '2027-12-31', birth: '1930-01-01' });
    // Assessments: 庚 (86) never assessed; 辛 (82) expired; 壬 (75) never assessed, under 80; 癸 (81) expires in 10 days.
    await add('庚', community, { birth: '1940-05-05' });
    await add('辛', community, { birth: '1944-01-01', assessmentUntil: '2026-11-01' });
    await add('壬', community, { birth: '1951-01-01' });
    await add('癸', community, { birth: '1945-02-02', assessmentUntil: '2026-11-30' });

    await d.order(ids['乙'], community, 'cleaning', 'completed', '2026-10-10 02:00:00');
    await d.order(ids['丙'], community, 'cleaning', 'rated', '2026-11-03 02:00:00', 5);
    await d.order(ids['甲'], community, 'cleaning', 'accepted', null);
    const canteen = await d.provider(community, 'canteen');
    await d.mealBooking(await d.mealSlot(canteen, '2026-11-04', 10), ids['丁'], 'served');
  });
  afterAll(() => t.close());

  it('lists verified-entitled elders with no completed service or served meal this month', async () => {
    const w = (await t.http.get('/api/operator/worklists?month=2026-11').set(op).expect(200)).body;
    const names = w.unserved.map((e: Entry) => e.elderName);
    expect(names.sort()).toEqual(['乙', '甲']);
    const yi = w.unserved.find((e: Entry) => e.elderName === '乙');
    expect(yi).toMatchObject({ lastServedAt: '2026-10-10', reason: '本月尚未服务（上次 2026-10-10）', category: 'tekun' });
    expect(w.unserved.find((e: Entry) => e.elderName === '甲')).toMatchObject({ lastServedAt: null, reason: '核验享受补贴，从未接受服务' });
    // In October, 乙 was served and 丙 was not.
    const october = (await t.http.get('/api/operator/worklists?month=2026-10').set(op).expect(200)).body;
    expect(october.unserved.map((e: Entry) => e.elderName).sort()).toEqual(['丁', '丙', '己', '甲'].sort());
  });

  it('lists elders 80 and over without a valid assessment, and assessments expiring within the days asked', async () => {
    const w = (await t.http.get('/api/operator/worklists?month=2026-11&days=30').set(op).expect(200)).body;
    expect(w.unassessed.map((e: Entry) => [e.elderName, e.age, e.reason])).toEqual([['庚', 86, '80 岁以上尚未评估'], ['辛', 82, '评估已于 2026-11-01 过期']]);
    expect(w.expiring.map((e: Entry) => [e.elderName, e.validUntil])).toEqual([['癸', '2026-11-30']]);
    const short = (await t.http.get('/api/operator/worklists?month=2026-11&days=5').set(op).expect(200)).body;
    expect(short.expiring).toEqual([]);
  });

  it('shows each operator only their own regions', async () => {
    const w = (await t.http.get('/api/operator/worklists?month=2026-11').set(otherOp).expect(200)).body;
    expect(w.unserved.map((e: Entry) => e.elderName)).toEqual(['外']);
    expect(w.unassessed.map((e: Entry) => e.elderName)).toEqual(['外']);
    await t.http.get(`/api/operator/worklists?month=2026-11&regionId=${street}`).set(otherOp).expect(404);
    const scoped = (await t.http.get(`/api/operator/worklists?month=2026-11&regionId=${community}`).set(op).expect(200)).body;
    expect(scoped.unserved).toHaveLength(2);
    await t.http.get('/api/operator/worklists?month=2026-13').set(op).expect(400);
  });
});
