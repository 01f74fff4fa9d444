import { chromium, type Browser, type Page } from 'playwright-core';

export const PHONE = { width: 375, height: 812 };

/** Debian's Chromium; nothing is downloaded (no `playwright install`). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', hasTouch: true, isMobile: true });
  return context.newPage();
}
