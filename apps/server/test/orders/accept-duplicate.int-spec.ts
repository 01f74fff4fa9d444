import { Dispatcher } from '../../src/dispatch/dispatcher.service.js';
import { DispatchFixture, offset } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('accepting an offer twice', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let dispatcher: Dispatcher;

  beforeAll(async () => {
    t = await createTestApp();
    d = await new DispatchFixture(t).setup();
    dispatcher = t.get(Dispatcher);
  });
  afterAll(() => t.close());

  const corner = (n: number) => offset(n * 40_000, -40_000);

  // Several rounds: one round may happen to serialise the two requests; the rule must hold in every one.
  it.each([1, 2, 3, 4, 5])("gives the winner's duplicate accept (sent at the same moment) the same 200 and body; another staff member gets 409 (round %i)", async (round) => {
    const home = corner(round);
    const winner = await d.staff(`接单者${round}`, { at: offset(100, 0, home) });
    const other = await d.staff(`慢一步${round}`, { at: offset(200, 0, home) });
    const family = await d.family({ at: home });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'emergency' });
    await dispatcher.dispatch(order.id);
    const offers = await d.offersOf(order.id);
    const offerOf = (staffId: string) => offers.find((o) => o.staff_id === staffId)!.id;

    const [first, second] = await Promise.all([0, 1].map(() => t.http.post(`/api/offers/${offerOf(winner.id)}/accept`).set(winner.auth)));
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body).toEqual(first.body);
    expect(first.body).toMatchObject({ orderId: order.id, status: 'accepted' });

    const late = await t.http.post(`/api/offers/${offerOf(other.id)}/accept`).set(other.auth).expect(409);
    expect(late.body).toMatchObject({ error: 'OFFER.TAKEN', message: '该订单已被其他服务人员接走' });

    // A later retry by the winner is answered the same way, and the order was accepted once.
    const retry = await t.http.post(`/api/offers/${offerOf(winner.id)}/accept`).set(winner.auth).expect(200);
    expect(retry.body).toEqual(first.body);
    const [{ n }] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM order_events WHERE order_id = ? AND status = 'accepted'`, [order.id]);
    expect(Number(n)).toBe(1);
  });
});
