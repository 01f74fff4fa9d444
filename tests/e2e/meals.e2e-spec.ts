import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { formatFen, type CanteenView, type ElderView, type MealBookingView, type MealSlotView } from '@carecircle/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import { HOME, api, collectErrors, currentPage, loginWithPicker, snap, startServerAndBrowser, stored, waitForApi } from './support/app.js';
import { phonePage } from './support/browser.js';
import { BOOKING, BOOKINGS, CANTEENS, CHECKOUT, MENU, MINE, elderByName } from './support/orders.js';
import { artifactsDir, type RunningServer } from './support/server.js';

/** UX.md #4: a repeat meal in ≤ 4 taps (counted here from 首页, the 我的 tab included). */
const MAX_REPEAT_TAPS = 4;
/** UX.md #8: the 取餐码 is a big number; at least this size, and the largest text on the page. */
const MIN_CODE_PX = 36;

function shanghaiDate(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

interface Plan {
  elder: ElderView;
  canteen: CanteenView;
  slot: MealSlotView;
  dishName: string;
}

describe('老年助餐: 王芳 books tomorrow\'s lunch for 王建国, then orders it again from 我的订餐', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];
  let familyToken: string | undefined;
  let first: MealBookingView | undefined;
  const figures: Record<string, unknown> = {};

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser('meals'));
    page = await phonePage(browser);
    errors = collectErrors(page);
  });

  afterAll(async () => {
    writeFileSync(resolve(artifactsDir, 'meal-report.json'), JSON.stringify(figures, null, 2));
    await browser?.close();
    await server?.stop();
  });

  /**
   * What the server offers, decided before the walk: the nearest canteen, its lunch tomorrow (the
   * canteens close on Sundays: then the next lunch after today), and a dish on it that suits
   * 王建国's 低盐 and is served again later this week, so 再来一单 has a meal to repeat it on.
   */
  async function plan(token: string): Promise<Plan> {
    const elder = await elderByName(server.baseUrl, token, '王建国');
    const canteens = await api<CanteenView[]>(server.baseUrl, token, 'GET', `/canteens?elderId=${elder.id}`);
    expect(canteens.status).toBe(200);
    const canteen = canteens.body[0];
    const slots = await api<MealSlotView[]>(server.baseUrl, token, 'GET', `/canteens/${canteen.id}/slots?elderId=${elder.id}&from=${shanghaiDate()}`);
    expect(slots.status).toBe(200);
    const lunches = slots.body.filter((s) => s.period === 'lunch' && s.date > shanghaiDate() && s.open && !s.cancelled);
    const slot = lunches[0];
    expect(slot).toBeDefined();
    const tomorrowIsSunday = new Date(`${shanghaiDate(1)}T00:00:00Z`).getUTCDay() === 0;
    if (!tomorrowIsSunday) expect(slot.date).toBe(shanghaiDate(1));
    const later = slots.body.filter((s) => s.open && !s.cancelled && `${s.date}-${s.period === 'lunch' ? 0 : 1}` > `${slot.date}-0`);
    const repeatable = slot.dishes.filter((d) => d.remaining !== 0 && later.some((s) => s.dishes.some((o) => o.name === d.name)));
    const dish = repeatable.find((d) => d.clashes.length === 0) ?? repeatable[0];
    expect(dish).toBeDefined();
    return { elder, canteen, slot, dishName: dish.name };
  }

  /** The price card's lines as [label, value]. */
  function priceLines(scope: Locator): Promise<string[][]> {
    return scope.locator('.meal-price__line').evaluateAll((els) =>
      els.map((el) => [el.querySelector('.meal-price__label')!.textContent!.trim(), el.querySelector('.meal-price__value')!.textContent!.trim()]),
    );
  }

  it('books tomorrow\'s lunch through the meal pages, sees 政府补贴 on the checkout, and gets a big 6-digit 取餐码', async () => {
    const home = await loginWithPicker(page, server.baseUrl, '王芳');
    familyToken = (await stored(page, 'cc.accessToken'))!;
    const { elder, canteen, slot, dishName } = await plan(familyToken);
    figures.plan = { canteen: canteen.name, date: slot.date, period: slot.period, dish: dishName };

    // 首页 订餐 → 为谁订餐: 王建国 → the nearest canteen.
    await home.locator('.home__entry').filter({ hasText: '订餐' }).click();
    const who = await currentPage(page, CANTEENS);
    const chip = who.locator('.cc-chip').filter({ hasText: '王建国' });
    await chip.waitFor();
    if (!(await chip.innerText()).startsWith('✓')) {
      const [listed] = await Promise.all([waitForApi(page, 'GET', '/canteens'), chip.click()]);
      expect(listed.status()).toBe(200);
    }
    const cards = who.locator('.canteen-card');
    await cards.first().waitFor();
    await expect(cards.first().locator('.canteen-card__name').innerText()).resolves.toBe(canteen.name);
    await snap(page, 'meal-01-canteens');

    await cards.first().click();
    const menu = await currentPage(page, MENU);
    const dayTab = menu.locator('.day-tab').filter({ has: page.locator('.day-tab__date', { hasText: new RegExp(`^${Number(slot.date.slice(8))}日$`) }) });
    await dayTab.waitFor();
    if (slot.date === shanghaiDate(1)) await expect(dayTab.locator('.day-tab__name').innerText()).resolves.toBe('明天');
    await dayTab.click();
    const lunch = menu.locator('.slot-card').filter({ has: page.locator('.slot-card__period', { hasText: '午餐' }) });
    await lunch.waitFor();
    if (!(await lunch.getAttribute('class'))!.includes('slot-card--on')) await lunch.click();
    await menu.locator('.slot-card--on').filter({ hasText: '✓ 午餐' }).waitFor();
    await expect(lunch.locator('.slot-card__time').innerText()).resolves.toContain('10:00 截止预订');

    const dish = menu.locator('.dish-card').filter({ has: page.locator('.dish-card__name', { hasText: new RegExp(`^${dishName}$`) }) });
    await dish.locator('.meal-stepper__add').click();
    await menu.getByText('已选 1 份', { exact: true }).waitFor();
    await snap(page, 'meal-02-menu-tomorrow-lunch');

    await menu.getByRole('button', { name: '去结算', exact: true }).click();
    const checkout = await currentPage(page, CHECKOUT);
    await checkout.locator('.meal-price__line--subsidy').waitFor();
    // Delivery when the canteen reaches 王建国's home, else pick-up.
    const mode = canteen.deliversHere ? '送餐上门' : '自取';
    await checkout.locator('.cc-chip').filter({ hasText: new RegExp(`^${mode}`) }).click();
    await checkout.locator('.cc-chip--on').filter({ hasText: `✓ ${mode}` }).waitFor();
    const estimate = await priceLines(checkout);
    const subsidyLine = estimate.find(([label]) => label.startsWith('政府补贴'));
    // 王建国 is a verified 高龄 elder: the meal subsidy shows as its own negative line (UX.md #2).
    expect({ estimate, subsidy: subsidyLine?.[1] }).toEqual({ estimate, subsidy: expect.stringMatching(/^-¥\d+\.\d{2}$/) });
    const confirm = checkout.getByRole('button', { name: /^确认订餐 · 实付 ¥\d+\.\d{2}$/ });
    await confirm.waitFor();
    const confirmText = await confirm.innerText();
    await snap(page, 'meal-03-checkout');

    const [created] = await Promise.all([waitForApi(page, 'POST', '/meal-bookings'), confirm.click()]);
    expect(created.status()).toBe(201);
    const booking = (await created.json()) as MealBookingView;
    expect(booking).toMatchObject({ elderId: elder.id, slotId: slot.id, canteenId: canteen.id, date: slot.date, period: 'lunch', status: 'booked' });
    expect(booking.items.map((i) => [i.name, i.quantity])).toEqual([[dishName, 1]]);
    expect(booking.price.subsidyFen).toBeGreaterThan(0);
    // What the checkout estimated is what the server charged.
    expect({ estimatedSubsidy: subsidyLine?.[1], confirmText }).toEqual({ estimatedSubsidy: formatFen(-booking.price.subsidyFen), confirmText: `确认订餐 · 实付 ${formatFen(booking.price.payFen)}` });

    // The success page: 订餐成功 and the 取餐码, six digits, big.
    const done = await currentPage(page, BOOKING);
    await done.getByText('订餐成功', { exact: true }).waitFor();
    const code = done.locator('.meal-booking__code');
    await expect(code.innerText()).resolves.toBe(booking.pickupCode);
    expect(booking.pickupCode).toMatch(/^\d{6}$/);
    const sizes = await done.evaluate((root, codeClass) => {
      const codeEl = root.querySelector<HTMLElement>(`.${codeClass}`)!;
      let largestOther = 0;
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        if (el === codeEl || !el.checkVisibility()) continue;
        if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) continue;
        largestOther = Math.max(largestOther, parseFloat(getComputedStyle(el).fontSize));
      }
      return { code: parseFloat(getComputedStyle(codeEl).fontSize), largestOther };
    }, 'meal-booking__code');
    figures.pickupCodeFontPx = sizes;
    expect(sizes.code).toBeGreaterThanOrEqual(MIN_CODE_PX);
    expect(sizes.code).toBeGreaterThan(sizes.largestOther);
    await expect(done.locator('.meal-booking__qr').count()).resolves.toBe(1);
    const bookedLines = await priceLines(done);
    expect(bookedLines).toContainEqual(['政府补贴', formatFen(-booking.price.subsidyFen)]);
    await snap(page, 'meal-04-booked-code');
    first = booking;
    expect(errors).toEqual([]);
  });

  it(`再来一单 from 我的订餐 takes ≤ ${MAX_REPEAT_TAPS} taps from 首页, and GET /api/meal-bookings lists both bookings`, async () => {
    if (!first || !familyToken) throw new Error('the first booking is missing: the test before did not get that far');
    const booked = first;
    // Start on 首页 (the success page's 返回首页).
    const done = await currentPage(page, BOOKING);
    await done.getByRole('button', { name: '返回首页', exact: true }).click();
    await (await currentPage(page, HOME)).getByText(/^家中老人（\d+）$/).waitFor();

    const taps: string[] = [];
    const tap = async (what: string, target: Locator) => {
      taps.push(what);
      await target.click();
    };
    await tap('我的 tab', page.locator('.taro-tabbar__tabbar .weui-tabbar__item').filter({ hasText: '我的' }));
    const mine = await currentPage(page, MINE);
    const row = mine.locator('.mine-row').filter({ hasText: '我的订餐' });
    await row.waitFor();
    await tap('我的订餐', row);
    const list = await currentPage(page, BOOKINGS);
    const card = list.locator('.meal-card').filter({ hasText: `取餐码 ${booked.pickupCode}` });
    await card.waitFor();
    await snap(page, 'meal-05-bookings');
    await tap('再来一单', card.getByRole('button', { name: '再来一单', exact: true }));

    // The checkout comes filled in: same elder, canteen, dish and way of eating, on the next meal serving it.
    const checkout = await currentPage(page, CHECKOUT);
    await checkout.locator('.cc-chip--on').first().waitFor();
    await expect(checkout.locator('.cc-chip--on').innerText()).resolves.toMatch(new RegExp(`^✓ ${booked.mode === 'delivery' ? '送餐上门' : '自取'}`));
    await expect(checkout.locator('.meals-checkout__item-name').allInnerTexts()).resolves.toEqual(booked.items.map((i) => `${i.name} × ${i.quantity}`));
    const confirm = checkout.getByRole('button', { name: /^确认订餐 · 实付 ¥\d+\.\d{2}$/ });
    await confirm.waitFor();
    await snap(page, 'meal-06-again-checkout');
    const [created] = await Promise.all([waitForApi(page, 'POST', '/meal-bookings'), tap('确认订餐', confirm)]);
    expect(created.status()).toBe(201);
    const again = (await created.json()) as MealBookingView;
    const done2 = await currentPage(page, BOOKING);
    await expect(done2.locator('.meal-booking__code').innerText()).resolves.toBe(again.pickupCode);
    await snap(page, 'meal-07-again-booked');

    figures.repeatTaps = taps;
    const tapLine = (n: number) => `taps from 首页 to the repeated booking: ${n} (budget ${MAX_REPEAT_TAPS}): ${taps.join(' → ')}`;
    expect(tapLine(taps.length)).toBe(tapLine(Math.min(taps.length, MAX_REPEAT_TAPS)));

    // The repeat is a later meal, not the same one twice.
    expect(again).toMatchObject({ elderId: booked.elderId, canteenId: booked.canteenId, mode: booked.mode, status: 'booked' });
    expect(again.id).not.toBe(booked.id);
    expect(`${again.date}-${again.period === 'lunch' ? 0 : 1}` > `${booked.date}-${booked.period === 'lunch' ? 0 : 1}`).toBe(true);
    expect(again.items.map((i) => [i.name, i.quantity])).toEqual(booked.items.map((i) => [i.name, i.quantity]));

    // Both are the family's, as the API lists them.
    const listed = await api<MealBookingView[]>(server.baseUrl, familyToken, 'GET', '/meal-bookings');
    expect(listed.status).toBe(200);
    const byId = new Map(listed.body.map((b) => [b.id, b]));
    expect(byId.get(booked.id)).toMatchObject({ status: 'booked', pickupCode: booked.pickupCode, slotId: booked.slotId, date: booked.date, period: 'lunch' });
    expect(byId.get(again.id)).toMatchObject({ status: 'booked', pickupCode: again.pickupCode, slotId: again.slotId });
    expect(errors).toEqual([]);
  });
});
