import { Dispatcher } from '../../src/dispatch/dispatcher.service.js';
import { MealsService } from '../../src/meals/meals.service.js';
import { NotificationsService } from '../../src/notifications/notifications.service.js';
import { offset } from '../support/dispatch-fixture.js';
import { MealFixture, shanghaiDay } from '../support/meal-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// 2026-11-27 08:00 Asia/Shanghai: lunch of the next day closes at 10:00 tomorrow.
const NOW = new Date('2026-11-27T00:00:00Z');

describe('meal assistance (老年助餐)', () => {
  let t: TestApp;
  let f: MealFixture;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    f = (await new MealFixture(t).setup()) as MealFixture;
  });
  afterAll(() => t.close());

  const tomorrow = () => shanghaiDay(NOW, 1);

  it('confirms exactly as many of 200 concurrent delivery bookings as there are places (20); the rest get 409 with the next period', async () => {
    const canteen = await f.canteen({ at: offset(500, 0), delivery: 20 });
    const lunch = await f.menu(canteen, tomorrow(), 'lunch');
    await f.menu(canteen, tomorrow(), 'dinner');
    const families = await Promise.all(Array.from({ length: 200 }, (_, i) => f.family({ at: offset(600 + (i % 50) * 10, 100) })));
    const results = await Promise.all(
      families.map((fam) => f.book(fam.auth, { elderId: fam.elder.id, slotId: lunch.id, mode: 'delivery', items: [{ dishId: lunch.dishes[0].id, quantity: 1 }] })),
    );
    const confirmed = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 409);
    expect(confirmed).toHaveLength(20);
    expect(refused).toHaveLength(180);
    expect(refused.every((r) => r.body.error === 'MEAL.SLOT_FULL' && r.body.message === '午餐送餐上门已订满')).toBe(true);
    expect(refused[0].body.details.next).toMatchObject({ period: 'dinner', date: tomorrow() });
    const [slot] = await t.dataSource.query('SELECT booked_delivery, cap_delivery FROM meal_slots WHERE id = ?', [lunch.id]);
    expect(slot).toEqual({ booked_delivery: 20, cap_delivery: 20 });
    const [{ n }] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM meal_bookings WHERE slot_id = ? AND status = 'booked'`, [lunch.id]);
    expect(Number(n)).toBe(20);
  }, 90_000); // setting up 200 families through the API is most of it, slow when the machine is busy

  it('never sells more portions of a limited dish than it has', async () => {
    const canteen = await f.canteen({ at: offset(0, 2000) });
    const lunch = await f.menu(canteen, tomorrow(), 'lunch');
    const porridge = lunch.dishes.find((d) => d.name === '小米南瓜粥')!;
    const families = await Promise.all(Array.from({ length: 10 }, () => f.family({ at: offset(0, 2100) })));
    const results = await Promise.all(families.map((fam) => f.book(fam.auth, { elderId: fam.elder.id, slotId: lunch.id, mode: 'dine_in', items: [{ dishId: porridge.id, quantity: 1 }] })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error === 'MEAL.DISH_SOLD_OUT')).toBe(true);
    // A sold-out dish released its period place too: dine-in bookings equal the confirmed ones.
    const [slot] = await t.dataSource.query('SELECT booked_dine_in FROM meal_slots WHERE id = ?', [lunch.id]);
    expect(slot.booked_dine_in).toBe(3);
  });

  it('enforces the cut-off (time moved, not slept) and locks the booking after it', async () => {
    const canteen = await f.canteen({ at: offset(0, 4000) });
    const lunch = await f.menu(canteen, tomorrow(), 'lunch');
    const fam = await f.family({ at: offset(0, 4100) });
    const booked = await f.book(fam.auth, { elderId: fam.elder.id, slotId: lunch.id, mode: 'pickup', items: [{ dishId: lunch.dishes[1].id, quantity: 2 }] }).expect(201);
    expect(booked.body).toMatchObject({ status: 'booked', canChange: true, pickupCode: expect.stringMatching(/^\d{6}$/), price: { priceFen: 3200 } });

    t.clock.set(new Date(`${tomorrow()}T10:00:00+08:00`));
    const late = await f.book(fam.auth, { elderId: fam.elder.id, slotId: lunch.id, mode: 'pickup', items: [{ dishId: lunch.dishes[1].id, quantity: 1 }] }).expect(409);
    expect(late.body).toMatchObject({ error: 'MEAL.CUTOFF_PASSED', message: '已过午餐的预订截止时间（10:00）' });
    const locked = await t.http.post(`/api/meal-bookings/${booked.body.id}/cancel`).set(fam.auth).send({ reason: '不吃了' }).expect(409);
    expect(locked.body.error).toBe('MEAL.CUTOFF_PASSED');
    t.clock.set(NOW);
  });

  it('gives the place, the portions and the subsidy back on a cancellation before the cut-off', async () => {
    const canteen = await f.canteen({ at: offset(0, 6000), delivery: 1 });
    const lunch = await f.menu(canteen, tomorrow(), 'lunch');
    const porridge = lunch.dishes.find((d) => d.name === '小米南瓜粥')!;
    const a = await f.family({ at: offset(0, 6100), category: 'dibao' });
    const b = await f.family({ at: offset(0, 6100) });
    const first = await f.book(a.auth, { elderId: a.elder.id, slotId: lunch.id, mode: 'delivery', items: [{ dishId: porridge.id, quantity: 3 }] }).expect(201);
    await f.book(b.auth, { elderId: b.elder.id, slotId: lunch.id, mode: 'delivery', items: [{ dishId: lunch.dishes[0].id, quantity: 1 }] }).expect(409);
    const cancelled = await t.http.post(`/api/meal-bookings/${first.body.id}/cancel`).set(a.auth).send({ reason: '去女儿家吃' }).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', refundFen: first.body.price.payFen });
    const [{ total }] = await t.dataSource.query('SELECT COALESCE(SUM(amount_fen), 0) AS total FROM subsidy_ledger WHERE elder_id = ?', [a.elder.id]);
    expect(Number(total)).toBe(0);
    await f.book(b.auth, { elderId: b.elder.id, slotId: lunch.id, mode: 'delivery', items: [{ dishId: porridge.id, quantity: 3 }] }).expect(201);
  });

  it('takes the subsidy of the elder’s category off at checkout, delivery fee included where the policy says, within the monthly cap', async () => {
    const canteen = await f.canteen({ at: offset(0, 8000) });
    const lunch = await f.menu(canteen, tomorrow(), 'lunch');
    const dinner = await f.menu(canteen, tomorrow(), 'dinner');
    // 低保 meal rule: ¥5 a meal, delivery fee covered, ¥150 a month.
    const dibao = await f.family({ at: offset(0, 8100), category: 'dibao' });
    const quoted = await t.http.post('/api/meal-bookings/quote').set(dibao.auth).send({ elderId: dibao.elder.id, slotId: lunch.id, mode: 'delivery', items: [{ dishId: lunch.dishes[1].id, quantity: 1 }] }).expect(200);
    expect(quoted.body).toMatchObject({ priceFen: 1900, subsidyFen: 500, payFen: 1400, deliveryFeeFen: 300 });
    const meal = await f.book(dibao.auth, { elderId: dibao.elder.id, slotId: lunch.id, mode: 'delivery', items: [{ dishId: lunch.dishes[1].id, quantity: 1 }] }).expect(201);
    expect(meal.body).toMatchObject({ deliveryFeeFen: 300, price: { priceFen: 1900, subsidyFen: 500, payFen: 1400, subsidyNote: '政府补贴' } });
    // 高龄: ¥3 a meal; this elder has already had ¥89 this month.
    const old = await f.family({ at: offset(0, 8100), category: 'advanced_age' });
    await t.dataSource.query(
      `INSERT INTO subsidy_ledger (elder_id, source_type, source_id, entry, month, category, service, rule_key, amount_fen, side, payer, payee, funding_source)
       VALUES (?, 'meal', UUID(), 'grant', '2026-11', 'advanced_age', 'meal', 'meal', 8900, 'demand', '街道民政', '服务机构', '测试')`,
      [old.elder.id],
    );
    const capped = await f.book(old.auth, { elderId: old.elder.id, slotId: dinner.id, mode: 'dine_in', items: [{ dishId: dinner.dishes[1].id, quantity: 1 }] }).expect(201);
    expect(capped.body.price).toMatchObject({ subsidyFen: 100, payFen: 1500, subsidyNote: '本月补贴额度剩余不足，按剩余额度补贴' });
    // Meals have their own cap: a home-care subsidy this month does not use it up.
    const none = await f.family({ at: offset(0, 8100), category: 'none' });
    const plain = await f.book(none.auth, { elderId: none.elder.id, slotId: lunch.id, mode: 'pickup', items: [{ dishId: lunch.dishes[0].id, quantity: 1 }] }).expect(201);
    expect(plain.body.price).toMatchObject({ subsidyFen: 0, payFen: 1800 });
  });

  it('flags a dish whose tags do not meet the elder’s dietary needs, on the menu and on the booking', async () => {
    const canteen = await f.canteen({ at: offset(0, 10_000) });
    const lunch = await f.menu(canteen, tomorrow(), 'lunch');
    const fam = await f.family({ at: offset(0, 10_100) }); // factory elder: 低盐
    const menu = (await t.http.get(`/api/canteens/${canteen.id}/slots?from=${tomorrow()}&elderId=${fam.elder.id}`).set(fam.auth).expect(200)).body;
    const dishes = Object.fromEntries(menu[0].dishes.map((d: { name: string; clashes: string[] }) => [d.name, d.clashes]));
    expect(dishes).toEqual({ 清蒸鲈鱼套餐: [], 红烧肉套餐: ['低盐'], 小米南瓜粥: ['低盐'] });
    const booked = await f.book(fam.auth, { elderId: fam.elder.id, slotId: lunch.id, mode: 'dine_in', items: [{ dishId: lunch.dishes[1].id, quantity: 1 }] }).expect(201);
    expect(booked.body.dietaryClashes).toEqual([{ dishName: '红烧肉套餐', needs: ['低盐'] }]);
  });

  it('refunds everyone in full and tells the families when the canteen cancels a period', async () => {
    const canteen = await f.canteen({ at: offset(0, 12_000) });
    const lunch = await f.menu(canteen, tomorrow(), 'lunch');
    const fams = await Promise.all([1, 2, 3].map(() => f.family({ at: offset(0, 12_100), category: 'dibao' })));
    const bookings = await Promise.all(fams.map((fam) => f.book(fam.auth, { elderId: fam.elder.id, slotId: lunch.id, mode: 'dine_in', items: [{ dishId: lunch.dishes[0].id, quantity: 1 }] }).expect(201)));
    const someoneElse = await f.family({ at: offset(0, 12_100) });
    await t.http.post(`/api/canteens/${canteen.id}/slots/${lunch.id}/cancel`).set(someoneElse.auth).send({ reason: '停水' }).expect(404);
    const cancelled = await t.http.post(`/api/canteens/${canteen.id}/slots/${lunch.id}/cancel`).set(canteen.admin).send({ reason: '厨房停水' }).expect(200);
    expect(cancelled.body.cancelled).toBe(true);
    for (const [i, b] of bookings.entries()) {
      const after = (await t.http.get(`/api/meal-bookings/${b.body.id}`).set(fams[i].auth).expect(200)).body;
      expect(after).toMatchObject({ status: 'cancelled', refundFen: b.body.price.payFen });
    }
    const [{ total }] = await t.dataSource.query(`SELECT SUM(amount_fen) AS total FROM subsidy_ledger WHERE source_id IN (?)`, [bookings.map((b) => b.body.id)]);
    expect(Number(total)).toBe(0);
    const [row] = await t.dataSource.query(`SELECT id, event, payload FROM outbox WHERE aggregate_id = ? AND event = 'meal.slot_cancelled'`, [lunch.id]);
    await t.get(NotificationsService).deliver({ outboxId: row.id, event: row.event, payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload });
    const notes = (await t.http.get('/api/notifications').set(fams[0].auth).expect(200)).body;
    expect(notes[0].body).toMatch(/厨房停水.*已全额退款 ¥13\.00/);
    const again = await f.book(fams[0].auth, { elderId: fams[0].elder.id, slotId: lunch.id, mode: 'dine_in', items: [{ dishId: lunch.dishes[0].id, quantity: 1 }] }).expect(409);
    expect(again.body.error).toBe('MEAL.SLOT_CANCELLED');
  });

  it('keeps one household away from another’s meal bookings', async () => {
    const canteen = await f.canteen({ at: offset(0, 14_000) });
    const lunch = await f.menu(canteen, tomorrow(), 'lunch');
    const a = await f.family({ at: offset(0, 14_100) });
    const b = await f.family({ at: offset(0, 14_100) });
    const booked = await f.book(a.auth, { elderId: a.elder.id, slotId: lunch.id, mode: 'dine_in', items: [{ dishId: lunch.dishes[0].id, quantity: 1 }] }).expect(201);
    expect((await t.http.get(`/api/meal-bookings/${booked.body.id}`).set(b.auth).expect(404)).body.error).toBe('MEAL.BOOKING_NOT_FOUND');
    await t.http.post(`/api/meal-bookings/${booked.body.id}/cancel`).set(b.auth).send({ reason: 'x' }).expect(404);
    expect((await t.http.get('/api/meal-bookings').set(b.auth).expect(200)).body).toEqual([]);
    await f.book(b.auth, { elderId: a.elder.id, slotId: lunch.id, mode: 'dine_in', items: [{ dishId: lunch.dishes[0].id, quantity: 1 }] }).expect(404);
    await t.http.get(`/api/canteens/${canteen.id}/day?date=${tomorrow()}`).set(b.auth).expect(404);
  });

  it('refuses delivery beyond the canteen’s radius, and a dish from another menu', async () => {
    const canteen = await f.canteen({ at: offset(0, 16_000), deliveryRadiusM: 1000 });
    const lunch = await f.menu(canteen, tomorrow(), 'lunch');
    const other = await f.menu(canteen, tomorrow(), 'dinner');
    const far = await f.family({ at: offset(2000, 16_000) });
    const res = await f.book(far.auth, { elderId: far.elder.id, slotId: lunch.id, mode: 'delivery', items: [{ dishId: lunch.dishes[0].id, quantity: 1 }] }).expect(422);
    expect(res.body.message).toMatch(/超出 1000 米送餐范围/);
    const wrong = await f.book(far.auth, { elderId: far.elder.id, slotId: lunch.id, mode: 'dine_in', items: [{ dishId: other.dishes[0].id, quantity: 1 }] }).expect(400);
    expect(wrong.body.details.fields[0].field).toBe('items.0.dishId');
  });

  it('turns delivery bookings into dispatch jobs at the cut-off, routed to meal couriers; the canteen sees counts and lists', async () => {
    const home = offset(30_000, 30_000);
    const canteen = await f.canteen({ at: home });
    const lunch = await f.menu(canteen, tomorrow(), 'lunch');
    const courier = await f.staff('送餐员', { at: offset(200, 0, home), skills: ['meal_delivery'], providerId: canteen.id });
    const carer = await f.staff('护理员', { at: offset(100, 0, home), skills: ['cleaning'] });
    const fam = await f.family({ at: offset(500, 0, home) });
    const dine = await f.family({ at: offset(500, 0, home) });
    const delivery = await f.book(fam.auth, { elderId: fam.elder.id, slotId: lunch.id, mode: 'delivery', items: [{ dishId: lunch.dishes[0].id, quantity: 2 }] }).expect(201);
    const dineIn = await f.book(dine.auth, { elderId: dine.elder.id, slotId: lunch.id, mode: 'dine_in', items: [{ dishId: lunch.dishes[0].id, quantity: 1 }] }).expect(201);

    const meals = t.get(MealsService);
    expect(await meals.dispatchDueDeliveries()).toBe(0);
    t.clock.set(new Date(`${tomorrow()}T10:00:00+08:00`));
    // Every delivery booked for that lunch in this file becomes a job, each exactly once.
    const [{ due }] = await t.dataSource.query(`SELECT COUNT(*) AS due FROM meal_bookings b JOIN meal_slots s ON s.id = b.slot_id WHERE b.mode = 'delivery' AND b.status = 'booked' AND s.date = ? AND s.period = 'lunch' AND s.cancelled_at IS NULL`, [tomorrow()]);
    expect(await meals.dispatchDueDeliveries()).toBe(Number(due));
    expect(await meals.dispatchDueDeliveries()).toBe(0);
    const booking = (await t.http.get(`/api/meal-bookings/${delivery.body.id}`).set(fam.auth).expect(200)).body;
    expect(booking.deliveryOrderId).toEqual(expect.any(String));
    await t.get(Dispatcher).dispatch(booking.deliveryOrderId);
    const offers = await f.offersOf(booking.deliveryOrderId);
    expect(offers.map((o) => o.staff_id)).toEqual([courier.id]);
    expect(offers.map((o) => o.staff_id)).not.toContain(carer.id);
    const order = (await t.http.get(`/api/orders/${booking.deliveryOrderId}`).set(fam.auth).expect(200)).body;
    expect(order).toMatchObject({ serviceName: '助餐配送', status: 'offered', price: { payFen: 0 } });
    expect(order.notes).toContain(`取餐码 ${delivery.body.pickupCode}`);

    const day = (await t.http.get(`/api/canteens/${canteen.id}/day?date=${tomorrow()}`).set(canteen.admin).expect(200)).body;
    expect(day.periods[0].dishCounts).toEqual([{ dishId: lunch.dishes[0].id, name: '清蒸鲈鱼套餐', quantity: 3 }]);
    expect(day.periods[0].bookings.map((b: { mode: string; deliveryOrderStatus: string | null }) => [b.mode, b.deliveryOrderStatus])).toEqual([
      ['dine_in', null],
      ['delivery', 'offered'],
    ]);
    const served = await t.http.post(`/api/canteens/${canteen.id}/bookings/${dineIn.body.id}/served`).set(canteen.admin).expect(200);
    expect(served.body).toMatchObject({ status: 'served', statusLabel: '已用餐' });
    await t.http.post(`/api/canteens/${canteen.id}/bookings/${dineIn.body.id}/served`).set(canteen.admin).expect(409);
    const byCode = await t.http.post(`/api/canteens/${canteen.id}/slots/${lunch.id}/pickups`).set(canteen.admin).send({ code: '000000' }).expect(404);
    expect(byCode.body.message).toBe('取餐码不存在，请核对');
    t.clock.set(NOW);
  });

  it('reports meals served, capacity use and subsidy for the operator', async () => {
    const op = await f.f.login('助餐运营');
    await f.makeOperator(op.tokens.user.id);
    const figures = (await t.http.get('/api/kpi/meals?month=2026-11').set(op.auth).expect(200)).body;
    expect(figures.month).toBe('2026-11');
    const withDelivery = figures.canteens.find((c: { periods: { period: string; booked: number }[] }) => c.periods.some((p) => p.booked === 20));
    expect(withDelivery.periods.find((p: { period: string }) => p.period === 'lunch')).toMatchObject({ booked: 20, capacity: 100, capacityUse: 0.2 });
    expect(figures.canteens.some((c: { periods: { mealsServed: number }[] }) => c.periods.some((p) => p.mealsServed === 1))).toBe(true);
    await t.http.get('/api/kpi/meals').set((await f.f.login('家属看指标')).auth).expect(403);
  });
});
