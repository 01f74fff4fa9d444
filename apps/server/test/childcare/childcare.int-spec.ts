import { ChildcareService } from '../../src/childcare/childcare.service.js';
import { ChildcareFixture, type Centre } from '../support/childcare-fixture.js';
import { DispatchFixture, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// 2026-11-27, Asia/Shanghai.
const NOW = new Date('2026-11-27T02:00:00Z');

describe('childcare places (托育)', () => {
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

  const newCentre = (licensedPlaces: number) => cc.centre(licensedPlaces, '普惠托育');
  const addClass = (body: Record<string, unknown>, c: Centre = centre) => cc.addClass<{ id: string; capacity: number }>(c, { ...body });
  const parentWithChild = (birthDate: string) => cc.parentWithChild(birthDate);
  const enrol = (auth: Auth, body: Record<string, unknown>, key?: string) => cc.enrol(auth, body, key);

  it('enforces the caps per age class, the licensed places and the guidance price', async () => {
    const small = await newCentre(20);
    const tooBig = await t.http.post(`/api/childcare/centres/${small.id}/classes`).set(small.admin).send({ ageClass: 'infant', name: '乳儿班', capacity: 11, puhui: false, prices: { full_day: 100 }, dailyQuota: 0 }).expect(422);
    expect(tooBig.body.message).toBe('乳儿班每班最多 10 名幼儿');
    await addClass({ ageClass: 'preschool', name: '托大班', capacity: 15 }, small);
    const over = await t.http.post(`/api/childcare/centres/${small.id}/classes`).set(small.admin).send({ ageClass: 'toddler', name: '托小班', capacity: 6, puhui: false, prices: { full_day: 100 }, dailyQuota: 0 }).expect(422);
    expect(over.body.message).toContain('额定托位数 20');
    const pricey = await t.http.post(`/api/childcare/centres/${small.id}/classes`).set(small.admin).send({ ageClass: 'toddler', name: '托小班', capacity: 5, puhui: true, prices: { full_day: 200_000 }, dailyQuota: 0 }).expect(422);
    expect(pricey.body).toMatchObject({ error: 'CHILDCARE.PUHUI_PRICE_TOO_HIGH', details: { fields: [{ field: 'prices.full_day' }] } });
  });

  it('refuses a class that does not fit the child’s age on the start date, saying which fits', async () => {
    const toddler = await addClass({ ageClass: 'toddler', name: '托小班 A', capacity: 15 });
    const baby = await parentWithChild('2026-04-10'); // 7 months in Dec 2026
    const res = await enrol(baby.auth, { childId: baby.child.id, classId: toddler.id, careType: 'full_day', startMonth: '2026-12' }).expect(422);
    expect(res.body).toMatchObject({ error: 'CHILDCARE.AGE_DOES_NOT_FIT', details: { ageMonths: 7, suitableClass: 'infant' } });
    expect(res.body.message).toMatch(/7 个月，托小班收 12–24 个月的幼儿，应入乳儿班/);
    const missing = await enrol(baby.auth, { childId: baby.child.id, classId: toddler.id, careType: 'full_day' }).expect(400);
    expect(missing.body.details.fields[0].field).toBe('startMonth');
  });

  it('gives exactly the last 5 places to 5 of 100 concurrent parents and waitlists the rest in a fair order', async () => {
    const cls = await addClass({ ageClass: 'preschool', name: '托大班 抢位', capacity: 5 });
    const parents = await Promise.all(Array.from({ length: 100 }, () => parentWithChild('2024-03-01')));
    const results = await Promise.all(
      parents.map((p, i) => enrol(p.auth, {
        childId: p.child.id, classId: cls.id, careType: 'full_day', startMonth: '2026-12', waitlistIfFull: true,
        ...(i % 10 === 0 ? { priorityFacts: ['multi_child'], priorityEvidence: [{ fact: 'multi_child', note: '户口簿：另有一名 2021 年出生的孩子' }] } : {}),
      })),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(results.filter((r) => r.body.enrolment)).toHaveLength(5);
    const waiting = results.filter((r) => r.body.waitlist).map((r) => r.body.waitlist);
    expect(waiting).toHaveLength(95);
    // A declared priority scores once the centre has checked it.
    for (const w of waiting.filter((e: { facts: { fact: string }[] }) => e.facts.length)) {
      await t.http.post(`/api/childcare/waitlist/${w.id}/facts/multi_child/decision`).set(centre.admin).send({ verified: true }).expect(200);
    }
    const [row] = await t.dataSource.query('SELECT enrolled, capacity FROM childcare_classes WHERE id = ?', [cls.id]);
    expect(row).toEqual({ enrolled: 5, capacity: 5 });
    // Positions are 1..95 with no gaps; 多孩家庭 (+30) ahead of everyone without priority.
    const positions = (await Promise.all(parents.map((p) => t.http.get('/api/childcare/waitlist').set(p.auth).expect(200))))
      .map((r) => r.body[0]).filter((e) => e && e.status === 'waiting');
    expect(positions.map((e: { position: number }) => e.position).sort((a: number, b: number) => a - b)).toEqual(Array.from({ length: 95 }, (_, i) => i + 1));
    const multi = positions.filter((e: { score: number }) => e.score === 30);
    expect(Math.max(...multi.map((e: { position: number }) => e.position))).toBeLessThan(Math.min(...positions.filter((e: { score: number }) => e.score === 0).map((e: { position: number }) => e.position)));
    expect(multi[0].reasons).toEqual(['多孩家庭 +30', '同分按登记先后（先到先得）']);
  });

  it('offers a freed place to the first eligible child with a deadline; silence passes it to the next (time injected)', async () => {
    const cls = await addClass({ ageClass: 'preschool', name: '托大班 轮候', capacity: 1 });
    const holder = await parentWithChild('2024-05-01');
    const first = await parentWithChild('2024-05-02');
    const second = await parentWithChild('2024-05-03');
    const held = await enrol(holder.auth, { childId: holder.child.id, classId: cls.id, careType: 'full_day', startMonth: '2026-12' }).expect(201);
    const w1 = (await enrol(first.auth, { childId: first.child.id, classId: cls.id, careType: 'full_day', startMonth: '2026-12', waitlistIfFull: true }).expect(201)).body.waitlist;
    const w2 = (await enrol(second.auth, { childId: second.child.id, classId: cls.id, careType: 'full_day', startMonth: '2026-12', waitlistIfFull: true }).expect(201)).body.waitlist;
    expect([w1.position, w2.position]).toEqual([1, 2]);
    const full = await enrol(second.auth, { childId: second.child.id, classId: cls.id, careType: 'full_day', startMonth: '2026-12' }).expect(409);
    expect(full.body).toMatchObject({ error: 'CHILDCARE.CLASS_FULL', details: { canWaitlist: true } });

    await t.http.post(`/api/childcare/enrolments/${held.body.enrolment.id}/withdraw`).set(holder.auth).expect(200);
    let mine = (await t.http.get('/api/childcare/waitlist').set(first.auth).expect(200)).body[0];
    expect(mine).toMatchObject({ status: 'offered', statusLabel: '已为您保留托位，请确认' });
    expect(Date.parse(mine.offerExpiresAt) - NOW.getTime()).toBe(48 * 3600_000);
    // The held place is not free for anyone else meanwhile.
    const stranger = await parentWithChild('2024-05-04');
    await enrol(stranger.auth, { childId: stranger.child.id, classId: cls.id, careType: 'full_day', startMonth: '2026-12' }).expect(409);

    t.clock.advance(48 * 3600_000 + 1000);
    expect(await t.get(ChildcareService).expireOffers()).toBe(1);
    mine = (await t.http.get('/api/childcare/waitlist').set(first.auth).expect(200)).body[0];
    expect(mine.status).toBe('expired');
    const next = (await t.http.get('/api/childcare/waitlist').set(second.auth).expect(200)).body[0];
    expect(next.status).toBe('offered');
    const enrolment = (await t.http.post(`/api/childcare/waitlist/${next.id}/accept`).set(second.auth).expect(200)).body;
    expect(enrolment).toMatchObject({ status: 'active', className: '托大班 轮候' });
    await t.http.post(`/api/childcare/waitlist/${mine.id}/accept`).set(first.auth).expect(409);
    const log = (await t.http.get(`/api/childcare/centres/${centre.id}/waitlist`).set(centre.admin).expect(200)).body;
    const firstLog = log.find((e: { id: string }) => e.id === w1.id).log.map((l: { event: string }) => l.event);
    expect(firstLog).toEqual(['joined', 'offered', 'expired']);
    t.clock.set(NOW);
  });

  it('passes over a waiting child who has grown out of the class', async () => {
    const cls = await addClass({ ageClass: 'infant', name: '乳儿班 跳过', capacity: 1 });
    const holder = await parentWithChild('2026-03-01');
    const outgrown = await parentWithChild('2025-12-20'); // 11 months on 2026-12-01, 12 by 2027-01
    const fits = await parentWithChild('2026-05-01');
    const held = await enrol(holder.auth, { childId: holder.child.id, classId: cls.id, careType: 'full_day', startMonth: '2026-12' }).expect(201);
    await enrol(outgrown.auth, { childId: outgrown.child.id, classId: cls.id, careType: 'full_day', startMonth: '2026-12', waitlistIfFull: true }).expect(201);
    await enrol(fits.auth, { childId: fits.child.id, classId: cls.id, careType: 'full_day', startMonth: '2026-12', waitlistIfFull: true }).expect(201);
    t.clock.set(new Date('2026-12-05T02:00:00Z'));
    await t.http.post(`/api/childcare/enrolments/${held.body.enrolment.id}/withdraw`).set(holder.auth).expect(200);
    expect((await t.http.get('/api/childcare/waitlist').set(outgrown.auth)).body[0].status).toBe('waiting');
    expect((await t.http.get('/api/childcare/waitlist').set(fits.auth)).body[0].status).toBe('offered');
    t.clock.set(NOW);
  });

  it('moves a child who grew into the next age band at the month boundary, or queues them with priority when it is full', async () => {
    const c = await newCentre(60);
    const infants = await addClass({ ageClass: 'infant', name: '乳儿班 升班', capacity: 5 }, c);
    const toddlers = await addClass({ ageClass: 'toddler', name: '托小班 升班', capacity: 1 }, c);
    const a = await parentWithChild('2025-12-15'); // 11 months on 2026-12-01, 12 on 2027-01-01
    const b = await parentWithChild('2025-12-10');
    await enrol(a.auth, { childId: a.child.id, classId: infants.id, careType: 'full_day', startMonth: '2026-12' }).expect(201);
    await enrol(b.auth, { childId: b.child.id, classId: infants.id, careType: 'full_day', startMonth: '2026-12' }).expect(201);
    const result = await t.get(ChildcareService).moveUpAgeBands('2027-01');
    expect(result.moved).toBe(1);
    expect(result.waiting).toBeGreaterThanOrEqual(1);
    const [inf] = await t.dataSource.query('SELECT enrolled FROM childcare_classes WHERE id = ?', [infants.id]);
    const [tod] = await t.dataSource.query('SELECT enrolled FROM childcare_classes WHERE id = ?', [toddlers.id]);
    expect([inf.enrolled, tod.enrolled]).toEqual([1, 1]);
    const queued = await t.dataSource.query(`SELECT score, reasons FROM waitlist_entries WHERE class_id = ? AND status = 'waiting'`, [toddlers.id]);
    expect(queued).toHaveLength(1);
    expect(queued[0].score).toBe(1000);
  });

  it('books hourly care within the day’s places: free places of enrolled children plus the daily quota', async () => {
    const cls = await addClass({ ageClass: 'preschool', name: '托大班 计时', capacity: 2, dailyQuota: 1 });
    const enrolled = await parentWithChild('2024-06-01');
    await enrol(enrolled.auth, { childId: enrolled.child.id, classId: cls.id, careType: 'full_day', startMonth: '2026-12' }).expect(201);
    // 2 places − 1 enrolled + 1 quota = 2 hourly children on 2026-12-03.
    const parents = await Promise.all(Array.from({ length: 6 }, () => parentWithChild('2024-06-02')));
    const results = await Promise.all(parents.map((p) => enrol(p.auth, { childId: p.child.id, classId: cls.id, careType: 'hourly', date: '2026-12-03', startTime: '09:00', endTime: '11:30' })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.message === '2026-12-03 托大班 计时 09:00–10:00 已满')).toBe(true);
    const ok = results.find((r) => r.status === 201)!;
    expect(ok.body.enrolment).toMatchObject({ careType: 'hourly', priceFen: 6000, date: '2026-12-03' });
    const bad = await enrol(parents[0].auth, { childId: parents[0].child.id, classId: cls.id, careType: 'hourly', date: '2026-12-04', startTime: '11:00', endTime: '10:00' }).expect(400);
    expect(bad.body.details.fields[0].field).toBe('endTime');
  });

  it('settles the 普惠 operating subsidy per enrolled child, split city:county 4:6, once, for a month that has ended', async () => {
    const cls = await addClass({ ageClass: 'toddler', name: '托小班 补贴', capacity: 3 });
    const p = await parentWithChild('2025-06-01');
    const enrolment = (await enrol(p.auth, { childId: p.child.id, classId: cls.id, careType: 'full_day', startMonth: '2026-12' }).expect(201)).body.enrolment;
    const op = await d.f.login('托育运营');
    await d.makeOperator(op.tokens.user.id);
    // December has not begun: nothing is settled and nothing reaches the ledger.
    const early = await t.http.post('/api/childcare/settlements/2026-12').set(op.auth).expect(422);
    expect(early.body).toMatchObject({ error: 'PERIOD.NOT_OVER', details: { latestMonth: '2026-10' } });
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM subsidy_ledger WHERE source_id = ?', [enrolment.id]))[0].n)).toBe(0);
    t.clock.set(new Date('2027-01-05T02:00:00Z'));
    try {
      const settled = (await t.http.post('/api/childcare/settlements/2026-12').set(op.auth).expect(200)).body;
      expect(settled).toMatchObject({ month: '2026-12', settledBy: '托育运营', settledAt: '2027-01-05T02:00:00.000Z' });
      const again = await t.http.post('/api/childcare/settlements/2026-12').set(op.auth).expect(409);
      expect(again.body).toMatchObject({ error: 'PERIOD.ALREADY_SETTLED', details: { settledBy: '托育运营', settledAt: '2027-01-05T02:00:00.000Z' } });
      expect(again.body.message).toContain('已结算');
      await t.http.post('/api/childcare/settlements/2027-01').set(op.auth).expect(422);
    } finally {
      t.clock.set(NOW);
    }
    const rows = await t.dataSource.query(`SELECT entry, amount_fen, payer, side, payee_provider_id, child_id FROM subsidy_ledger WHERE source_id = ? ORDER BY entry`, [enrolment.id]);
    expect(rows).toEqual([
      { entry: '2026-12:city', amount_fen: 8000, payer: 'city', side: 'supply', payee_provider_id: centre.id, child_id: p.child.id },
      { entry: '2026-12:county', amount_fen: 12000, payer: 'county', side: 'supply', payee_provider_id: centre.id, child_id: p.child.id },
    ]);
    const none = await t.dataSource.query(`SELECT COUNT(*) AS n FROM subsidy_ledger WHERE source_id = ? AND month = '2026-11'`, [enrolment.id]);
    expect(Number(none[0].n)).toBe(0);
    await t.http.post('/api/childcare/settlements/2026-13').set(op.auth).expect(400);
    await t.http.post('/api/childcare/settlements/2026-12').set(p.auth).expect(403);
  });

  it('hands a child over only to an authorised pick-up person', async () => {
    const cls = await addClass({ ageClass: 'preschool', name: '托大班 接送', capacity: 3 });
    const p = await parentWithChild('2024-07-01');
    await enrol(p.auth, { childId: p.child.id, classId: cls.id, careType: 'full_day', startMonth: '2026-11' }).expect(201);
    const grandma = (await t.http.post(`/api/children/${p.child.id}/pickup-persons`).set(p.auth).send({ name: '李奶奶', phone: '13900001111', relation: '奶奶' }).expect(201)).body;
    expect(grandma.phoneMasked).toBe('139****1111');
    const other = await parentWithChild('2024-07-02');
    const stranger = (await t.http.post(`/api/children/${other.child.id}/pickup-persons`).set(other.auth).send({ name: '陌生人', phone: '13900002222', relation: '叔叔' }).expect(201)).body;
    const checkedIn = (await t.http.post(`/api/childcare/classes/${cls.id}/check-in`).set(centre.admin).send({ childId: p.child.id }).expect(200)).body;
    expect(checkedIn.children[0].pickupPersons).toEqual([{ id: grandma.id, name: '李奶奶', phoneMasked: '139****1111', relation: '奶奶' }]);
    const refused = await t.http.post(`/api/childcare/classes/${cls.id}/check-out`).set(centre.admin).send({ childId: p.child.id, pickupPersonId: stranger.id }).expect(403);
    expect(refused.body).toMatchObject({ error: 'CHILDCARE.PICKUP_NOT_AUTHORISED' });
    const roster = (await t.http.post(`/api/childcare/classes/${cls.id}/check-out`).set(centre.admin).send({ childId: p.child.id, pickupPersonId: grandma.id }).expect(200)).body;
    expect(roster.children[0]).toMatchObject({ pickedUpBy: '李奶奶（奶奶）', checkedOutAt: expect.any(String) });
    await t.http.get(`/api/childcare/classes/${cls.id}/roster`).set(p.auth).expect(404);
  });

  it('keeps one household away from another’s children, places and waitlist', async () => {
    const cls = await addClass({ ageClass: 'preschool', name: '托大班 隔离', capacity: 1 });
    const a = await parentWithChild('2024-08-01');
    const b = await parentWithChild('2024-08-02');
    const held = (await enrol(a.auth, { childId: a.child.id, classId: cls.id, careType: 'full_day', startMonth: '2026-12' }).expect(201)).body.enrolment;
    await enrol(b.auth, { childId: a.child.id, classId: cls.id, careType: 'full_day', startMonth: '2026-12' }).expect(404);
    await t.http.post(`/api/childcare/enrolments/${held.id}/withdraw`).set(b.auth).expect(404);
    await t.http.get(`/api/children/${a.child.id}/pickup-persons`).set(b.auth).expect(404);
    await t.http.post(`/api/children/${a.child.id}/pickup-persons`).set(b.auth).send({ name: '冒充', phone: '13900003333', relation: '爸爸' }).expect(404);
    expect((await t.http.get('/api/childcare/enrolments').set(b.auth).expect(200)).body).toEqual([]);
  });

  it('reports places per 1,000 residents, 普惠 share, occupancy and waitlist length', async () => {
    await t.dataSource.query('UPDATE regions SET population = 50000 WHERE id = ?', [d.regionId]);
    const op = await d.f.login('托育指标');
    await d.makeOperator(op.tokens.user.id);
    const figures = (await t.http.get(`/api/kpi/childcare?regionId=${d.regionId}`).set(op.auth).expect(200)).body;
    const [{ places, enrolled }] = await t.dataSource.query(`SELECT SUM(capacity) AS places, SUM(enrolled) AS enrolled FROM childcare_classes`);
    expect(figures).toMatchObject({ population: 50000, places: Number(places), placesPerThousand: Math.round((Number(places) / 50) * 100) / 100, enrolled: Number(enrolled) });
    expect(figures.waitlistLength).toBeGreaterThan(90);
    expect(figures.puhuiShare).toBe(1);
  });
});
