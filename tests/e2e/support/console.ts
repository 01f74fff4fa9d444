import { expect } from '@jest/globals';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core';
import { collectErrors, waitForApi } from './app.js';
import { artifactsDir } from './server.js';

// The operator console (apps/console, served by the built server at /console/) in Chromium at a
// desktop size, with the steps every console test shares.

export const DESKTOP = { width: 1440, height: 900 };

/** Today and this month in China (the console and the server both count in Asia/Shanghai). */
export const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
export const chinaMonth = () => chinaToday().slice(0, 7);
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A button's accessible name: antd puts a space between the two characters of a two-character
 * Chinese label (「通 过」), and an icon adds its own name in front (「check-circle 审批」).
 */
export const label = (text: string) => new RegExp(`(?:^|\\s)${text.split('').join('\\s*')}\\s*$`);

export function ok<T>(what: string, res: { status: number; body: unknown }, status = 200): T {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** One browser context at a time, with the page errors and failed API calls the test did not expect. */
export class ConsoleSession {
  context: BrowserContext | undefined;
  /** Page errors, console errors and failed API calls of the current test's page. */
  problems: string[] = [];
  /** API answers ≥ 400 a test expects (method + path), left out of `problems`. */
  expectedFailures: RegExp[] = [];

  constructor(
    private readonly browser: Browser,
    readonly baseUrl: string,
  ) {}

  async open(): Promise<Page> {
    this.context = await this.browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    const page = await this.context.newPage();
    this.watch(page);
    return page;
  }

  /** Collects the problems of another page of the same context (a tab the console opened). */
  watch(page: Page): void {
    collectErrors(page, this.problems);
    page.on('response', (res) => {
      const path = new URL(res.url()).pathname;
      if (res.status() < 400 || path.endsWith('/favicon.ico')) return;
      const line = `${res.request().method()} ${path}`;
      if (!this.expectedFailures.some((e) => e.test(line))) this.problems.push(`${res.status()} ${line}`);
    });
  }

  async close(): Promise<void> {
    await this.context?.close();
    this.context = undefined;
    this.problems = [];
    this.expectedFailures = [];
  }

  /** Page errors and console errors, less Chromium's line for each failed request (the listener has those). */
  unexpected(): string[] {
    return this.problems.filter((p) => !/^console: Failed to load resource: the server responded with a status of \d+/.test(p));
  }

  /** The console's next `method` call whose path and query start with `/api<pathAndQuery>`. */
  waitForCall(page: Page, method: string, pathAndQuery: string, timeout = 15_000): Promise<Response> {
    return page.waitForResponse((res) => {
      const url = new URL(res.url());
      return res.request().method() === method && `${url.pathname}${url.search}`.startsWith(`/api${pathAndQuery}`);
    }, { timeout });
  }

  async shot(page: Page, name: string): Promise<void> {
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({ path: resolve(artifactsDir, `console-${name}.png`), fullPage: true, animations: 'disabled' });
  }

  /** A response the console got: its status, JSON body and path with query. */
  async answer<T>(pending: Promise<Response>): Promise<{ status: number; body: T; path: string }> {
    const res = await pending;
    const text = await res.text();
    return { status: res.status(), body: (text ? JSON.parse(text) : null) as T, path: new URL(res.url()).pathname + new URL(res.url()).search };
  }

  /** The visible popconfirm's primary button labelled `text`. */
  async confirmPopover(page: Page, text: string): Promise<void> {
    const button = page.locator('.ant-popover:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary').filter({ hasText: label(text) });
    await button.waitFor();
    await button.click();
  }

  /** Opens /console/ and logs in with the dev picker's 登录 button of `nickname`. */
  async loginWithDevPicker(page: Page, nickname: string, shotName?: string): Promise<void> {
    await page.goto(`${this.baseUrl}/console/`);
    const item = page.locator('.ant-list-item').filter({ has: page.locator('.ant-list-item-meta-title', { hasText: nickname }) });
    await item.waitFor();
    if (shotName) await this.shot(page, shotName);
    const [login] = await Promise.all([waitForApi(page, 'POST', '/auth/wechat'), item.getByRole('button', { name: label('登录') }).click()]);
    expect(login.status()).toBe(200);
    await page.locator('.ant-layout-sider').waitFor();
  }

  /** Goes to a hash route and waits for the page's list call. */
  async visit<T>(page: Page, hash: string, method: string, path: string | RegExp): Promise<{ status: number; body: T; path: string }> {
    const pending = waitForApi(page, method, path);
    await page.goto(`${this.baseUrl}/console/#${hash}`);
    return this.answer<T>(pending);
  }

  tableRow(page: Page, text: string): Locator {
    return page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: text });
  }
}
