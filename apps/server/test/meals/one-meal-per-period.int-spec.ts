import { offset } from '../support/dispatch-fixture.js';
import { MealFixture, shanghaiDay } from '../support/meal-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// 2026-11-27 08:00 Asia/Shanghai.
const NOW = new Date('2026-11-27T00:00:00Z');

/** Issue 13: one booking per need — an elder eats one lunch, and draws one lunch subsidy. */
describe('one meal per elder per period', () => {
  let t: TestApp;
  let f: MealFixture;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    f = (await new MealFixture(t).setup()) as MealFixture;
  });
  afterAll(() => t.close());

  const subsidyRows = async (elderId: string) => {
    const [{ n }] = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM subsidy_ledger l JOIN meal_bookings b ON b.id = l.source_id WHERE l.source_type = 'meal' AND b.elder_id = ?`,
      [elderId],
    );
    return Number(n);
  };

  it('a second booking of the same period → 409 naming the first, and no second subsidy ledger row; at another canteen too', async () => {
    const day = shanghaiDay(NOW, 1);
    const canteen = await f.canteen({ at: offset(500, 0) });
    const other = await f.canteen({ at: offset(700, 0) });
    const lunch = await f.menu(canteen, day, 'lunch');
    const otherLunch = await f.menu(other, day, 'lunch');
    const dinner = await f.menu(canteen, day, 'dinner');
    const fam = await f.family({ at: offset(600, 0), category: 'dibao' });
    const item = (menu: { dishes: { id: string }[] }) => [{ dishId: menu.dishes[0].id, quantity: 1 }];

    const first = (await f.book(fam.auth, { elderId: fam.elder.id, slotId: lunch.id, mode: 'dine_in', items: item(lunch) }).expect(201)).body;
    expect(first.price.subsidyFen).toBeGreaterThan(0);
    expect(await subsidyRows(fam.elder.id)).toBe(1);

    const again = await f.book(fam.auth, { elderId: fam.elder.id, slotId: lunch.id, mode: 'pickup', items: item(lunch) }).expect(409);
    expect(again.body.error).toBe('MEAL.ALREADY_BOOKED');
    expect(again.body.message).toContain(`已订了 ${day} 的午餐`);
    expect(again.body.message).toContain(first.pickupCode);
    expect(again.body.details.existingBookingId).toBe(first.id);
    const elsewhere = await f.book(fam.auth, { elderId: fam.elder.id, slotId: otherLunch.id, mode: 'dine_in', items: item(otherLunch) }).expect(409);
    expect(elsewhere.body.error).toBe('MEAL.ALREADY_BOOKED');
    expect(await subsidyRows(fam.elder.id)).toBe(1);

    // Concurrent double taps with different keys: one booking.
    const fam2 = await f.family({ at: offset(610, 0), category: 'dibao' });
    const raced = await Promise.all([1, 2, 3].map(() => f.book(fam2.auth, { elderId: fam2.elder.id, slotId: lunch.id, mode: 'dine_in', items: item(lunch) })));
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await subsidyRows(fam2.elder.id)).toBe(1);

    // Dinner is another meal; and after cancelling lunch, lunch can be booked again.
    await f.book(fam.auth, { elderId: fam.elder.id, slotId: dinner.id, mode: 'dine_in', items: item(dinner) }).expect(201);
    await t.http.post(`/api/meal-bookings/${first.id}/cancel`).set(fam.auth).send({ reason: '改去另一家' }).expect(200);
    await f.book(fam.auth, { elderId: fam.elder.id, slotId: otherLunch.id, mode: 'dine_in', items: item(otherLunch) }).expect(201);
  });
});
