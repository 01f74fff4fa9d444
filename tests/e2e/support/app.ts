import { resolve } from 'node:path';
import type { Browser, Locator, Page, Response } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { artifactsDir, startServer, type RunningServer, type ServerOptions } from './server.js';

/** The server and Chromium side by side; whichever started is shut again when the other fails. */
export async function startServerAndBrowser(label: string, options: ServerOptions = {}): Promise<{ server: RunningServer; browser: Browser }> {
  const [server, browser] = await Promise.allSettled([startServer(label, options), launchBrowser()]);
  if (server.status === 'fulfilled' && browser.status === 'fulfilled') return { server: server.value, browser: browser.value };
  if (server.status === 'fulfilled') await server.value.stop();
  if (browser.status === 'fulfilled') await browser.value.close();
  throw server.status === 'rejected' ? server.reason : (browser as PromiseRejectedResult).reason;
}

// ---- identity numbers ----------------------------------------------------------------------------

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** The GB 11643 check character of the first 17 digits. */
export function idCheckChar(base17: string): string {
  if (!/^\d{17}$/.test(base17)) throw new Error(`need 17 digits, got "${base17}"`);
  const sum = [...base17].reduce((s, c, i) => s + Number(c) * ID_WEIGHTS[i], 0);
  return ID_CHECK_CHARS[sum % 11];
}

/** A checksum-valid 18-character resident identity number: region, birth date (YYYYMMDD), sequence. */
export function idNumber(region: string, birth: string, seq: string): string {
  const base = `${region}${birth}${seq}`;
  return base + idCheckChar(base);
}

/** The same number with a wrong check character. */
export function withWrongCheckChar(id: string): string {
  const right = id[17];
  const wrong = [...ID_CHECK_CHARS].find((c) => c !== right && c !== 'X')!;
  return id.slice(0, 17) + wrong;
}

// ---- API -----------------------------------------------------------------------------------------

export interface ApiResult<T = unknown> {
  status: number;
  body: T;
}

export async function api<T = unknown>(baseUrl: string, token: string | null, method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  const res = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** A fresh login through the dev WeChat code, as the H5 picker does: returns the access token. */
export async function apiLogin(baseUrl: string, nickname: string): Promise<string> {
  const res = await api<{ accessToken: string }>(baseUrl, null, 'POST', '/auth/wechat', { code: `dev:${nickname}` });
  if (res.status !== 200) throw new Error(`login as ${nickname}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

// ---- the H5 app ----------------------------------------------------------------------------------

export const HOME = '/pages/index/index';
export const LOGIN = '/pages/login/index';
export const HOUSEHOLD_DETAIL = '/subpackages/household/pages/detail/index';
export const ELDER_FORM = '/subpackages/household/pages/elder-form/index';

/**
 * Taro H5 keeps earlier pages in the DOM (under the one on top, or leaving with a slide): waits until
 * the page for `route` is the only one shown, in place and not moving, and returns a locator scoped
 * to it, so texts of the pages underneath never match.
 */
export async function currentPage(page: Page, route: string, timeout = 15_000): Promise<Locator> {
  const handle = await page.waitForFunction(
    (route) => {
      const pages = [...document.querySelectorAll<HTMLElement>('.taro_page')];
      const moving = document.getAnimations().some((a) => {
        const target = (a.effect as KeyframeEffect | null)?.target;
        return a.playState === 'running' && target instanceof HTMLElement && target.classList.contains('taro_page');
      });
      if (moving) return null;
      const shown = pages.filter(
        (p) => p.classList.contains('taro_page_show') && p.classList.contains('taro_page_stationed') && !p.classList.contains('taro_page_shade') && getComputedStyle(p).display !== 'none',
      );
      const top = shown[shown.length - 1];
      if (!top || !top.id.startsWith(`${route}?`) || Math.round(top.getBoundingClientRect().left) !== 0) return null;
      return top.id;
    },
    route,
    { timeout, polling: 50 },
  );
  const id = (await handle.jsonValue()) as string;
  return page.locator(`.taro_page[id="${id}"]`);
}

/** Everything on screen has rendered in its final fonts. */
export async function fontsReady(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * A screenshot of the whole current page into tests/artifacts/<name>.png. Taro H5 scrolls inside the
 * page element, not the document, so the viewport grows to the page's height for the shot.
 */
export async function snap(page: Page, name: string): Promise<string> {
  const path = resolve(artifactsDir, `${name}.png`);
  const viewport = page.viewportSize() ?? { width: 375, height: 812 };
  await fontsReady(page);
  const height = await page.evaluate(() => {
    const shown = [...document.querySelectorAll<HTMLElement>('.taro_page.taro_page_show:not(.taro_page_shade)')];
    const top = shown[shown.length - 1];
    const tabbar = document.querySelector<HTMLElement>('.taro-tabbar__tabbar');
    const tabbarHeight = tabbar && getComputedStyle(tabbar).display !== 'none' ? tabbar.offsetHeight : 0;
    return top ? top.scrollHeight + tabbarHeight : 0;
  });
  const grow = Math.min(Math.max(height, viewport.height), 4000);
  if (grow > viewport.height) await page.setViewportSize({ width: viewport.width, height: grow });
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  if (grow > viewport.height) await page.setViewportSize(viewport);
  return path;
}

/** Opens the app, picks `nickname` on the dev-login picker and waits for 首页 with its data. */
export async function loginWithPicker(page: Page, baseUrl: string, nickname: string, shotName?: string): Promise<Locator> {
  await page.goto(`${baseUrl}/`);
  const login = await currentPage(page, LOGIN);
  const pick = login.getByRole('button', { name: nickname, exact: true });
  await pick.waitFor();
  if (shotName) await snap(page, shotName);
  const [loginResponse] = await Promise.all([waitForApi(page, 'POST', '/auth/wechat'), pick.click()]);
  if (loginResponse.status() !== 200) throw new Error(`login as ${nickname} answered ${loginResponse.status()}`);
  const home = await currentPage(page, HOME);
  await home.getByText(/^家中老人（\d+）$/).waitFor();
  return home;
}

/** The next response of `method` /api`path` (a string is an exact path, a RegExp is matched). */
export function waitForApi(page: Page, method: string, path: string | RegExp, timeout = 15_000): Promise<Response> {
  return page.waitForResponse((res) => {
    if (res.request().method() !== method) return false;
    const p = new URL(res.url()).pathname;
    return typeof path === 'string' ? p === `/api${path}` : path.test(p);
  }, { timeout });
}

/** What the app keeps in Taro storage (H5: localStorage, JSON `{ data }`). */
export async function stored(page: Page, key: string): Promise<string | null> {
  return page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    try {
      const data = (JSON.parse(raw) as { data?: unknown }).data;
      return typeof data === 'string' ? data : null;
    } catch {
      return null;
    }
  }, key);
}

/** Uncaught page errors and console errors, to show when a step fails. */
export function collectErrors(page: Page, errors: string[] = []): string[] {
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // The dev server has no favicon; nothing else is expected to fail.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

type ToastWindow = { __toastLog?: string[]; __toastObserver?: MutationObserver; __toastShown?: { text: string; at: number; until: number | null }[] };

/**
 * Starts recording what Taro's toast does (call it before the action). `readable(text)` then waits
 * until a toast with `text` has been shown (display on, opacity 1) for `minMs` without a break: long
 * enough to read. It fails at once when that toast is hidden sooner, listing what the toast did.
 */
export async function watchToasts(page: Page): Promise<{ readable(text: string, options?: { minMs?: number; timeout?: number }): Promise<void> }> {
  await page.evaluate(() => {
    const w = window as unknown as ToastWindow;
    w.__toastObserver?.disconnect();
    const log: string[] = (w.__toastLog = []);
    const shown: NonNullable<ToastWindow['__toastShown']> = (w.__toastShown = []);
    const t0 = performance.now();
    const record = () => {
      for (const t of document.querySelectorAll<HTMLElement>('.taro__toast')) {
        const text = (t.textContent ?? '').trim();
        const line = `"${text}" ${t.getAttribute('style') ?? ''}`;
        if (!log.at(-1)?.endsWith(line)) log.push(`+${Math.round(performance.now() - t0)} ms ${line}`);
        const on = t.style.display !== 'none' && t.style.opacity === '1';
        const last = shown.at(-1);
        if (on && (!last || last.until !== null || last.text !== text)) shown.push({ text, at: performance.now(), until: null });
        if (!on && last && last.until === null) last.until = performance.now();
      }
    };
    w.__toastObserver = new MutationObserver(record);
    w.__toastObserver.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['style'] });
  });
  return {
    async readable(text, { minMs = 1000, timeout = 10_000 } = {}) {
      const outcome = await page
        .waitForFunction(
          ({ text, minMs }) => {
            const shown = ((window as unknown as ToastWindow).__toastShown ?? []).filter((s) => s.text.includes(text));
            if (shown.some((s) => (s.until ?? performance.now()) - s.at >= minMs)) return 'readable';
            if (shown.some((s) => s.until !== null)) return 'hidden too soon';
            return false;
          },
          { text, minMs },
          { timeout, polling: 'raf' },
        )
        .then((h) => h.jsonValue() as Promise<string>)
        .catch(() => `not shown within ${timeout} ms`);
      if (outcome === 'readable') return;
      const log = await page.evaluate(() => (window as unknown as ToastWindow).__toastLog ?? []);
      throw new Error(`the toast "${text}" was not readable for ${minMs} ms (${outcome}); the toast did:\n  ${log.slice(0, 12).join('\n  ') || '(nothing)'}`);
    },
  };
}

/** The form row (`.cc-field`) whose label is `label`. */
export function fieldRow(scope: Locator, label: string): Locator {
  return scope.locator('.cc-field').filter({ has: scope.page().locator('.cc-field__label > :first-child', { hasText: new RegExp(`^${label}$`) }) });
}
