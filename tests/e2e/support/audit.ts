import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AuditReport {
  /** Elements with visible text of their own (and text inputs), and those under `minFontPx`. */
  texts: number;
  smallTexts: string[];
  /** Things a finger taps: buttons, links, role=button, tab bar items, anything with a click handler. */
  targets: number;
  smallTargets: string[];
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
 * Measures the page on top (`root`, from currentPage()) and the tab bar, as a user sees them:
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
      const tabbar = document.querySelector<HTMLElement>('.taro-tabbar__tabbar');
      const scopes = [root, ...(tabbar && tabbar.checkVisibility() ? [tabbar] : [])];
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
      for (const el of all) {
        const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
        const isTextInput = el.matches('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea');
        if (!(ownText || isTextInput) || !shown(el)) continue;
        texts += 1;
        const size = parseFloat(getComputedStyle(el).fontSize);
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
      for (const el of all) {
        if (!tappable(el) || !shown(el)) continue;
        targets += 1;
        const r = el.getBoundingClientRect();
        if (r.width < minTarget || r.height < minTarget) smallTargets.push(`${Math.round(r.width)}×${Math.round(r.height)} ${describe(el)}`);
      }
      return { texts, smallTexts: [...new Set(smallTexts)], targets, smallTargets: [...new Set(smallTargets)] };
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
