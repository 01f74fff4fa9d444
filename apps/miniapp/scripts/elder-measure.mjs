// Measures a 长辈版 (适老化) page of the H5 build in Chromium against the figures in shared/UX.md:
//   - every visible text ≥ 18 px (titles ≥ 22 px), line height ≥ 1.3 × font size;
//   - every clickable ≥ 60 × 60 px and ≥ 8 px from the next one;
//   - axe: serious/critical findings (WCAG 2 A/AA incl. color-contrast 4.5:1), and the 7:1 aim
//     (color-contrast-enhanced) reported separately;
//   - at a 1.4× root font scale (WeChat 关怀模式): no text container wider than its box
//     (scrollWidth ≤ clientWidth) and nothing past the right edge of the screen.
// measurePage() returns the numbers and the problems, so an e2e test can assert on them; the family-side
// pages use the normal figures (14 px, 44 × 44 px) through `figures`.
import { createRequire } from 'node:module'

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

export const ELDER_FIGURES = { minText: 18, minTitle: 22, minTarget: 60, minGap: 8, minLineHeight: 1.3 }
export const NORMAL_FIGURES = { minText: 14, minTitle: 14, minTarget: 44, minGap: 0, minLineHeight: 1.3 }

/** What counts as a title (≥ 22 px) on the elder pages. */
const TITLES = '.elder__title, .elder__heading, .elder-card__title, .elder-confirm__question, .cc-title'
/** Everything tappable the elder pages render. */
const CLICKABLES = '.nut-button, [role="button"], [aria-role="button"], [ariarole="button"], .elder-sos__ring, .elder-bind__input, .elder-settings__switch, .elder-settings__row, .cc-chip, input, textarea'

/** The page Taro H5 shows now (older pages stay in the DOM, hidden). */
export const CURRENT_PAGE = '.taro_page.taro_page_show:last-of-type'

async function inPage(page, fn, arg) {
  return page.evaluate(fn, { ...arg, CURRENT_PAGE })
}

/** Fonts, line heights, targets and gaps of the current page. */
export async function measureLayout(page, figures = ELDER_FIGURES) {
  return inPage(
    page,
    ({ CURRENT_PAGE, figures, TITLES, CLICKABLES }) => {
      const root = document.querySelector(CURRENT_PAGE) ?? document.body
      const visible = (el) => {
        const r = el.getBoundingClientRect()
        const s = getComputedStyle(el)
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && s.opacity !== '0'
      }
      const label = (el) => `${el.className && typeof el.className === 'string' ? el.className.split(' ')[0] : el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 16)}"`
      const problems = []
      let minText = Infinity
      let minTitle = Infinity
      let minLineRatio = Infinity
      let texts = 0
      for (const el of root.querySelectorAll('*')) {
        const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())
        if (!own || !visible(el)) continue
        texts++
        const s = getComputedStyle(el)
        const size = parseFloat(s.fontSize)
        const title = el.closest(TITLES) !== null
        minText = Math.min(minText, size)
        if (title) minTitle = Math.min(minTitle, size)
        if (size < (title ? figures.minTitle : figures.minText) - 0.01) problems.push(`${title ? 'title' : 'text'} ${size.toFixed(1)}px: ${label(el)}`)
        const lh = s.lineHeight === 'normal' ? size * 1.2 : parseFloat(s.lineHeight)
        const ratio = lh / size
        minLineRatio = Math.min(minLineRatio, ratio)
        if (ratio < figures.minLineHeight - 0.01) problems.push(`line-height ${ratio.toFixed(2)}×: ${label(el)}`)
      }
      // Outermost clickables only (a button's inner parts are the same target).
      const all = [...root.querySelectorAll(CLICKABLES)].filter(visible)
      const targets = all.filter((el) => !all.some((other) => other !== el && other.contains(el)))
      let minW = Infinity
      let minH = Infinity
      let minGap = Infinity
      const boxes = targets.map((el) => ({ el, r: el.getBoundingClientRect() }))
      for (const { el, r } of boxes) {
        minW = Math.min(minW, r.width)
        minH = Math.min(minH, r.height)
        if (r.width < figures.minTarget - 0.5 || r.height < figures.minTarget - 0.5) problems.push(`target ${Math.round(r.width)}×${Math.round(r.height)}: ${label(el)}`)
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].r
          const b = boxes[j].r
          const dx = Math.max(0, b.left - a.right, a.left - b.right)
          const dy = Math.max(0, b.top - a.bottom, a.top - b.bottom)
          const gap = Math.max(dx, dy)
          minGap = Math.min(minGap, gap)
          if (gap < figures.minGap - 0.5) problems.push(`gap ${gap.toFixed(1)}px: ${label(boxes[i].el)} ↔ ${label(boxes[j].el)}`)
        }
      }
      const fin = (n) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : null)
      return {
        texts,
        targets: targets.length,
        minText: fin(minText),
        minTitle: fin(minTitle),
        minLineRatio: minLineRatio === Infinity ? null : Math.round(minLineRatio * 100) / 100,
        minTarget: { width: fin(minW), height: fin(minH) },
        minGap: fin(minGap),
        problems: [...new Set(problems)],
      }
    },
    { figures, TITLES, CLICKABLES },
  )
}

/** axe on the current page: serious/critical of WCAG 2 A/AA, and the 7:1 aim counted on its own. */
export async function measureAxe(page) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined')
  if (!loaded) await page.addScriptTag({ path: AXE_PATH })
  return inPage(page, async ({ CURRENT_PAGE }) => {
    const target = document.querySelector(CURRENT_PAGE) ?? document.body
    const aa = await window.axe.run(target, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
    const aaa = await window.axe.run(target, { runOnly: { type: 'rule', values: ['color-contrast-enhanced'] } })
    const serious = aa.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    return {
      seriousOrCritical: serious.reduce((n, v) => n + v.nodes.length, 0),
      findings: serious.map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')}`),
      contrastAA: aa.violations.filter((v) => v.id === 'color-contrast').reduce((n, v) => n + v.nodes.length, 0),
      contrast7to1Misses: aaa.violations.reduce((n, v) => n + v.nodes.length, 0),
      contrast7to1Nodes: aaa.violations.flatMap((v) => v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.any[0]?.data?.contrastRatio ?? ''}`)),
    }
  })
}

/**
 * Sets the root font (Taro H5 sizes everything in rem) to `factor` × what Taro chose for this width,
 * through an !important rule: Taro's own resize handler rewrites the inline root font size.
 */
export async function scaleRootFont(page, factor) {
  await page.evaluate((f) => {
    let tag = document.getElementById('elder-measure-scale')
    if (f === 1) {
      tag?.remove()
      return
    }
    const root = document.documentElement
    const rect = root.getBoundingClientRect()
    const width = Math.min(...[rect.width, rect.height].filter(Boolean))
    const base = Math.min(40, Math.max(20, (20 * width) / 375))
    if (!tag) {
      tag = document.createElement('style')
      tag.id = 'elder-measure-scale'
      document.head.appendChild(tag)
    }
    tag.textContent = `html { font-size: ${base * f}px !important; }`
  }, factor)
}

/** At the current root font: text containers wider than their box, and anything past the screen's right edge. */
export async function measureOverflow(page) {
  return inPage(page, ({ CURRENT_PAGE }) => {
    const root = document.querySelector(CURRENT_PAGE) ?? document.body
    const problems = []
    let checked = 0
    const width = document.documentElement.clientWidth
    for (const el of root.querySelectorAll('*')) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      const s = getComputedStyle(el)
      if (s.display === 'none' || s.visibility === 'hidden') continue
      const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())
      if (hasText) {
        checked++
        if (el.scrollWidth > el.clientWidth + 1 && s.display !== 'inline') problems.push(`overflow ${el.scrollWidth}>${el.clientWidth}: ${(el.className || el.tagName).toString().split(' ')[0]} "${el.textContent.trim().slice(0, 16)}"`)
        if (el.scrollHeight > el.clientHeight + 1 && (s.overflowY === 'hidden' || s.overflow === 'hidden') && s.display !== 'inline') problems.push(`clipped ${el.scrollHeight}>${el.clientHeight}: "${el.textContent.trim().slice(0, 16)}"`)
      }
      if (r.right > width + 1) problems.push(`past right edge ${Math.round(r.right)}>${width}: ${(el.className || el.tagName).toString().split(' ')[0]}`)
    }
    return { checked, problems: [...new Set(problems)] }
  })
}

/** Full-page screenshot of Taro's scrolling page element (the document itself does not scroll). */
export async function screenshot(page, path) {
  const height = await inPage(page, ({ CURRENT_PAGE }) => {
    const el = document.querySelector(CURRENT_PAGE) ?? document.querySelector('.taro_page')
    return el ? Math.max(812, el.scrollHeight + 60) : 812
  })
  await page.setViewportSize({ width: 375, height: Math.min(height, 6000) })
  await page.waitForTimeout(250)
  await page.screenshot({ path, fullPage: true })
  await page.setViewportSize({ width: 375, height: 812 })
  await page.waitForTimeout(100)
}

/**
 * Everything for one screen: layout figures and axe at 1×, then overflow at 1.4×; screenshots of both.
 * Returns { name, layout, axe, scaled } with `problems` arrays to assert on.
 */
export async function measurePage(page, name, { shotsDir, figures = ELDER_FIGURES, scale = 1.4 } = {}) {
  await page.waitForTimeout(300)
  const layout = await measureLayout(page, figures)
  const axe = await measureAxe(page)
  if (shotsDir) await screenshot(page, `${shotsDir}/${name}.png`)
  await scaleRootFont(page, scale)
  await page.waitForTimeout(250)
  const scaled = await measureOverflow(page)
  const scaledLayout = await measureLayout(page, figures)
  if (shotsDir) await screenshot(page, `${shotsDir}/${name}@1.4x.png`)
  await scaleRootFont(page, 1)
  await page.waitForTimeout(150)
  return { name, layout, axe, scaled: { ...scaled, minText: scaledLayout.minText } }
}
