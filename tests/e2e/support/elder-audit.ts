import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { snap } from './app.js';

/**
 * 长辈版 (适老化) figures of UX.md, measured on the H5 build as apps/miniapp/scripts/elder-measure.mjs
 * does (its steps, in TypeScript and scoped to the Taro page on top):
 *   - every visible text ≥ 18 px, titles ≥ 22 px; line height ≥ 1.3 × the font size;
 *   - every clickable ≥ 60 × 60 px and ≥ 8 px from every other clickable;
 *   - axe-core: no serious or critical violation (color-contrast 4.5:1 among them), the 7:1 aim
 *     (color-contrast-enhanced) counted for the report;
 *   - at a 1.4× root font (WeChat 关怀模式; Taro H5 sizes everything in rem): no text container wider
 *     than its box (scrollWidth ≤ clientWidth), none clipped, nothing past the right edge of the screen.
 */
export const ELDER_FIGURES = { minText: 18, minTitle: 22, minLineHeight: 1.3, minTarget: 60, minGap: 8, scale: 1.4 } as const;

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** What counts as a title (≥ 22 px) on the elder pages. */
const TITLES = '.elder__title, .elder__heading, .elder-card__title, .elder-confirm__question, .cc-title';
/** What the elder pages render to be tapped (the colleague's list, plus ARIA roles and links). */
const CLICKABLES =
  '.nut-button, button, a[href], [role="button"], [role="link"], [aria-role="button"], [ariarole="button"], taro-button-core, .elder-sos__ring, .elder-bind__input, .elder-settings__switch, .elder-settings__row, .cc-chip, input, textarea';
/** Shown over the page: measured with it. */
const OVERLAYS = '.taro__toast, .taro__modal, .taro__actionSheet';

export interface ElderLayout {
  texts: number;
  minText: number | null;
  minTitle: number | null;
  minLineRatio: number | null;
  /** Every font size seen, with how many elements use it. */
  fontSizes: Record<string, number>;
  targets: number;
  minTarget: { width: number | null; height: number | null };
  minGap: number | null;
  /** Every target measured, `w×h description`. */
  targetList: string[];
  problems: string[];
}

export interface ElderAxe {
  rulesRun: number;
  serious: string[];
  other: string[];
  /** Nodes under the 7:1 aim (color-contrast-enhanced): reported, not a failure. */
  contrast7to1Misses: string[];
}

export interface ElderScaled {
  /** Root font size at 1× and at the scale (px). */
  rootPx: { normal: number; scaled: number };
  checked: number;
  minText: number | null;
  problems: string[];
}

export interface ElderAudit {
  name: string;
  layout: ElderLayout;
  axe: ElderAxe;
  scaled: ElderScaled;
  shots: string[];
}

/** Fonts, line heights, tap targets and the gaps between them, on the page `pageId` and what is shown over it. */
async function measureLayout(page: Page, pageId: string): Promise<ElderLayout> {
  return page.evaluate(
    ({ pageId, figures, TITLES, CLICKABLES, OVERLAYS }) => {
      const root = document.getElementById(pageId);
      if (!root) throw new Error(`page ${pageId} is gone`);
      const overlays = [...document.querySelectorAll<HTMLElement>(OVERLAYS)].filter((el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }));
      const all = [root, ...overlays].flatMap((s) => [s, ...s.querySelectorAll<HTMLElement>('*')]);
      const shown = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
      };
      const label = (el: Element) => {
        const cls = typeof el.className === 'string' && el.className.trim() ? el.className.trim().split(/\s+/)[0] : el.tagName.toLowerCase();
        return `${cls} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 16)}"`;
      };
      const problems: string[] = [];
      const fontSizes: Record<string, number> = {};
      let texts = 0;
      let minText = Infinity;
      let minTitle = Infinity;
      let minLineRatio = Infinity;
      for (const el of all) {
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
        if (!own || !shown(el)) continue;
        texts += 1;
        const s = getComputedStyle(el);
        const size = parseFloat(s.fontSize);
        const key = `${Math.round(size * 10) / 10}px`;
        fontSizes[key] = (fontSizes[key] ?? 0) + 1;
        const title = el.closest(TITLES) !== null;
        minText = Math.min(minText, size);
        if (title) minTitle = Math.min(minTitle, size);
        if (size < (title ? figures.minTitle : figures.minText) - 0.01) problems.push(`${title ? 'title' : 'text'} ${size.toFixed(1)}px < ${title ? figures.minTitle : figures.minText}px: ${label(el)}`);
        // `normal` is about 1.2 in Chromium's fonts: below the figure, so it counts as a miss.
        const lineHeight = s.lineHeight === 'normal' ? size * 1.2 : parseFloat(s.lineHeight);
        const ratio = lineHeight / size;
        minLineRatio = Math.min(minLineRatio, ratio);
        if (ratio < figures.minLineHeight - 0.005) problems.push(`line-height ${ratio.toFixed(2)}× (${s.lineHeight} on ${size}px): ${label(el)}`);
      }

      // Anything with a click or touch handler counts too (Taro H5 keeps them in `__events`).
      const handles = (el: Element) => {
        const events = (el as unknown as { __events?: Record<string, unknown> }).__events;
        return !!events && ['click', 'tap', 'touchstart', 'longpress'].some((e) => e in events);
      };
      const candidates = all.filter((el) => (el.matches(CLICKABLES) || handles(el)) && shown(el));
      // Outermost only: a button's label is the same target as the button.
      const targets = candidates.filter((el) => !candidates.some((other) => other !== el && other.contains(el)));
      const boxes = targets.map((el) => ({ el, r: el.getBoundingClientRect() }));
      let minW = Infinity;
      let minH = Infinity;
      let minGap = Infinity;
      const targetList: string[] = [];
      for (const { el, r } of boxes) {
        minW = Math.min(minW, r.width);
        minH = Math.min(minH, r.height);
        targetList.push(`${Math.round(r.width)}×${Math.round(r.height)} ${label(el)}`);
        if (r.width < figures.minTarget - 0.5 || r.height < figures.minTarget - 0.5) problems.push(`target ${Math.round(r.width)}×${Math.round(r.height)} < ${figures.minTarget}×${figures.minTarget}: ${label(el)}`);
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].r;
          const b = boxes[j].r;
          const gap = Math.max(0, b.left - a.right, a.left - b.right, b.top - a.bottom, a.top - b.bottom);
          minGap = Math.min(minGap, gap);
          if (gap < figures.minGap - 0.5) problems.push(`gap ${gap.toFixed(1)}px < ${figures.minGap}px: ${label(boxes[i].el)} ↔ ${label(boxes[j].el)}`);
        }
      }
      const fin = (n: number, places = 1) => (Number.isFinite(n) ? Math.round(n * 10 ** places) / 10 ** places : null);
      return {
        texts,
        minText: fin(minText),
        minTitle: fin(minTitle),
        minLineRatio: fin(minLineRatio, 2),
        fontSizes,
        targets: targets.length,
        minTarget: { width: fin(minW), height: fin(minH) },
        minGap: fin(minGap),
        targetList,
        problems: [...new Set(problems)],
      };
    },
    { pageId, figures: ELDER_FIGURES, TITLES, CLICKABLES, OVERLAYS },
  );
}

/** axe-core's default rules on the whole document minus the Taro pages underneath, and the 7:1 aim on its own. */
async function measureAxe(page: Page, pageId: string): Promise<ElderAxe> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (pageId) => {
    type AxeNode = { target: string[]; any: { data?: { contrastRatio?: number } | null }[] };
    type AxeResult = { id: string; impact: string | null; nodes: AxeNode[] };
    type AxeResults = { violations: AxeResult[]; passes: AxeResult[]; incomplete: AxeResult[] };
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<AxeResults> } }).axe;
    const others = [...document.querySelectorAll('.taro_page')].filter((p) => p.id !== pageId).map((p) => [`.taro_page[id="${p.id}"]`]);
    const context = others.length ? { exclude: others } : document;
    const all = await axe.run(context, { resultTypes: ['violations'] });
    const enhanced = await axe.run(context, { runOnly: { type: 'rule', values: ['color-contrast-enhanced'] }, resultTypes: ['violations'] });
    const line = (v: AxeResult) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`;
    return {
      rulesRun: all.violations.length + all.passes.length + all.incomplete.length,
      serious: all.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map(line),
      other: all.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical').map(line),
      contrast7to1Misses: enhanced.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')} ${n.any[0]?.data?.contrastRatio ?? ''}`.trim())),
    };
  }, pageId);
}

/** Two frames: the browser has laid out and painted what changed. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))));
}

/**
 * Sets the root font to `factor` × what Taro chose for this width (20 px per 375 px, between 20 and
 * 40), through an !important rule: Taro's resize handler rewrites the inline root font size. 1 removes it.
 */
export async function scaleRootFont(page: Page, factor: number): Promise<number> {
  await page.evaluate((factor) => {
    let tag = document.getElementById('e2e-elder-scale');
    if (factor === 1) {
      tag?.remove();
      return;
    }
    const rect = document.documentElement.getBoundingClientRect();
    const width = Math.min(...[rect.width, rect.height].filter((v) => v > 0));
    const base = Math.min(40, Math.max(20, (20 * width) / 375));
    if (!tag) {
      tag = document.createElement('style');
      tag.id = 'e2e-elder-scale';
      document.head.appendChild(tag);
    }
    tag.textContent = `html { font-size: ${base * factor}px !important; }`;
  }, factor);
  await settled(page);
  return page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
}

/** At the current root font: text containers wider than their box or clipped, and anything past the right edge. */
async function measureOverflow(page: Page, pageId: string): Promise<{ checked: number; problems: string[] }> {
  return page.evaluate((pageId) => {
    const root = document.getElementById(pageId);
    if (!root) throw new Error(`page ${pageId} is gone`);
    const screenWidth = document.documentElement.clientWidth;
    const problems: string[] = [];
    let checked = 0;
    const label = (el: Element) => `${typeof el.className === 'string' && el.className.trim() ? el.className.trim().split(/\s+/)[0] : el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 16)}"`;
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const s = getComputedStyle(el);
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (own && s.display !== 'inline') {
        checked += 1;
        if (el.scrollWidth > el.clientWidth + 1) problems.push(`overflow ${el.scrollWidth} > ${el.clientWidth} px wide: ${label(el)}`);
        if (el.scrollHeight > el.clientHeight + 1 && [s.overflow, s.overflowY].some((o) => o === 'hidden' || o === 'clip')) problems.push(`clipped ${el.scrollHeight} > ${el.clientHeight} px tall: ${label(el)}`);
      }
      if (r.right > screenWidth + 1) problems.push(`past the right edge ${Math.round(r.right)} > ${screenWidth} px: ${label(el)}`);
    }
    return { checked, problems: [...new Set(problems)] };
  }, pageId);
}

/**
 * Everything for one screen: layout figures and axe at 1×, then overflow and the font sizes at
 * 1.4×, with screenshots of both (tests/artifacts/elder-<shot>.png and elder-<shot>@1.4x.png).
 */
export async function elderAudit(page: Page, root: Locator, name: string, shot: string): Promise<ElderAudit> {
  const pageId = await root.evaluate((el) => el.id);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const layout = await measureLayout(page, pageId);
  const axe = await measureAxe(page, pageId);
  const shots = [await snap(page, `elder-${shot}`)];
  const normalRoot = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  try {
    const scaledRoot = await scaleRootFont(page, ELDER_FIGURES.scale);
    const overflow = await measureOverflow(page, pageId);
    const scaledLayout = await measureLayout(page, pageId);
    shots.push(await snap(page, `elder-${shot}@1.4x`));
    return { name, layout, axe, scaled: { rootPx: { normal: normalRoot, scaled: scaledRoot }, checked: overflow.checked, minText: scaledLayout.minText, problems: overflow.problems }, shots };
  } finally {
    await scaleRootFont(page, 1);
  }
}

/** The figures of one screen in one line, for the assertion messages and the report. */
export function figuresLine(a: ElderAudit): string {
  const l = a.layout;
  return (
    `${a.name}: ${l.texts} texts ≥ ${l.minText} px (titles ≥ ${l.minTitle} px), line-height ≥ ${l.minLineRatio}×; ` +
    `${l.targets} targets ≥ ${l.minTarget.width}×${l.minTarget.height} px, gaps ≥ ${l.minGap} px; ` +
    `axe ${a.axe.rulesRun} rules, ${a.axe.serious.length} serious/critical, ${a.axe.contrast7to1Misses.length} under 7:1; ` +
    `at ${ELDER_FIGURES.scale}× (root ${a.scaled.rootPx.normal} → ${a.scaled.rootPx.scaled} px, smallest text ${a.scaled.minText} px) ${a.scaled.checked} texts, ${a.scaled.problems.length} overflowing`
  );
}
