import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { ELDER_FORM, HOUSEHOLD_DETAIL, collectErrors, currentPage, loginWithPicker, snap, startServerAndBrowser, watchToasts } from './support/app.js';
import { audit, describeList, type AuditReport } from './support/audit.js';
import { phonePage } from './support/browser.js';
import { artifactsDir, type RunningServer } from './support/server.js';

/**
 * UX.md, "everywhere else" column: text ≥ 14 px, touch targets ≥ 44 × 44 px, axe: 0 serious or
 * critical — measured on the H5 build at 375 × 812 as 王芳 (a family member) sees it.
 */
const MIN_FONT_PX = 14;
const MIN_TARGET_PX = 44;

const PAGES = ['首页', '家庭管理', '添加老人（有联系人、错误提示和 toast）'] as const;
type PageName = (typeof PAGES)[number];

describe('适老化 / accessibility of the logged-in H5 pages', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];
  const reports = new Map<PageName, AuditReport>();

  // One walk through the app, measuring each page as it is reached; the tests below judge them.
  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser('accessibility'));
    page = await phonePage(browser);
    errors = collectErrors(page);

    const home = await loginWithPicker(page, server.baseUrl, '王芳');
    await home.locator('.cc-elder-card').first().waitFor();
    reports.set('首页', await audit(page, home, { minFontPx: MIN_FONT_PX, minTargetPx: MIN_TARGET_PX }));
    await snap(page, 'a11y-01-home');

    await home.getByText('家庭管理', { exact: true }).click();
    const detail = await currentPage(page, HOUSEHOLD_DETAIL);
    await detail.locator('.cc-elder-card').first().waitFor();
    reports.set('家庭管理', await audit(page, detail, { minFontPx: MIN_FONT_PX, minTargetPx: MIN_TARGET_PX }));
    await snap(page, 'a11y-02-household-detail');

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
    reports.set('添加老人（有联系人、错误提示和 toast）', await audit(page, form, { minFontPx: MIN_FONT_PX, minTargetPx: MIN_TARGET_PX }));
    await snap(page, 'a11y-03-elder-form');
    writeFileSync(resolve(artifactsDir, 'a11y-report.json'), JSON.stringify(Object.fromEntries(reports), null, 2));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  function report(name: PageName): AuditReport {
    const found = reports.get(name);
    if (!found) throw new Error(`${name} was not reached (see the beforeAll failure)`);
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
      expect(targets).toBeGreaterThan(2);
      expect(describeList(`${name}: tap targets ≥ ${MIN_TARGET_PX}×${MIN_TARGET_PX}`, targets, smallTargets)).toBe(
        describeList(`${name}: tap targets ≥ ${MIN_TARGET_PX}×${MIN_TARGET_PX}`, targets, []),
      );
    });

    it('axe-core finds no serious or critical violation', () => {
      const { axeRulesRun, axeSerious, axeOther } = report(name);
      expect(axeRulesRun).toBeGreaterThan(20);
      const label = `${name}: axe rules run ${axeRulesRun}, minor/moderate findings ${axeOther.length}; serious or critical`;
      expect(describeList(label, axeRulesRun, axeSerious)).toBe(describeList(label, axeRulesRun, []));
    });
  });

  it('the walk raised no page or console errors', () => {
    expect(reports.size).toBe(PAGES.length);
    expect(errors).toEqual([]);
  });
});
