// Shared by the H5 screenshot scripts: a Chromium at 375×812, full-page screenshots of Taro's
// scrolling page element, and an audit of each shot (text under 14 px, tap targets under 44×44 px,
// axe WCAG 2 A/AA serious or critical findings).
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { chromium } from 'playwright-core'

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** Everything the apps make tappable, for the 44×44 check. */
const TAPPABLES = [
  '.nut-button', '.cc-chip', '.mine-row', '.home__entry', '.home__book', '.cc-link', '.cc-region__clear', '.home__switch',
  '.elder-form__contact-remove', '.elder-detail__call', '.cc-input-box', '.nut-input', '.weui-tabbar__item',
  '.cc-elder-card__more', '.svc-card', '.order-card', '.order-form__change', '.rating__star', '.duty__option',
].join(', ')

export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
}

export const MOBILE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }

export async function audit(page, name) {
  const problems = await page.evaluate((tappables) => {
    const out = []
    const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el); return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && r.bottom > 0 && r.top < innerHeight * 3 }
    for (const el of document.querySelectorAll('.taro_page:not([style*="display: none"]) *, .taro-tabbar__tabbar *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())
      if (own && visible(el)) {
        const size = parseFloat(getComputedStyle(el).fontSize)
        if (size < 14) out.push(`text ${size}px: "${el.textContent.trim().slice(0, 20)}"`)
      }
    }
    for (const el of document.querySelectorAll(tappables)) {
      if (!visible(el) || el.closest('[style*="display: none"]')) continue
      const r = el.getBoundingClientRect()
      if (r.width < 44 || r.height < 44) out.push(`target ${Math.round(r.width)}×${Math.round(r.height)}: ${el.className.split(' ')[0]} "${el.textContent.trim().slice(0, 12)}"`)
    }
    return [...new Set(out)]
  }, TAPPABLES)
  if (problems.length) console.log(`  ⚠ ${name}: ${problems.join(' | ')}`)
  await page.addScriptTag({ path: AXE_PATH })
  const violations = await page.evaluate(async () => {
    const target = document.querySelector('.taro_page.taro_page_show:last-of-type') ?? document.body
    const result = await window.axe.run(target, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')}`)
  })
  if (violations.length) console.log(`  ♿ ${name}: ${violations.join(' | ')}`)
}

export function shooter(outDir) {
  fs.mkdirSync(outDir, { recursive: true })
  return async function shot(page, name) {
    await page.waitForTimeout(400)
    // Taro H5 scrolls inside the page element, not the document: grow the viewport to show it all.
    const height = await page.evaluate(() => {
      const el = document.querySelector('.taro_page.taro_page_show:last-of-type') ?? document.querySelector('.taro_page')
      return el ? Math.max(812, el.scrollHeight + (document.querySelector('.weui-tabbar')?.offsetHeight ?? 0)) : 812
    })
    await page.setViewportSize({ width: 375, height: Math.min(height, 4000) })
    await page.waitForTimeout(150)
    await page.screenshot({ path: `${outDir}/${name}.png`, fullPage: true })
    await page.setViewportSize({ width: 375, height: 812 })
    await audit(page, name)
    console.log(`  📷 ${name}`)
  }
}
