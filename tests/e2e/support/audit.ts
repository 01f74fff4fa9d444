import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AuditReport {
  /** Elements with visible text of their own (and text inputs), and those under `minFontPx`. */
  /** What was measured besides the page: tab bar, toast, dialog. */
  overlays: string[];
  texts: number;
  smallTexts: string[];
  /** Every font size seen, with how many elements use it (for the report). */
  fontSizes: Record<string, number>;
  /** Things a finger taps: buttons, links, role=button, tab bar items, anything with a click handler. */
  targets: number;
  smallTargets: string[];
  /** Every target measured, `w×h description` (for the report). */
  targetList: string[];
  /** axe-core (all its default rules) on the page in view and the tab bar. */
  axeRulesRun: number;
  axeSerious: string[];
  axeOther: string[];
}

export interface AuditOptions {
  minFontPx?: number;
  minTargetPx?: number;
}

/**
 * Measures the page on top (`root`, from currentPage()), the tab bar and a toast or dialog shown over
 * it, as a user sees them:
 * computed font sizes, tap-target boxes, and axe-core's findings. Pages underneath are left out.
 */
export async function audit(page: Page, root: Locator, options: AuditOptions = {}): Promise<AuditReport> {
  const minFont = options.minFontPx ?? 14;
  const minTarget = options.minTargetPx ?? 44;
  const pageId = await root.evaluate((el) => el.id);

  const measured = await page.evaluate(
    ({ pageId, minFont, minTarget }) => {
      const root = document.getElementById(pageId);
      if (!root) throw new Error(`page ${pageId} is gone`);
      // The page, plus the tab bar and any toast or dialog over it while they are shown.
      const overlays = [...document.querySelectorAll<HTMLElement>('.taro-tabbar__tabbar, .taro__toast, .taro__modal, .taro__actionSheet')].filter(
        (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) || [...el.children].some((c) => c.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })),
      );
      const scopes = [root, ...overlays];
      const all = scopes.flatMap((s) => [s, ...s.querySelectorAll<HTMLElement>('*')]);

      const shown = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
      };
      const describe = (el: Element) => {
        const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/)[0] : '';
        const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 16);
        return `${el.tagName.toLowerCase()}${cls ? '.' + cls : ''} "${text}"`;
      };

      let texts = 0;
      const smallTexts: string[] = [];
      const fontSizes: Record<string, number> = {};
      for (const el of all) {
        const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
        const isTextInput = el.matches('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea');
        if (!(ownText || isTextInput) || !shown(el)) continue;
        texts += 1;
        const size = parseFloat(getComputedStyle(el).fontSize);
        fontSizes[`${Math.round(size * 100) / 100}px`] = (fontSizes[`${Math.round(size * 100) / 100}px`] ?? 0) + 1;
        if (size < minFont) smallTexts.push(`${size}px ${describe(el)}`);
      }

      const tappable = (el: Element) => {
        if (el.matches('button, a[href], [role=button], [role=link], [role=tab], [role=checkbox], [role=radio], taro-button-core, .weui-tabbar__item')) return true;
        // Taro H5 registers View/Text onClick handlers on the element (`__events`), not as attributes.
        const events = (el as unknown as { __events?: Record<string, unknown> }).__events;
        return !!events && ('click' in events || 'tap' in events);
      };
      let targets = 0;
      const smallTargets: string[] = [];
      const targetList: string[] = [];
      for (const el of all) {
        if (!tappable(el) || !shown(el)) continue;
        targets += 1;
        const r = el.getBoundingClientRect();
        targetList.push(`${Math.round(r.width)}×${Math.round(r.height)} ${describe(el)}`);
        if (r.width < minTarget || r.height < minTarget) smallTargets.push(`${Math.round(r.width)}×${Math.round(r.height)} ${describe(el)}`);
      }
      return { overlays: overlays.map((o) => o.className), texts, smallTexts: [...new Set(smallTexts)], fontSizes, targets, smallTargets: [...new Set(smallTargets)], targetList };
    },
    { pageId, minFont, minTarget },
  );

  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const axe = await page.evaluate(async (pageId) => {
    type AxeNode = { target: string[] };
    type AxeResult = { id: string; impact: string | null; nodes: AxeNode[] };
    const run = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeResult[]; passes: AxeResult[]; incomplete: AxeResult[]; inapplicable: AxeResult[] }> } }).axe.run;
    // The whole document (page-level rules too) minus the Taro pages that are not the one on top.
    const others = [...document.querySelectorAll('.taro_page')].filter((p) => p.id !== pageId).map((p) => [`.taro_page[id="${p.id}"]`]);
    const result = await run(others.length ? { exclude: others } : document, { resultTypes: ['violations'] });
    const line = (v: AxeResult) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`;
    return {
      rulesRun: result.violations.length + result.passes.length + result.incomplete.length,
      serious: result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map(line),
      other: result.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical').map(line),
    };
  }, pageId);

  return { ...measured, axeRulesRun: axe.rulesRun, axeSerious: axe.serious, axeOther: axe.other };
}

/** One line with the numbers, for an assertion that shows them when it fails. */
export function describeList(what: string, checked: number, offenders: string[]): string {
  return `${what}: ${checked} checked, ${offenders.length} failing${offenders.length ? `\n  ${offenders.join('\n  ')}` : ''}`;
}
