import { randomUUID } from 'node:crypto';
import { SosService } from '../../src/care/sos.service.js';
import { OrdersService } from '../../src/orders/orders.service.js';
import { DispatchFixture, offset } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const NOW = new Date('2026-11-27T02:00:00Z');

/**
 * Lifecycles and the elder's own login (issue 13): an SOS ends with its emergency job; the
 * consent timeout acts on the settings of when the order was placed; the elder's login lists and
 * places his own orders, sets his own confirmation and can be given time-bank minutes; the family
 * sees this month's subsidy used and left per rule.
 */
describe('lifecycles and the elder’s own login', () => {
  let t: TestApp;
  let d: DispatchFixture;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    d = await new DispatchFixture(t).setup();
  });
  afterAll(() => t.close());

  const corner = (n: number) => offset(n * 40_000, 40_000);

  async function familyWithElderLogin(at = corner(1)) {
    const fam = await d.family({ at });
    const code = (await t.http.post(`/api/elders/${fam.elder.id}/login-code`).set(fam.auth).expect(201)).body.code;
    const login = await d.f.login(`长辈${randomUUID().slice(0, 5)}`);
    await t.http.post('/api/elder-login/claim').set(login.auth).send({ code }).expect(200);
    return { ...fam, elderAuth: login.auth, elderUserId: login.tokens.user.id };
  }

  /** An SOS broadcast and accepted by the one staff member near. */
  async function answeredSos(n: number) {
    const home = corner(n);
    const fam = await familyWithElderLogin(home);
    const staff = await d.staff(`急救员${n}`, { at: offset(100, 0, home) });
    const sos = (await t.http.post('/api/sos').set(fam.elderAuth).send({}).expect(201)).body;
    t.clock.advance(10_000);
    await t.get(SosService).sweep();
    const { orderId } = (await t.http.get(`/api/sos/${sos.id}`).set(fam.auth).expect(200)).body;
    const [offer] = await d.offersOf(orderId);
    await t.http.post(`/api/offers/${offer.id}/accept`).set(staff.auth).expect(200);
    await t.get(SosService).sweep();
    const home_ = (await t.http.get('/api/elder/home').set(fam.elderAuth).expect(200)).body;
    expect(home_.activeSos).toMatchObject({ id: sos.id, status: 'answered' });
    return { fam, staff, sos, orderId, home };
  }

  describe('SOS', () => {
    afterEach(() => t.clock.set(NOW));

    it('closes when its emergency job is completed, and the elder’s home stops showing anyone on the way', async () => {
      const { fam, staff, sos, orderId, home } = await answeredSos(1);
      await t.http.post(`/api/orders/${orderId}/depart`).set(staff.auth).expect(200);
      await t.http.post(`/api/orders/${orderId}/check-in`).set(staff.auth).send({ location: offset(10, 0, home) }).expect(200);
      t.clock.advance(40 * 60_000);
      await t.http.post(`/api/orders/${orderId}/check-out`).set(staff.auth).send({ tasks: ['查看老人情况'] }).expect(200);
      // The home reflects it at once, before the sweep writes the state.
      expect((await t.http.get('/api/elder/home').set(fam.elderAuth).expect(200)).body.activeSos).toBeNull();
      await t.get(SosService).sweep();
      const closed = (await t.http.get(`/api/sos/${sos.id}`).set(fam.auth).expect(200)).body;
      expect(closed).toMatchObject({ status: 'closed', outcome: 'completed', statusLabel: '服务人员已上门处理，呼叫已结束', closedAt: expect.any(String) });
      expect(closed.events.map((e: { event: string }) => e.event)).toEqual(['raised', 'broadcast', 'answered', 'closed']);
      expect((await t.http.get('/api/elder/home').set(fam.elderAuth).expect(200)).body.activeSos).toBeNull();
    });

    it('closes when its emergency job is cancelled', async () => {
      const { fam, sos, orderId } = await answeredSos(2);
      await t.http.post(`/api/orders/${orderId}/cancel`).set(fam.auth).send({ reason: '老人说不用了' }).expect(200);
      await t.get(SosService).sweep();
      expect((await t.http.get(`/api/sos/${sos.id}`).set(fam.elderAuth).expect(200)).body).toMatchObject({ status: 'closed', outcome: 'cancelled', statusLabel: '急救工单已取消，呼叫已结束' });
      expect((await t.http.get('/api/elder/home').set(fam.elderAuth).expect(200)).body.activeSos).toBeNull();
    });
  });

  it('acts on a timeout with the settings in force when the order was placed, not later ones', async () => {
    const fam = await familyWithElderLogin(corner(3));
    await t.http.put(`/api/elders/${fam.elder.id}/confirmation`).set(fam.auth).send({ confirmOrders: true, timeoutMinutes: 30, onTimeout: 'cancel' }).expect(200);
    const order = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'visit' });
    expect(order.status).toBe('awaiting_elder');
    // After ordering the family changes its mind for future orders: proceed, after 120 minutes.
    await t.http.put(`/api/elders/${fam.elder.id}/confirmation`).set(fam.auth).send({ confirmOrders: true, timeoutMinutes: 120, onTimeout: 'proceed' }).expect(200);
    t.clock.advance(31 * 60_000);
    try {
      await t.get(OrdersService).applyConfirmationTimeouts();
      expect(await d.statusOf(order.id)).toBe('cancelled');
      expect((await t.http.get(`/api/orders/${order.id}`).set(fam.auth).expect(200)).body.consent).toMatchObject({ decision: 'refuse', source: 'timeout' });
    } finally {
      t.clock.set(NOW);
    }
  });

  it('lets the elder’s own login list and place his own orders and set his own confirmation, and nobody else’s', async () => {
    const fam = await familyWithElderLogin(corner(4));
    const byFamily = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'visit' });
    const mine = (await t.http.post('/api/orders').set(fam.elderAuth).set('Idempotency-Key', `self-${randomUUID()}`).send({ elderId: fam.elder.id, serviceCode: 'visit' }).expect(201)).body;
    // He placed it himself: it does not wait for his own confirmation.
    expect(mine).toMatchObject({ elderId: fam.elder.id, status: 'created' });
    const listed = (await t.http.get('/api/orders').set(fam.elderAuth).expect(200)).body.map((o: { id: string }) => o.id);
    expect(listed).toEqual(expect.arrayContaining([byFamily.id, mine.id]));
    await t.http.get(`/api/orders/${mine.id}`).set(fam.elderAuth).expect(200);
    expect((await t.http.get('/api/orders').set(fam.auth).expect(200)).body.map((o: { id: string }) => o.id)).toContain(mine.id);
    const settings = { confirmOrders: false, timeoutMinutes: 60, onTimeout: 'cancel' };
    expect((await t.http.put(`/api/elders/${fam.elder.id}/confirmation`).set(fam.elderAuth).send(settings).expect(200)).body).toEqual(settings);
    const [row] = await t.dataSource.query('SELECT confirm_orders, confirm_timeout_minutes, on_confirm_timeout FROM elders WHERE id = ?', [fam.elder.id]);
    expect(row).toEqual({ confirm_orders: 0, confirm_timeout_minutes: 60, on_confirm_timeout: 'cancel' });
    // Another family's elder stays out of reach.
    const other = await d.family({ at: corner(4) });
    await t.http.post('/api/orders').set(fam.elderAuth).set('Idempotency-Key', `x-${randomUUID()}`).send({ elderId: other.elder.id, serviceCode: 'visit' }).expect(404);
    await t.http.put(`/api/elders/${other.elder.id}/confirmation`).set(fam.elderAuth).send(settings).expect(404);
    expect((await t.http.get('/api/orders').set(other.auth).expect(200)).body.map((o: { id: string }) => o.id)).not.toContain(mine.id);
  });

  it('lets the family give time-bank minutes to the elder’s own login', async () => {
    const fam = await familyWithElderLogin(corner(5));
    await t.dataSource.query('INSERT INTO timebank_accounts (user_id, balance_minutes) VALUES (?, 120)', [fam.userId]);
    const recipients = (await t.http.get('/api/timebank/recipients').set(fam.auth).expect(200)).body;
    expect(recipients).toContainEqual({ userId: fam.elderUserId, name: fam.elder.name, relation: '老人本人（长辈版）' });
    await t.http.post('/api/timebank/give').set(fam.auth).send({ toUserId: fam.elderUserId, minutes: 45 }).expect(200);
    expect((await t.http.get('/api/timebank/me').set(fam.elderAuth).expect(200)).body).toMatchObject({ balanceMinutes: 45, entries: [{ kind: 'give_in', minutes: 45 }] });
    expect((await t.http.get('/api/timebank/me').set(fam.auth).expect(200)).body.balanceMinutes).toBe(75);
    const stranger = await d.family({ at: corner(5) });
    await t.http.post('/api/timebank/give').set(stranger.auth).send({ toUserId: fam.elderUserId, minutes: 1 }).expect(404);
  });

  it('shows the family and the elder this month’s subsidy used and remaining per rule', async () => {
    const fam = await d.family({ at: corner(6), category: 'dibao', verified: true });
    await t.dataSource.query(`INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, 'subsidy', 9, '2026-11-01', ?)`, [
      d.regionId,
      JSON.stringify({ currency: 'fen', rules: [
        { category: 'dibao', service: '*', kind: 'percent', percent: 80, monthlyCapFen: 20_000 },
        { category: 'dibao', service: 'meal', kind: 'fixed', amountFen: 500, monthlyCapFen: 6_000 },
        { category: 'tekun', service: '*', kind: 'percent', percent: 100, monthlyCapFen: 50_000 },
      ] }),
    ]);
    const order = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'cleaning' });
    const view = (await t.http.get(`/api/elders/${fam.elder.id}/subsidy-month`).set(fam.auth).expect(200)).body;
    expect(view).toMatchObject({ elderId: fam.elder.id, month: '2026-11', category: 'dibao', verified: true });
    expect(view.rules).toEqual([
      expect.objectContaining({ ruleKey: '*', monthlyCapFen: 20_000, usedFen: order.price.subsidyFen, remainingFen: 20_000 - order.price.subsidyFen }),
      expect.objectContaining({ ruleKey: 'meal', label: '老年助餐', monthlyCapFen: 6_000, usedFen: 0, remainingFen: 6_000 }),
    ]);
    expect(order.price.subsidyFen).toBeGreaterThan(0);
    const stranger = await d.family({ at: corner(6) });
    await t.http.get(`/api/elders/${fam.elder.id}/subsidy-month`).set(stranger.auth).expect(404);
  });
});
