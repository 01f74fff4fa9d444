import { Dispatcher } from '../../src/dispatch/dispatcher.service.js';
import { ChildcareFixture } from '../support/childcare-fixture.js';
import { DispatchFixture, offset } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** A refusal says what actually happened to the caller's own offer or place, not a guess about someone else. */
describe('refusals that say what happened', () => {
  let t: TestApp;
  let d: DispatchFixture;

  beforeAll(async () => {
    t = await createTestApp({ env: { DISPATCH_OFFER_TIMEOUT_SECONDS: '60' } });
    d = await new DispatchFixture(t).setup();
  });
  afterAll(() => t.close());

  const corner = (n: number) => offset(n * 40_000, 0);

  async function offeredTo(n: number) {
    const home = corner(n);
    const first = await d.staff(`先${n}`, { at: offset(200, 0, home) });
    await d.staff(`后${n}`, { at: offset(900, 0, home) });
    const family = await d.family({ at: home });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    await t.get(Dispatcher).dispatch(order.id);
    const [offer] = await d.offersOf(order.id);
    expect(offer.staff_id).toBe(first.id);
    return { first, offer, order };
  }

  it('accepting an offer one declined says it was declined (not that someone else took it or it timed out)', async () => {
    const { first, offer } = await offeredTo(1);
    await t.http.post(`/api/offers/${offer.id}/decline`).set(first.auth).expect(204);
    const again = await t.http.post(`/api/offers/${offer.id}/accept`).set(first.auth).expect(409);
    expect(again.body).toMatchObject({ error: 'OFFER.DECLINED', message: expect.stringContaining('您已拒绝这单') });
    // A double tap on 拒单 is the same answer as the first.
    await t.http.post(`/api/offers/${offer.id}/decline`).set(first.auth).expect(204);
  });

  it('declining an offer one accepted says it was accepted and how to give the job back', async () => {
    const { first, offer } = await offeredTo(2);
    await t.http.post(`/api/offers/${offer.id}/accept`).set(first.auth).expect(200);
    const decline = await t.http.post(`/api/offers/${offer.id}/decline`).set(first.auth).expect(409);
    expect(decline.body).toMatchObject({ error: 'OFFER.ALREADY_ACCEPTED', message: expect.stringContaining('您已接下这单') });
  });

  it('an offer that ran out says so, both to 接单 and to 拒单', async () => {
    const { first, offer } = await offeredTo(3);
    t.clock.advance(61_000);
    expect((await t.http.post(`/api/offers/${offer.id}/accept`).set(first.auth).expect(409)).body).toMatchObject({ error: 'OFFER.EXPIRED', message: expect.stringContaining('超时') });
    await t.get(Dispatcher).expireOffer(offer.id);
    expect((await t.http.post(`/api/offers/${offer.id}/decline`).set(first.auth).expect(409)).body).toMatchObject({ error: 'OFFER.EXPIRED', message: expect.stringContaining('超时') });
  });

  it('confirming a childcare place never held says the family is still waiting, and where', async () => {
    const c = await new ChildcareFixture(t, d).setup();
    const centre = await c.centre(2);
    const cls = await c.addClass(centre, { ageClass: 'toddler', name: '托小班', capacity: 1 });
    const month = new Date(t.clock.now().getTime() + 40 * 86_400_000).toISOString().slice(0, 7);
    const birth = new Date(t.clock.now().getTime() - 540 * 86_400_000).toISOString().slice(0, 10);
    const first = await c.parentWithChild(birth);
    (await c.enrol(first.auth, { childId: first.child.id, classId: cls.id, careType: 'full_day', startMonth: month }).expect(201));
    const second = await c.parentWithChild(birth);
    const queued = (await c.enrol(second.auth, { childId: second.child.id, classId: cls.id, careType: 'full_day', startMonth: month, waitlistIfFull: true }).expect(201)).body;
    const entryId = queued.waitlist?.id ?? queued.id;
    const res = await t.http.post(`/api/childcare/waitlist/${entryId}/accept`).set(second.auth).expect(409);
    expect(res.body).toMatchObject({ error: 'CHILDCARE.WAITLIST_NOT_OFFERED', message: expect.stringContaining('轮候第 1 位') });
    await t.http.post(`/api/childcare/waitlist/${entryId}/leave`).set(second.auth).expect((r) => expect(r.status).toBeLessThan(300));
    expect((await t.http.post(`/api/childcare/waitlist/${entryId}/accept`).set(second.auth).expect(409)).body.message).toContain('您已退出轮候');
  });
});
