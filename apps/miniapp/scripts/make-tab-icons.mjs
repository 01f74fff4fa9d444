// Draws the three tab-bar icons (81×81 PNG, grey and brand colour) with headless Chromium.
// Run once: node scripts/make-tab-icons.mjs — the PNGs are committed under src/assets/tab.
import { chromium } from 'playwright-core'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tab')
const colors = { normal: '#5c5c5c', active: '#0f6e5a' }
const shapes = {
  home: (c) => `<path d="M12 40 L40.5 15 L69 40" fill="none" stroke="${c}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>
    <path d="M21 34 V67 H60 V34" fill="none" stroke="${c}" stroke-width="6" stroke-linejoin="round"/>
    <rect x="34" y="47" width="13" height="20" fill="${c}"/>`,
  orders: (c) => `<rect x="17" y="11" width="47" height="60" rx="7" fill="none" stroke="${c}" stroke-width="6"/>
    <path d="M28 30 H53 M28 42 H53 M28 54 H43" stroke="${c}" stroke-width="5" stroke-linecap="round"/>`,
  mine: (c) => `<circle cx="40.5" cy="27" r="13" fill="none" stroke="${c}" stroke-width="6"/>
    <path d="M15 70 C15 52 27 45 40.5 45 C54 45 66 52 66 70" fill="none" stroke="${c}" stroke-width="6" stroke-linecap="round"/>`,
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
})
const page = await browser.newPage({ viewport: { width: 81, height: 81 }, deviceScaleFactor: 1 })
for (const [name, draw] of Object.entries(shapes)) {
  for (const [state, color] of Object.entries(colors)) {
    await page.setContent(`<html><body style="margin:0;background:transparent"><svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 81 81">${draw(color)}</svg></body></html>`)
    await page.screenshot({ path: path.join(outDir, `${name}-${state}.png`), omitBackground: true, clip: { x: 0, y: 0, width: 81, height: 81 } })
  }
}
await browser.close()
console.log('tab icons written to', outDir)
