import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { ELDER_FORM, HOUSEHOLD_DETAIL, collectErrors, currentPage, loginWithPicker, snap, startServerAndBrowser, stored, waitForApi, watchToasts } from './support/app.js';
import { audit, describeList, type AuditReport } from './support/audit.js';
import { phonePage } from './support/browser.js';
import { Backstage, CANTEENS, CHECKOUT, MENU, MINE, ORDER_DETAIL, ORDER_FORM, SERVICES } from './support/orders.js';
import { artifactsDir, type RunningServer } from './support/server.js';

const TIMEBANK = '/subpackages/timebank/pages/index/index';

/**
 * UX.md, "everywhere else" column: text ≥ 14 px, touch targets ≥ 44 × 44 px, axe: 0 serious or
 * critical — measured on the H5 build at 375 × 812 as 王芳 (a family member) sees it.
 */
const MIN_FONT_PX = 14;
const MIN_TARGET_PX = 44;

const PAGES = [
  '首页',
  '家庭管理',
  '添加老人（有联系人、错误提示和 toast）',
  '服务项目',
  '下单表单（已选老人，有价格明细）',
  '订单详情（刚下单）',
  '订单详情（服务完成，已选星级，待提交评价）',
  '助餐点列表',
  '菜单（已选一道菜）',
  '结算（已选用餐方式，有补贴明细）',
  '时间银行（志愿者登记已填好）',
] as const;
type PageName = (typeof PAGES)[number];

/**
 * Floors that show the measuring itself worked (it found things to tap, axe ran its rules): more
 * than 2 targets and 20 axe rules, except where a page truly has less.
 */
const FLOORS: Partial<Record<PageName, { targets?: number; axeRules?: number }>> = {
  // While the order waits for the elder, 取消订单 is the one thing to tap.
  '订单详情（刚下单）': { targets: 1 },
  // Lists of cards with no form control: fewer axe rules apply (15 and 14 at the time of writing).
  服务项目: { axeRules: 11 },
  助餐点列表: { axeRules: 11 },
};

describe('适老化 / accessibility of the logged-in H5 pages', () => {
  let server: RunningServer;
  let browser: Browser;
  /** Page and console errors of every walk (each walk has its own browser context). */
  const errorLists: string[][] = [];
  /** A walk that stopped early, with why: its pages then report "not reached". */
  const walkErrors: string[] = [];
  const reports = new Map<PageName, AuditReport>();

  async function open(): Promise<Page> {
    const page = await phonePage(browser);
    errorLists.push(collectErrors(page));
    return page;
  }

  async function measure(name: PageName, page: Page, root: Locator, shot: string): Promise<void> {
    reports.set(name, await audit(page, root, { minFontPx: MIN_FONT_PX, minTargetPx: MIN_TARGET_PX }));
    await snap(page, shot);
  }

  /** 首页 → 家庭管理 → 添加老人. */
  async function walkHousehold(): Promise<void> {
    const page = await open();
    const home = await loginWithPicker(page, server.baseUrl, '王芳');
    await home.locator('.cc-elder-card').first().waitFor();
    await measure('首页', page, home, 'a11y-01-home');

    await home.getByText('家庭管理', { exact: true }).click();
    const detail = await currentPage(page, HOUSEHOLD_DETAIL);
    await detail.locator('.cc-elder-card').first().waitFor();
    await measure('家庭管理', page, detail, 'a11y-02-household-detail');

    // The form in its busiest state: a contact row (with its 删除), a chosen region (with 清除), and
    // the error messages and the toast an empty save shows.
    await detail.getByRole('button', { name: '添加老人', exact: true }).click();
    const form = await currentPage(page, ELDER_FORM);
    await form.getByRole('button', { name: '＋ 添加紧急联系人' }).click();
    await form.getByLabel('联系人姓名', { exact: true }).waitFor();
    // A chosen 街道/社区 brings its 清除 link.
    await form.getByText('请选择街道和社区（选填）', { exact: true }).click();
    await form.locator('.cc-region__panel').getByText('朝阳社区', { exact: true }).click();
    await form.getByText('清除', { exact: true }).waitFor();
    const toasts = await watchToasts(page);
    await form.getByRole('button', { name: '保存', exact: true }).click();
    await form.locator('.cc-field--error').first().waitFor();
    // Measured while the toast that goes with the errors is shown, so its text is checked too.
    await toasts.readable('请按提示修改标红的内容', { minMs: 200 });
    await measure('添加老人（有联系人、错误提示和 toast）', page, form, 'a11y-03-elder-form');
  }

  /** 首页 → 服务项目 → 助洁 的下单表单 → 订单详情, then (staff and operator through the API) 服务完成. */
  async function walkOrders(): Promise<void> {
    const page = await open();
    const home = await loginWithPicker(page, server.baseUrl, '王芳');
    await home.locator('.home__book').click();
    const services = await currentPage(page, SERVICES);
    const cleaning = services.locator('.svc-card').filter({ has: page.locator('.svc-card__name', { hasText: /^助洁$/ }) });
    await cleaning.waitFor();
    await measure('服务项目', page, services, 'a11y-04-services');

    await cleaning.click();
    const form = await currentPage(page, ORDER_FORM);
    await form.locator('.cc-chip').filter({ hasText: '王建国' }).click();
    await form.locator('.cc-price__line--pay').waitFor();
    await measure('下单表单（已选老人，有价格明细）', page, form, 'a11y-05-order-form');

    const [created] = await Promise.all([waitForApi(page, 'POST', '/orders'), form.getByRole('button', { name: /^确认下单 · 实付/ }).click()]);
    if (created.status() !== 201) throw new Error(`POST /orders answered ${created.status()}`);
    const orderId = ((await created.json()) as { id: string }).id;
    await form.getByRole('button', { name: '查看订单进度', exact: true }).click();
    const detail = await currentPage(page, ORDER_DETAIL);
    await detail.locator('.detail__status-label').waitFor();
    await measure('订单详情（刚下单）', page, detail, 'a11y-06-order-detail-placed');

    // The elder confirms, the operator assigns it to 周护理, who serves it: the page follows live.
    const backstage = await Backstage.open(server.baseUrl, (await stored(page, 'cc.accessToken'))!);
    if ((await backstage.order(orderId)).status === 'awaiting_elder') await backstage.confirmByElder(orderId);
    await backstage.assignToStaff(orderId);
    await backstage.depart(orderId);
    const elderId = (await backstage.order(orderId)).elderId;
    await backstage.checkInAtElder(orderId, elderId);
    await backstage.checkOut(orderId);
    const rating = detail.locator('.rating');
    await rating.waitFor({ timeout: 10_000 });
    // Five stars chosen, so the tags to tick are on screen too.
    await rating.locator('.rating__star').nth(4).click();
    await rating.locator('.cc-chip').first().waitFor();
    await measure('订单详情（服务完成，已选星级，待提交评价）', page, detail, 'a11y-07-order-detail-completed');
  }

  /** 首页 订餐 → 助餐点列表 → 菜单 → 结算. */
  async function walkMeals(): Promise<void> {
    const page = await open();
    const home = await loginWithPicker(page, server.baseUrl, '王芳');
    await home.locator('.home__entry').filter({ hasText: '订餐' }).click();
    const canteens = await currentPage(page, CANTEENS);
    const chip = canteens.locator('.cc-chip').filter({ hasText: '王建国' });
    await chip.waitFor();
    if (!(await chip.innerText()).startsWith('✓')) await chip.click();
    const card = canteens.locator('.canteen-card').first();
    await card.waitFor();
    await measure('助餐点列表', page, canteens, 'a11y-08-canteens');

    await card.click();
    const menu = await currentPage(page, MENU);
    // The first meal that can still be booked is chosen for her; one dish goes in the cart.
    await menu.locator('.meal-stepper__add:not(.meal-stepper__add--off)').first().click();
    await menu.getByText('已选 1 份', { exact: true }).waitFor();
    await measure('菜单（已选一道菜）', page, menu, 'a11y-09-menu');

    await menu.getByRole('button', { name: '去结算', exact: true }).click();
    const checkout = await currentPage(page, CHECKOUT);
    await checkout.locator('.cc-chip:not(.cc-chip--disabled)').filter({ hasText: /^(送餐上门|自取|堂食)/ }).first().click();
    await checkout.locator('.cc-chip--on').waitFor();
    await checkout.locator('.meal-price__line--subsidy').waitFor();
    await measure('结算（已选用餐方式，有补贴明细）', page, checkout, 'a11y-10-checkout');
  }

  /** 我的 → 时间银行: the volunteer form filled in, measured, then sent; the page turns to the workbench link. */
  async function walkTimebank(): Promise<void> {
    const page = await open();
    await loginWithPicker(page, server.baseUrl, '王芳');
    await page.locator('.taro-tabbar__tabbar .weui-tabbar__item').filter({ hasText: '我的' }).click();
    const mine = await currentPage(page, MINE);
    await mine.locator('.mine-row').filter({ hasText: '时间银行' }).click();
    const bank = await currentPage(page, TIMEBANK);
    await bank.getByText('登记为志愿者', { exact: true }).first().waitFor();
    await bank.getByText('请选择服务的街道和社区', { exact: true }).click();
    await bank.locator('.cc-region__panel').getByText('朝阳社区', { exact: true }).click();
    await bank.locator('.cc-chip').filter({ hasText: '探访关爱' }).click();
    await bank.getByLabel('出生年份', { exact: true }).fill('1968');
    await measure('时间银行（志愿者登记已填好）', page, bank, 'a11y-11-timebank');

    const [sent] = await Promise.all([waitForApi(page, 'POST', '/timebank/volunteer'), bank.getByRole('button', { name: '登记为志愿者', exact: true }).click()]);
    if (sent.status() !== 201) throw new Error(`POST /timebank/volunteer answered ${sent.status()}: ${await sent.text()}`);
    await bank.getByRole('button', { name: '去服务人员工作台', exact: true }).waitFor();
    await snap(page, 'a11y-12-timebank-registered');
  }

  // Walks through the app, measuring each page as it is reached; the tests below judge them. A walk
  // that breaks is recorded and the next one still runs, so the pages reached are still judged.
  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser('accessibility'));
    const walks: [string, () => Promise<void>][] = [
      ['家庭档案', walkHousehold],
      ['上门服务', walkOrders],
      ['老年助餐', walkMeals],
      ['时间银行', walkTimebank],
    ];
    for (const [name, walk] of walks) {
      try {
        await walk();
      } catch (err) {
        walkErrors.push(`${name}: ${(err as Error).message.split('\n')[0]}`);
      }
    }
    writeFileSync(resolve(artifactsDir, 'a11y-report.json'), JSON.stringify(Object.fromEntries(reports), null, 2));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  function report(name: PageName): AuditReport {
    const found = reports.get(name);
    if (!found) throw new Error(`${name} was not reached: ${walkErrors.join('; ') || 'see the beforeAll failure'}`);
    return found;
  }

  describe.each(PAGES)('%s', (name) => {
    it(`every visible text is at least ${MIN_FONT_PX} px`, () => {
      const { texts, smallTexts } = report(name);
      expect(texts).toBeGreaterThan(10);
      expect(describeList(`${name}: texts ≥ ${MIN_FONT_PX} px`, texts, smallTexts)).toBe(describeList(`${name}: texts ≥ ${MIN_FONT_PX} px`, texts, []));
    });

    it(`every tap target is at least ${MIN_TARGET_PX} × ${MIN_TARGET_PX} px`, () => {
      const { targets, smallTargets } = report(name);
      expect(targets).toBeGreaterThanOrEqual(FLOORS[name]?.targets ?? 3);
      expect(describeList(`${name}: tap targets ≥ ${MIN_TARGET_PX}×${MIN_TARGET_PX}`, targets, smallTargets)).toBe(
        describeList(`${name}: tap targets ≥ ${MIN_TARGET_PX}×${MIN_TARGET_PX}`, targets, []),
      );
    });

    it('axe-core finds no serious or critical violation', () => {
      const { axeRulesRun, axeSerious, axeOther } = report(name);
      expect(axeRulesRun).toBeGreaterThanOrEqual(FLOORS[name]?.axeRules ?? 21);
      const label = `${name}: axe rules run ${axeRulesRun}, minor/moderate findings ${axeOther.length}; serious or critical`;
      expect(describeList(label, axeRulesRun, axeSerious)).toBe(describeList(label, axeRulesRun, []));
    });
  });

  it('the walks reached every page and raised no page or console errors', () => {
    expect(walkErrors).toEqual([]);
    expect([...reports.keys()]).toEqual([...PAGES]);
    expect(errorLists.flat()).toEqual([]);
  });
});
