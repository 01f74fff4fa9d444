import { ChildcareFixture, type Centre } from '../support/childcare-fixture.js';
import { DispatchFixture, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// 2026-11-27, Asia/Shanghai.
const NOW = new Date('2026-11-27T02:00:00Z');
const DAY = '2026-12-03';

/** Issue 13: one booking per need — a child is in one place at a time, whichever centre. */
describe('a child’s childcare bookings never overlap, across centres', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let cc: ChildcareFixture;
  let a: Centre;
  let b: Centre;
  let classA: { id: string; name: string };
  let classB: { id: string; name: string };

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    d = await new DispatchFixture(t).setup();
    cc = await new ChildcareFixture(t, d).setup();
    a = await cc.centre(200, '甲园');
    b = await cc.centre(200, '乙园');
    classA = await cc.addClass(a, { name: '托大班甲', ageClass: 'preschool', capacity: 10, dailyQuota: 5, prices: { full_day: 150_000, half_day: 90_000, hourly: 2_000, occasional: 10_000 } });
    classB = await cc.addClass(b, { name: '托大班乙', ageClass: 'preschool', capacity: 10, dailyQuota: 5, prices: { full_day: 150_000, half_day: 90_000, hourly: 2_000, occasional: 10_000 } });
  });
  afterAll(() => t.close());

  const enrol = (auth: Auth, body: Record<string, unknown>) => cc.enrol(auth, body);
  const active = async (childId: string) => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM enrolments WHERE child_id = ? AND status = 'active'`, [childId]))[0].n);

  it('a monthly place at one centre refuses a monthly place at another, naming the centre, class and month', async () => {
    const p = await cc.parentWithChild('2024-06-02');
    await enrol(p.auth, { childId: p.child.id, classId: classA.id, careType: 'half_day', startMonth: '2026-12' }).expect(201);
    const res = await enrol(p.auth, { childId: p.child.id, classId: classB.id, careType: 'full_day', startMonth: '2027-01' }).expect(409);
    expect(res.body.message).toContain('甲园');
    expect(res.body.message).toContain('托大班甲 半日托 2026-12 起');
    expect(await active(p.child.id)).toBe(1);
  });

  it('hourly bookings on the same date with overlapping times at two centres → 409 saying which; adjoining times are fine', async () => {
    const p = await cc.parentWithChild('2024-06-02');
    await enrol(p.auth, { childId: p.child.id, classId: classA.id, careType: 'hourly', date: DAY, startTime: '09:00', endTime: '11:00' }).expect(201);
    const res = await enrol(p.auth, { childId: p.child.id, classId: classB.id, careType: 'hourly', date: DAY, startTime: '10:30', endTime: '12:00' }).expect(409);
    expect(res.body.error).toBe('CHILDCARE.BOOKING_CLASH');
    expect(res.body.message).toContain(`托大班甲 计时托 ${DAY} 09:00–11:00`);
    const day = await enrol(p.auth, { childId: p.child.id, classId: classB.id, careType: 'occasional', date: DAY }).expect(409);
    expect(day.body.error).toBe('CHILDCARE.BOOKING_CLASH');
    await enrol(p.auth, { childId: p.child.id, classId: classB.id, careType: 'hourly', date: DAY, startTime: '11:00', endTime: '12:00' }).expect(201);
    await enrol(p.auth, { childId: p.child.id, classId: classB.id, careType: 'hourly', date: '2026-12-04', startTime: '09:00', endTime: '11:00' }).expect(201);
    expect(await active(p.child.id)).toBe(3);
  });

  it('a running 全日托 place clashes with a day booking elsewhere in its months', async () => {
    const p = await cc.parentWithChild('2024-06-02');
    await enrol(p.auth, { childId: p.child.id, classId: classA.id, careType: 'full_day', startMonth: '2026-12' }).expect(201);
    const res = await enrol(p.auth, { childId: p.child.id, classId: classB.id, careType: 'occasional', date: DAY }).expect(409);
    expect(res.body.message).toContain('托大班甲 全日托 2026-12 起');
  });

  it('concurrent clashing bookings of one child at two centres: exactly one is taken', async () => {
    const p = await cc.parentWithChild('2024-06-02');
    const results = await Promise.all([classA, classB].map((c) => enrol(p.auth, { childId: p.child.id, classId: c.id, careType: 'occasional', date: '2026-12-07' })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await active(p.child.id)).toBe(1);
  });
});
