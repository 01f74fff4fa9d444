import { randomUUID } from 'node:crypto';
import { AssessmentsService } from '../../src/care/assessments.service.js';
import { SosService } from '../../src/care/sos.service.js';
import { VisitsService } from '../../src/care/visits.service.js';
import { Dispatcher } from '../../src/dispatch/dispatcher.service.js';
import { NotificationsService } from '../../src/notifications/notifications.service.js';
import { OrdersService } from '../../src/orders/orders.service.js';
import { DispatchFixture, offset, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const NOW = new Date('2026-11-27T02:00:00Z');
const FULL_SCORES: Record<string, number> = {
  eating: 4, grooming: 4, bathing: 4, dressing_upper: 4, dressing_lower: 4, bladder: 4, bowel: 4, toileting: 4,
  bed_transfer: 4, chair_transfer: 4, walking: 4, stairs: 3, // GB/T 42195-2022 B.2.4 上下楼梯 goes 3…0
  time_orientation: 4, space_orientation: 4, person_orientation: 4, memory: 4, understanding: 4, expression: 4, aggression: 1, depression: 1, consciousness: 2,
  vision: 2, hearing: 2, daily_affairs: 4, tools: 3, social: 4, // B.4.4 使用交通工具外出 goes 3…0
};

describe("the elder's side", () => {
  let t: TestApp;
  let d: DispatchFixture;
  let op: Auth;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    d = await new DispatchFixture(t).setup();
    op = await d.operator('值班运营');
  });
  afterAll(() => t.close());

  const corner = (n: number) => offset(n * 40_000, -40_000);

  /** A family whose elder has their own login (长辈版), bound with a code. */
  async function familyWithElderLogin(at = corner(1)) {
    const fam = await d.family({ at });
    const code = (await t.http.post(`/api/elders/${fam.elder.id}/login-code`).set(fam.auth).expect(201)).body.code;
    const elderLogin = await d.f.login(`老人本人${randomUUID().slice(0, 5)}`);
    const me = (await t.http.post('/api/elder-login/claim').set(elderLogin.auth).send({ code }).expect(200)).body;
    expect(me).toMatchObject({ elderId: fam.elder.id, roles: ['family', 'elder'] });
    return { ...fam, elderAuth: elderLogin.auth };
  }

  async function flushNotifications() {
    const rows: { id: string; event: string; payload: string | Record<string, unknown> }[] = await t.dataSource.query('SELECT id, event, payload FROM outbox ORDER BY id');
    for (const r of rows) await t.get(NotificationsService).deliver({ outboxId: r.id, event: r.event, payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload });
  }

  describe('proxy orders wait for the elder', () => {
    it('dispatches once the elder confirms, and records who, when and on which device', async () => {
      const fam = await familyWithElderLogin(corner(1));
      await d.staff('确认后派单', { at: offset(100, 0, corner(1)) });
      const order = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'cleaning' });
      expect(order.status).toBe('awaiting_elder');
      await t.get(Dispatcher).dispatch(order.id);
      expect(await d.offersOf(order.id)).toEqual([]);
      const home = (await t.http.get('/api/elder/home').set(fam.elderAuth).expect(200)).body;
      expect(home.pendingConfirmations).toEqual([expect.objectContaining({ orderId: order.id, serviceName: '助洁' })]);
      await t.http.post(`/api/orders/${order.id}/elder-decision`).set(fam.auth).send({ decision: 'confirm' }).expect(404);
      const confirmed = (await t.http.post(`/api/orders/${order.id}/elder-decision`).set(fam.elderAuth).send({ decision: 'confirm', device: '老人的手机' }).expect(200)).body;
      expect(confirmed).toMatchObject({ status: 'created', consent: { decision: 'confirm', source: 'elder', device: '老人的手机' } });
      await t.get(Dispatcher).dispatch(order.id);
      expect(await d.statusOf(order.id)).toBe('offered');
      const seen = (await t.http.get(`/api/orders/${order.id}`).set(fam.auth).expect(200)).body;
      expect(seen.events.map((e: { label: string; note: string | null }) => e.note)).toContain('老人已确认');
    });

    it('cancels when the elder says 不需要, and gives the subsidy back', async () => {
      const fam = await familyWithElderLogin(corner(2));
      await t.dataSource.query(`UPDATE elders SET subsidy_category = 'dibao', subsidy_verification = 'verified' WHERE id = ?`, [fam.elder.id]);
      const order = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'cleaning' });
      expect(order.price.subsidyFen).toBe(6400);
      const refused = (await t.http.post(`/api/orders/${order.id}/elder-decision`).set(fam.elderAuth).send({ decision: 'refuse' }).expect(200)).body;
      expect(refused).toMatchObject({ status: 'cancelled', consent: { decision: 'refuse', source: 'elder' } });
      const [{ total }] = await t.dataSource.query('SELECT SUM(amount_fen) AS total FROM subsidy_ledger WHERE elder_id = ?', [fam.elder.id]);
      expect(Number(total)).toBe(0);
      await t.http.post(`/api/orders/${order.id}/elder-decision`).set(fam.elderAuth).send({ decision: 'confirm' }).expect(409);
    });

    it('lets the family’s choice stand when the elder does not answer in time (time moved)', async () => {
      const proceed = await familyWithElderLogin(corner(3));
      const cancel = await familyWithElderLogin(corner(3));
      await t.http.put(`/api/elders/${cancel.elder.id}/confirmation`).set(cancel.auth).send({ confirmOrders: true, timeoutMinutes: 30, onTimeout: 'cancel' }).expect(200);
      const a = await d.order(proceed.auth, { elderId: proceed.elder.id, serviceCode: 'visit' });
      const b = await d.order(cancel.auth, { elderId: cancel.elder.id, serviceCode: 'visit' });
      t.clock.advance(29 * 60_000);
      await t.get(OrdersService).applyConfirmationTimeouts();
      expect([await d.statusOf(a.id), await d.statusOf(b.id)]).toEqual(['awaiting_elder', 'awaiting_elder']);
      t.clock.advance(2 * 60_000);
      await t.get(OrdersService).applyConfirmationTimeouts();
      expect([await d.statusOf(a.id), await d.statusOf(b.id)]).toEqual(['created', 'cancelled']);
      const seen = (await t.http.get(`/api/orders/${a.id}`).set(proceed.auth).expect(200)).body;
      expect(seen.consent).toMatchObject({ decision: 'confirm', source: 'timeout' });
      t.clock.set(NOW);
    });

    it('skips confirmation when the setting is off, and for elders without their own login', async () => {
      const fam = await familyWithElderLogin(corner(4));
      await t.http.put(`/api/elders/${fam.elder.id}/confirmation`).set(fam.auth).send({ confirmOrders: false, timeoutMinutes: 30, onTimeout: 'proceed' }).expect(200);
      expect((await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'visit' })).status).toBe('created');
      const plain = await d.family({ at: corner(4) });
      expect((await d.order(plain.auth, { elderId: plain.elder.id, serviceCode: 'visit' })).status).toBe('created');
    });
  });

  describe('SOS', () => {
    it('can be cancelled in the first 10 s and not after', async () => {
      const fam = await familyWithElderLogin(corner(5));
      const sos = (await t.http.post('/api/sos').set(fam.elderAuth).send({}).expect(201)).body;
      expect(sos).toMatchObject({ status: 'pending', elderId: fam.elder.id });
      const cancelled = (await t.http.post(`/api/sos/${sos.id}/cancel`).set(fam.elderAuth).expect(200)).body;
      expect(cancelled.status).toBe('cancelled');
      const second = (await t.http.post('/api/sos').set(fam.elderAuth).send({}).expect(201)).body;
      t.clock.advance(11_000);
      await t.http.post(`/api/sos/${second.id}/cancel`).set(fam.elderAuth).expect(409);
      t.clock.set(NOW);
    });

    it('broadcasts to everyone near, first accept wins, and every family member and the operator hear at once', async () => {
      const home = corner(6);
      const fam = await familyWithElderLogin(home);
      const sibling = await d.f.login(`兄弟${randomUUID().slice(0, 4)}`);
      await t.dataSource.query(`INSERT INTO household_members (household_id, user_id, role) VALUES (?, ?, 'member')`, [fam.householdId, sibling.tokens.user.id]);
      const crowd = await Promise.all(Array.from({ length: 6 }, (_, i) => d.staff(`急救${i}`, { at: offset(100 + i * 100, 0, home) })));
      const sos = (await t.http.post('/api/sos').set(fam.elderAuth).send({ location: offset(20, 0, home) }).expect(201)).body;
      t.clock.advance(10_000);
      await t.get(SosService).sweep();
      const after = (await t.http.get(`/api/sos/${sos.id}`).set(fam.auth).expect(200)).body;
      expect(after.status).toBe('dispatched');
      const offers = await d.offersOf(after.orderId);
      expect(offers).toHaveLength(6);
      const byStaff = new Map(offers.map((o) => [o.staff_id, o.id]));
      const results = await Promise.all(crowd.map((s) => t.http.post(`/api/offers/${byStaff.get(s.id)}/accept`).set(s.auth)));
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      await t.get(SosService).sweep();
      const answered = (await t.http.get(`/api/sos/${sos.id}`).set(fam.elderAuth).expect(200)).body;
      expect(answered).toMatchObject({ status: 'answered', staffName: expect.stringMatching(/^急救\d$/) });
      await flushNotifications();
      for (const who of [fam.auth, sibling.auth, op]) {
        const notes = (await t.http.get('/api/notifications').set(who).expect(200)).body as { topic: string }[];
        expect(notes.map((n) => n.topic)).toContain('sos.raised');
      }
      expect(answered.events.map((e: { event: string }) => e.event)).toEqual(['raised', 'broadcast', 'answered']);
      t.clock.set(NOW);
    });

    it('raises a red alert to the operator when nobody accepts within 2 minutes; a drill sends nobody', async () => {
      const fam = await familyWithElderLogin(corner(7));
      await d.staff('不接', { at: offset(300, 0, corner(7)) });
      const sos = (await t.http.post('/api/sos').set(fam.auth).send({ elderId: fam.elder.id }).expect(201)).body;
      t.clock.advance(10_000);
      await t.get(SosService).sweep();
      t.clock.advance(121_000);
      await t.get(SosService).sweep();
      expect((await t.http.get(`/api/sos/${sos.id}`).set(op).expect(200)).body.status).toBe('escalated');
      await flushNotifications();
      const alerts = (await t.http.get('/api/notifications').set(op).expect(200)).body as { topic: string; title: string }[];
      expect(alerts.find((n) => n.topic === 'sos.unanswered')?.title).toBe('红色警报：紧急呼叫无人接单');

      const drill = (await t.http.post('/api/sos').set(fam.elderAuth).send({ drill: true }).expect(201)).body;
      t.clock.advance(10_000);
      await t.get(SosService).sweep();
      const done = (await t.http.get(`/api/sos/${drill.id}`).set(fam.auth).expect(200)).body;
      expect(done).toMatchObject({ status: 'drill_done', orderId: null });
      t.clock.set(NOW);
      const stranger = await d.family({ at: corner(7) });
      await t.http.get(`/api/sos/${sos.id}`).set(stranger.auth).expect(404);
    });
  });

  describe('ability assessment', () => {
    it('scores GB/T 42195 items into a grade that changes the subsidy and the allowed services', async () => {
      await t.dataSource.query(`INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, 'subsidy', 2, '2026-11-01', ?)`, [
        d.regionId,
        JSON.stringify({ currency: 'fen', rules: [{ category: 'none', service: 'rehab', kind: 'percent', percent: 50, monthlyCapFen: 30_000, grades: ['moderate', 'severe', 'total'] }] }),
      ]);
      await t.dataSource.query(`INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, 'service_requirements', 1, '2026-01-01', ?)`, [
        d.regionId,
        JSON.stringify({ rules: [{ service: 'rehab', allowedGrades: ['mild', 'moderate', 'severe', 'total'] }, { service: 'rehab', grades: ['moderate', 'severe', 'total'], certificate: 'nursing' }] }),
      ]);
      const fam = await d.family({ at: corner(8) });
      const notYet = await t.http.post('/api/orders').set(fam.auth).set('Idempotency-Key', `k-${randomUUID()}`).send({ elderId: fam.elder.id, serviceCode: 'rehab' }).expect(422);
      expect(notYet.body.error).toBe('ORDER.SERVICE_NOT_ALLOWED');

      const bad = await t.http.post(`/api/elders/${fam.elder.id}/assessments`).set(op).send({ assessedOn: '2026-11-20', items: { ...FULL_SCORES, eating: 9, unknown: 1 } }).expect(400);
      expect((bad.body.details.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['items.eating', 'items.unknown']);
      await t.http.post(`/api/elders/${fam.elder.id}/assessments`).set(fam.auth).send({ assessedOn: '2026-11-20', items: FULL_SCORES }).expect(403);
      // 90 − 39 points (six self-care items at 0: 24; the four mobility items at 0: 4 + 4 + 4 + 3) = 51: 中度失能.
      const moderate = { ...FULL_SCORES, eating: 0, grooming: 0, bathing: 0, dressing_upper: 0, dressing_lower: 0, bed_transfer: 0, chair_transfer: 0, walking: 0, stairs: 0, toileting: 0 };
      const assessed = (await t.http.post(`/api/elders/${fam.elder.id}/assessments`).set(op).send({ assessedOn: '2026-11-20', items: moderate }).expect(201)).body;
      expect(assessed).toMatchObject({ total: 51, grade: 'moderate', gradeLabel: '中度失能', validUntil: '2027-11-20' });
      expect(assessed.domains.map((x: { score: number }) => x.score)).toEqual([8, 0, 28, 15]);

      const order = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'rehab' });
      expect(order.price).toMatchObject({ priceFen: 15000, subsidyFen: 7500 });
      const [row] = await t.dataSource.query('SELECT required_certificate FROM orders WHERE id = ?', [order.id]);
      expect(row.required_certificate).toBe('nursing');
      const history = (await t.http.get(`/api/elders/${fam.elder.id}/assessments`).set(fam.auth).expect(200)).body;
      expect(history).toHaveLength(1);
    });

    it('reminds the family once when an assessment is about to run out', async () => {
      const fam = await d.family({ at: corner(9) });
      const soon = await d.family({ at: corner(9) });
      // Assessed 2025-12-10: valid until 2026-12-10, inside the 30-day reminder window on 2026-11-27.
      await t.http.post(`/api/elders/${soon.elder.id}/assessments`).set(op).send({ assessedOn: '2025-12-10', items: FULL_SCORES }).expect(201);
      await t.http.post(`/api/elders/${fam.elder.id}/assessments`).set(op).send({ assessedOn: '2026-11-20', items: FULL_SCORES }).expect(201);
      const service = t.get(AssessmentsService);
      await service.remindExpiring();
      await service.remindExpiring();
      const rows: { aggregate_id: string }[] = await t.dataSource.query(`SELECT aggregate_id FROM outbox WHERE event = 'assessment.expiring' AND aggregate_id IN (?, ?)`, [soon.elder.id, fam.elder.id]);
      expect(rows.map((r) => r.aggregate_id)).toEqual([soon.elder.id]);
      await flushNotifications();
      const notes = (await t.http.get('/api/notifications').set(soon.auth).expect(200)).body as { topic: string; body: string }[];
      expect(notes.filter((n) => n.topic === 'assessment.expiring')).toEqual([expect.objectContaining({ body: expect.stringContaining('2026-12-10') })]);
      const other = (await t.http.get('/api/notifications').set(fam.auth).expect(200)).body as { topic: string }[];
      expect(other.some((n) => n.topic === 'assessment.expiring')).toBe(false);
    });
  });

  describe('monthly care visits', () => {
    it('puts elders on a plan by the region’s rules, generates visits once, and counts a missed month as overdue', async () => {
      await t.dataSource.query(`INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, 'visit_plan', 1, '2026-01-01', ?)`, [
        d.regionId,
        JSON.stringify({ tiers: [{ reason: '独居', livingSituations: ['alone'], frequency: 'monthly' }, { reason: '重度失能', grades: ['severe', 'total'], frequency: 'weekly' }] }),
      ]);
      const home = corner(9);
      const visitor = await d.staff('探访员', { at: offset(100, 0, home), skills: ['visit'] });
      const alone = await d.family({ at: home }); // factory elder lives alone
      const visits = t.get(VisitsService);
      const created = await visits.generate('2026-11');
      expect(created).toBeGreaterThan(0);
      expect(await visits.generate('2026-11')).toBe(0);
      const [visit] = await t.dataSource.query(`SELECT id FROM orders WHERE elder_id = ? AND service_code = 'visit'`, [alone.elder.id]);
      let rate = (await t.http.get(`/api/kpi/visits?regionId=${d.regionId}&month=2026-11`).set(op).expect(200)).body;
      expect(rate.overdue.map((o: { elderId: string }) => o.elderId)).toContain(alone.elder.id);
      const before = rate.rate;

      t.clock.set(new Date('2026-11-28T01:00:00Z'));
      await t.get(Dispatcher).dispatch(visit.id);
      const offers = await d.offersOf(visit.id);
      const offer = offers.find((o) => o.staff_id === visitor.id)!;
      await t.http.post(`/api/offers/${offer.id}/accept`).set(visitor.auth).expect(200);
      await t.http.post(`/api/orders/${visit.id}/check-in`).set(visitor.auth).send({ location: home }).expect(200);
      const noForm = await t.http.post(`/api/orders/${visit.id}/check-out`).set(visitor.auth).send({ tasks: ['聊天'] }).expect(400);
      expect(noForm.body.details.fields[0].field).toBe('visitForm');
      await t.http.post(`/api/orders/${visit.id}/check-out`).set(visitor.auth).send({ tasks: ['聊天'], visitForm: { condition: '精神好', needs: ['助浴'], followUp: true, followUpNote: '需要助浴服务' }, shortReason: '老人要午休' }).expect(200);
      const [task] = await t.dataSource.query('SELECT note, status FROM follow_up_tasks WHERE order_id = ?', [visit.id]);
      expect(task).toEqual({ note: '需要助浴服务', status: 'open' });
      rate = (await t.http.get(`/api/kpi/visits?regionId=${d.regionId}&month=2026-11`).set(op).expect(200)).body;
      expect(rate.overdue.map((o: { elderId: string }) => o.elderId)).not.toContain(alone.elder.id);
      expect(rate.rate).toBeGreaterThan(before);
      // December has not begun: nobody can be overdue in it yet; once it has and the window opened, the elder is.
      await t.http.get(`/api/kpi/visits?regionId=${d.regionId}&month=2026-12`).set(op).expect(422);
      t.clock.set(new Date('2026-12-11T02:00:00Z'));
      const december = (await t.http.get(`/api/kpi/visits?regionId=${d.regionId}&month=2026-12`).set(op).expect(200)).body;
      expect(december.overdue.map((o: { elderId: string }) => o.elderId)).toContain(alone.elder.id);
      t.clock.set(NOW);
    });
  });

  describe('time bank', () => {
    it('credits a volunteer once per completed job, and never goes negative under concurrent spending', async () => {
      const home = corner(10);
      const volunteer = await d.staff('志愿者', { at: offset(100, 0, home), skills: ['visit', 'shopping'] });
      await t.dataSource.query('UPDATE provider_staff SET is_volunteer = 1 WHERE id = ?', [volunteer.id]);
      const fam = await d.family({ at: home });
      const order = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'shopping' });
      await t.get(Dispatcher).dispatch(order.id);
      const [offer] = await d.offersOf(order.id);
      await t.http.post(`/api/offers/${offer.id}/accept`).set(volunteer.auth).expect(200);
      await t.http.post(`/api/orders/${order.id}/check-in`).set(volunteer.auth).send({ location: home }).expect(200);
      // The time bank pays the minutes served: the whole hour of this job.
      t.clock.advance(60 * 60_000);
      await t.http.post(`/api/orders/${order.id}/check-out`).set(volunteer.auth).send({ tasks: ['买药'] }).expect(200);
      await t.http.post(`/api/orders/${order.id}/check-out`).set(volunteer.auth).send({ tasks: ['买药'] }).expect(409);
      const bank = (await t.http.get('/api/timebank/me').set(volunteer.auth).expect(200)).body;
      expect(bank).toMatchObject({ balanceMinutes: 60, entries: [{ kind: 'earn', minutes: 60 }] });

      // The volunteer is also a family member: they give 40 minutes to their parent's household member.
      const volunteerHome = await d.f.household(volunteer.auth, '志愿者家');
      const elder = await d.f.elder(volunteer.auth, volunteerHome.id, { location: home, regionId: d.regionId, subsidyCategory: 'none' });
      const results = await Promise.all(
        Array.from({ length: 5 }, () => t.http.post('/api/orders').set(volunteer.auth).set('Idempotency-Key', `tb-${randomUUID()}`).send({ elderId: elder.id, serviceCode: 'shopping', timebankMinutes: 30 })),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(2);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.error === 'TIMEBANK.INSUFFICIENT')).toBe(true);
      const paid = results.find((r) => r.status === 201)!.body;
      expect(paid).toMatchObject({ timebankMinutes: 30, price: { priceFen: 3000, payFen: 1500 } });
      const after = (await t.http.get('/api/timebank/me').set(volunteer.auth).expect(200)).body;
      expect(after.balanceMinutes).toBe(0);
      await t.http.post(`/api/orders/${paid.id}/cancel`).set(volunteer.auth).send({ reason: '不用了' }).expect(200);
      expect((await t.http.get('/api/timebank/me').set(volunteer.auth).expect(200)).body.balanceMinutes).toBe(30);
    });

    it('lets adults of 18–75 register as volunteers of their street’s team and then take light jobs', async () => {
      const person = await d.f.login(`志愿者${randomUUID().slice(0, 5)}`);
      await t.http.get('/api/staff/me').set(person.auth).expect(403);
      const wrong = await t.http.post('/api/timebank/volunteer').set(person.auth).send({ regionId: d.regionId, skills: ['rehab'], birthYear: 1970 }).expect(400);
      expect(wrong.body.message).toContain('志愿者可选');
      await t.http.post('/api/timebank/volunteer').set(person.auth).send({ regionId: 'nowhere', skills: ['visit'], birthYear: 1970 }).expect(400);
      const old = await t.http.post('/api/timebank/volunteer').set(person.auth).send({ regionId: d.regionId, skills: ['visit'], birthYear: 1940 }).expect(400);
      expect(old.body.message).toContain('不超过 75 周岁');
      await t.http.post('/api/timebank/volunteer').set(person.auth).send({ regionId: d.regionId, skills: ['visit'] }).expect(400);
      const me = (await t.http.post('/api/timebank/volunteer').set(person.auth).send({ regionId: d.regionId, skills: ['visit', 'companionship'], birthYear: 1962 }).expect(201)).body;
      expect(me).toMatchObject({ providerName: '测试街道志愿者服务队', skills: ['visit', 'companionship'] });
      expect((await t.http.get('/api/staff/me').set(person.auth).expect(200)).body.id).toBe(me.id);
      await t.http.post('/api/timebank/volunteer').set(person.auth).send({ regionId: d.regionId, skills: ['visit'], birthYear: 1962 }).expect(409);

      // A second neighbour joins the same team rather than a new one.
      const second = await d.f.login(`志愿者${randomUUID().slice(0, 5)}`);
      const joined = (await t.http.post('/api/timebank/volunteer').set(second.auth).send({ regionId: d.regionId, skills: ['shopping'], birthYear: 2001 }).expect(201)).body;
      expect(joined.providerName).toBe(me.providerName);
      const teams = await t.dataSource.query(`SELECT COUNT(*) AS n FROM providers WHERE name = '测试街道志愿者服务队' AND region_id = ?`, [d.regionId]);
      expect(Number(teams[0].n)).toBe(1);
      const [row] = await t.dataSource.query('SELECT is_volunteer, birth_year FROM provider_staff WHERE id = ?', [me.id]);
      expect(row).toMatchObject({ is_volunteer: 1, birth_year: 1962 });

      // On duty, the new volunteer is offered a 探访 nearby like any staff member.
      const near = offset(2_000, 2_000);
      await t.http.put('/api/staff/me/duty').set(person.auth).send({ onDuty: true }).expect(200);
      await t.http.put('/api/staff/me/location').set(person.auth).send({ location: near }).expect(204);
      const fam = await d.family({ at: offset(100, 0, near) });
      const order = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'visit' });
      await t.get(Dispatcher).dispatch(order.id);
      const offers = await d.offersOf(order.id);
      expect(offers.map((o) => o.staff_id)).toEqual([me.id]);
      await t.http.post(`/api/offers/${offers[0].id}/accept`).set(person.auth).expect(200);
    });
  });
});
