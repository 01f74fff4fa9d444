import { ChildcareFixture, type Centre } from '../support/childcare-fixture.js';
import { DispatchFixture, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// 2026-11-27, Asia/Shanghai.
const NOW = new Date('2026-11-27T02:00:00Z');
const DAY = '2026-12-03';

describe('计时托 by the hour, within the centre’s opening hours', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let cc: ChildcareFixture;
  let centre: Centre;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    d = await new DispatchFixture(t).setup();
    cc = await new ChildcareFixture(t, d).setup();
    centre = await newCentre(200);
  });
  afterAll(() => t.close());

  const newCentre = (licensedPlaces: number) => cc.centre(licensedPlaces, '计时托育');
  const addClass = (body: Record<string, unknown>, c: Centre = centre) => cc.addClass<{ id: string; name: string }>(c, { ageClass: 'preschool', ...body });
  const parentWithChild = (birthDate = '2024-06-02') => cc.parentWithChild(birthDate);
  const enrol = (auth: Auth, body: Record<string, unknown>, key?: string) => cc.enrol(auth, body, key);
  const hourly = (p: { auth: Auth; child: { id: string } }, classId: string, startTime: string, endTime: string, date = DAY) =>
    enrol(p.auth, { childId: p.child.id, classId, careType: 'hourly', date, startTime, endTime });
  const dayPlace = (p: { auth: Auth; child: { id: string } }, classId: string, date = DAY) => enrol(p.auth, { childId: p.child.id, classId, careType: 'occasional', date });

  async function hourUsage(classId: string, date = DAY): Promise<Record<number, number>> {
    const rows: { hour: number; booked: number }[] = await t.dataSource.query('SELECT hour, booked FROM class_hour_usage WHERE class_id = ? AND date = ? AND booked > 0 ORDER BY hour', [classId, date]);
    return Object.fromEntries(rows.map((r) => [Number(r.hour), Number(r.booked)]));
  }

  it('lets hourly bookings at different hours share a place; a day place is refused once one hour is full', async () => {
    const cls = await addClass({ name: '托大班 按小时', capacity: 2 }); // 2 places − 0 enrolled + 0 quota = 2 per hour
    const [a, b, c, e, f] = await Promise.all(Array.from({ length: 5 }, () => parentWithChild()));
    await hourly(a, cls.id, '09:00', '11:00').expect(201);
    await hourly(b, cls.id, '14:00', '16:00').expect(201);
    // Before: these two took both of the day's places. Now a third child still fits, 09:30–11:00 touching 9 and 10.
    const third = (await hourly(c, cls.id, '09:30', '11:00').expect(201)).body.enrolment;
    expect(third).toMatchObject({ careType: 'hourly', startTime: '09:30', endTime: '11:00', priceFen: 4000 });
    expect(await hourUsage(cls.id)).toEqual({ 9: 2, 10: 2, 14: 1, 15: 1 });

    // 09:00–11:00 is full now; the day place, which occupies every hour, is refused, naming the hour.
    const day = await dayPlace(e, cls.id).expect(409);
    expect(day.body).toMatchObject({ error: 'CHILDCARE.CLASS_FULL', message: `${DAY} 托大班 按小时已约满（09:00–10:00 已满）`, details: { canWaitlist: false } });
    const ten = await hourly(e, cls.id, '10:00', '11:00').expect(409);
    expect(ten.body).toMatchObject({ error: 'CHILDCARE.CLASS_FULL', message: `${DAY} 托大班 按小时 10:00–11:00 已满`, details: { canWaitlist: false } });
    // The afternoon and 11:00 onwards still have room.
    await hourly(e, cls.id, '11:00', '13:00').expect(201);
    await hourly(f, cls.id, '15:00', '16:30').expect(201);
    expect(await hourUsage(cls.id)).toEqual({ 9: 2, 10: 2, 11: 1, 12: 1, 14: 1, 15: 2, 16: 1 });
    // Another day is untouched: a day place there fits.
    await dayPlace(f, cls.id, '2026-12-04').expect(201);
  });

  it('counts day places against every hour: with one day place taken, an hour takes one more child only', async () => {
    const cls = await addClass({ name: '托大班 整日', capacity: 1, dailyQuota: 1 }); // 1 − 0 + 1 = 2
    const [a, b, c, e] = await Promise.all(Array.from({ length: 4 }, () => parentWithChild()));
    await dayPlace(a, cls.id).expect(201);
    await hourly(b, cls.id, '08:00', '09:00').expect(201);
    const res = await hourly(c, cls.id, '08:30', '10:00').expect(409);
    expect(res.body.message).toBe(`${DAY} 托大班 整日 08:00–09:00 已满`);
    await hourly(c, cls.id, '09:00', '10:00').expect(201);
    // Day places: day_booked + busiest hour (1 + 1) has reached the limit. (Another child: c is booked that morning already.)
    expect((await dayPlace(e, cls.id).expect(409)).body.message).toBe(`${DAY} 托大班 整日已约满（08:00–09:00 已满）`);
  });

  it('gives an hour to exactly `limit` of 20 concurrent parents', async () => {
    const cls = await addClass({ name: '托大班 抢时段', capacity: 2, dailyQuota: 1 }); // 2 − 0 + 1 = 3
    const parents = await Promise.all(Array.from({ length: 20 }, () => parentWithChild()));
    const results = await Promise.all(parents.map((p) => hourly(p, cls.id, '10:00', '12:00')));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(17);
    expect(refused.every((r) => r.status === 409 && r.body.message === `${DAY} 托大班 抢时段 10:00–11:00 已满`)).toBe(true);
    expect(await hourUsage(cls.id)).toEqual({ 10: 3, 11: 3 });
    const [{ n }] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM enrolments WHERE class_id = ? AND status = 'active'`, [cls.id]);
    expect(Number(n)).toBe(3);
  });

  it('never oversells an hour when day places and hourly bookings race', async () => {
    const cls = await addClass({ name: '托大班 混合', capacity: 3 }); // 3 per hour
    const parents = await Promise.all(Array.from({ length: 24 }, () => parentWithChild()));
    const slots = [['08:00', '10:00'], ['09:00', '11:00'], ['09:30', '10:30'], ['13:00', '15:00']];
    const results = await Promise.all(parents.map((p, i) => (i % 3 === 0 ? dayPlace(p, cls.id) : hourly(p, cls.id, slots[i % 4][0], slots[i % 4][1]))));
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const rows: { care_type: string; start_time: string | null; end_time: string | null }[] = await t.dataSource.query(
      `SELECT care_type, start_time, end_time FROM enrolments WHERE class_id = ? AND status = 'active'`, [cls.id]);
    expect(rows.length).toBe(results.filter((r) => r.status === 201).length);
    const days = rows.filter((r) => r.care_type === 'occasional').length;
    for (let h = 0; h < 24; h++) {
      const inHour = rows.filter((r) => r.care_type === 'hourly' && Number(r.start_time!.slice(0, 2)) <= h && h * 60 < Number(r.end_time!.slice(0, 2)) * 60 + Number(r.end_time!.slice(3))).length;
      expect(days + inHour).toBeLessThanOrEqual(3);
    }
  });

  it('gives the hours back when an hourly booking is cancelled', async () => {
    const cls = await addClass({ name: '托大班 退订', capacity: 1 }); // 1 per hour
    const [a, b] = await Promise.all(Array.from({ length: 2 }, () => parentWithChild()));
    const booked = (await hourly(a, cls.id, '09:30', '11:00').expect(201)).body.enrolment;
    expect(await hourUsage(cls.id)).toEqual({ 9: 1, 10: 1 });
    await hourly(b, cls.id, '10:00', '11:00').expect(409);
    await dayPlace(b, cls.id).expect(409);
    await t.http.post(`/api/childcare/enrolments/${booked.id}/withdraw`).set(a.auth).expect(200);
    expect(await hourUsage(cls.id)).toEqual({});
    const again = (await hourly(b, cls.id, '10:00', '11:00').expect(201)).body.enrolment;
    await t.http.post(`/api/childcare/enrolments/${again.id}/withdraw`).set(b.auth).expect(200);
    // The day place fits again, and cancelling it frees the day.
    const day = (await dayPlace(b, cls.id).expect(201)).body.enrolment;
    await hourly(a, cls.id, '16:00', '17:00').expect(409);
    await t.http.post(`/api/childcare/enrolments/${day.id}/withdraw`).set(b.auth).expect(200);
    await hourly(a, cls.id, '16:00', '17:00').expect(201);
  });

  it('books hourly care only within the centre’s opening hours, which the centre sets', async () => {
    const cls = await addClass({ name: '托大班 开放时间', capacity: 5 });
    const p = await parentWithChild();
    const listed = (await t.http.get('/api/childcare/centres').set(p.auth).expect(200)).body.find((c: { id: string }) => c.id === centre.id);
    expect(listed).toMatchObject({ openTime: '07:30', closeTime: '18:00' });
    const early = await hourly(p, cls.id, '06:00', '08:00').expect(400);
    expect(early.body.message).toContain('本园开放时间 07:30–18:00');
    expect(early.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['startTime']);
    const late = await hourly(p, cls.id, '17:00', '19:00').expect(400);
    expect(late.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['endTime']);
    await hourly(p, cls.id, '07:30', '09:00').expect(201);

    const updated = (await t.http.put(`/api/childcare/centres/${centre.id}`).set(centre.admin).send({ licensedPlaces: 200, openTime: '08:00', closeTime: '17:00' }).expect(200)).body;
    expect(updated).toMatchObject({ licensedPlaces: 200, openTime: '08:00', closeTime: '17:00' });
    const both = await hourly(p, cls.id, '07:30', '17:30', '2026-12-04').expect(400);
    expect(both.body.message).toBe('startTime/endTime: 本园开放时间 08:00–17:00');
    await hourly(p, cls.id, '16:00', '17:00', '2026-12-04').expect(201);
    // Only licensed places: the opening hours stay.
    expect((await t.http.put(`/api/childcare/centres/${centre.id}`).set(centre.admin).send({ licensedPlaces: 200 }).expect(200)).body).toMatchObject({ openTime: '08:00', closeTime: '17:00' });
    const wrong = await t.http.put(`/api/childcare/centres/${centre.id}`).set(centre.admin).send({ licensedPlaces: 200, openTime: '18:00', closeTime: '08:00' }).expect(400);
    expect(wrong.body.details.fields[0].field).toBe('closeTime');
    const junk = await t.http.put(`/api/childcare/centres/${centre.id}`).set(centre.admin).send({ licensedPlaces: 200, openTime: '7点半' }).expect(400);
    expect(JSON.stringify(junk.body)).toContain('开园时间应为 HH:mm');
  });
});
