// Walks 长辈版 in Chromium (375×812, touch) against a real server serving the H5 build, measuring each
// screen with elder-measure.mjs and saving screenshots (1× and 1.4× root font) to SHOTS_DIR:
//   王芳 (family) orders 助洁 for her father through the API, so it waits for his answer;
//   王建国 (the elder's own login) logs in → 长辈版 opens by itself → pending card → 确定吗？ → 确认
//   → 今日服务 → 我的家人 → 订餐 in 3 taps (和上次一样) → 一键呼叫: a tap does nothing, a 2-s hold
//   calls, the 10-s countdown runs, 取消呼叫; a second call left to go out shows the status screen;
//   王芳: 我的 › 长辈版 → settings → 绑定与确认设置 (binding code) → 演练 → preview;
//   陈静 types the binding code on "her" phone (bind page), then 王建国 is bound back.
// Start a freshly seeded server first (see the report / README):
//   DB_NAME=cc_elder_ui REDIS_PREFIX=ccelder pnpm seed
//   DB_NAME=cc_elder_ui REDIS_PREFIX=ccelder PORT=3400 H5_DIST_DIR=.../apps/miniapp/dist-elder/h5 node dist/src/main.js
// Exit code 1 when any elder screen misses a figure (the numbers are printed and written to RESULT_JSON).
import fs from 'node:fs'
import { randomBytes } from 'node:crypto'
import { MOBILE, launch } from './shots-lib.mjs'
import { CURRENT_PAGE, ELDER_FIGURES, NORMAL_FIGURES, measurePage } from './elder-measure.mjs'

const BASE = process.env.BASE ?? 'http://127.0.0.1:3400'
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/elder-shots'
const RESULT_JSON = process.env.RESULT_JSON ?? `${SHOTS}/results.json`
fs.mkdirSync(SHOTS, { recursive: true })

const results = []
const errors = []
const notes = []

async function apiAs(name) {
  const res = await fetch(`${BASE}/api/auth/wechat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: `dev:${name}` }) })
  const { accessToken } = await res.json()
  return async (method, path, body, headers = {}) => {
    const r = await fetch(`${BASE}${path}`, { method, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}`, ...headers }, body: body ? JSON.stringify(body) : undefined })
    const text = await r.text()
    let data = null
    try {
      data = JSON.parse(text)
    } catch {
      data = text
    }
    return { status: r.status, data }
  }
}

/** Tomorrow 09:00–11:00 in Asia/Shanghai, as ISO instants. */
function tomorrowMorning() {
  const shanghai = new Date(Date.now() + 8 * 3600_000)
  const ymd = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() + 1)).toISOString().slice(0, 10)
  return { start: new Date(`${ymd}T09:00:00+08:00`).toISOString(), end: new Date(`${ymd}T11:00:00+08:00`).toISOString() }
}

const browser = await launch()

async function newPage(who) {
  const context = await browser.newContext(MOBILE)
  const page = await context.newPage()
  page.on('pageerror', (e) => errors.push(`${who}: ${e}`))
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('Failed to load resource')) errors.push(`${who}: ${m.text()}`)
  })
  return page
}

const current = (page) => page.locator(CURRENT_PAGE)

async function login(page, name) {
  await page.goto(`${BASE}/`)
  await page.locator('.login__dev').first().waitFor()
  await page.locator('.login__dev .nut-button').filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) }).click()
  await page.waitForTimeout(1800)
}

async function measure(page, name, figures = ELDER_FIGURES) {
  const r = await measurePage(page, name, { shotsDir: SHOTS, figures })
  r.elder = figures === ELDER_FIGURES
  results.push(r)
  const l = r.layout
  const flag = l.problems.length || r.axe.seriousOrCritical || r.scaled.problems.length ? '✗' : '✓'
  console.log(
    `${flag} ${name}: text ≥ ${l.minText}px (titles ≥ ${l.minTitle}px), line ≥ ${l.minLineRatio}×, targets ${l.targets} ≥ ${l.minTarget.width}×${l.minTarget.height}px, gap ≥ ${l.minGap}px; ` +
      `axe serious/critical ${r.axe.seriousOrCritical} (contrast AA misses ${r.axe.contrastAA}, 7:1 misses ${r.axe.contrast7to1Misses}); 1.4×: ${r.scaled.checked} texts, ${r.scaled.problems.length} overflow`,
  )
  for (const p of [...l.problems, ...r.axe.findings, ...r.scaled.problems].slice(0, 12)) console.log(`    - ${p}`)
  return r
}

async function tap(page, text, { exact = false, wait = 900 } = {}) {
  const button = current(page).locator('.nut-button').filter(exact ? { hasText: new RegExp(`^${text}$`) } : { hasText: text }).first()
  await button.click()
  await page.waitForTimeout(wait)
}

/** A finger held on the element for `ms`, through CDP touch events (what the phone sends). */
async function holdOn(page, locator, ms) {
  const box = await locator.boundingBox()
  const cdp = await page.context().newCDPSession(page)
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] })
  await page.waitForTimeout(ms)
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
}

try {
  // --- set-up through the API: a proxy order waiting for the elder's answer --------------------------
  const family = await apiAs('王芳')
  const elderApi = await apiAs('王建国')
  const home0 = await elderApi('GET', '/api/elder/home')
  if (home0.status !== 200) throw new Error(`王建国 is not an elder login on this server (${home0.status}): seed it freshly`)
  const elderId = home0.data.elderId
  const window = tomorrowMorning()
  const order = await family('POST', '/api/orders', { elderId, serviceCode: 'cleaning', windowStart: window.start, windowEnd: window.end }, { 'Idempotency-Key': `elder-shots-${randomBytes(6).toString('hex')}` })
  if (order.data?.status !== 'awaiting_elder') notes.push(`the proxy order is ${order.status} ${order.data?.status ?? JSON.stringify(order.data)} (not awaiting_elder)`)

  // --- the elder's own login --------------------------------------------------------------------------
  const elder = await newPage('elder')
  await login(elder, '王建国')
  const opened = elder.url()
  if (!opened.includes('/subpackages/elder/pages/home/index')) notes.push(`王建国's login opened ${opened}, not the elder home`)
  await current(elder).locator('.elder-pending').waitFor({ timeout: 8000 })
  await measure(elder, '01-home-pending')

  await tap(elder, '不需要', { exact: true, wait: 300 })
  await measure(elder, '02-home-ask-refuse')
  await tap(elder, '不，返回', { wait: 300 })
  await tap(elder, '确认，要', { wait: 300 })
  await tap(elder, '是的，要', { wait: 2000 })
  await measure(elder, '03-home-answered')

  await tap(elder, '今日服务', { wait: 1500 })
  await measure(elder, '04-today')
  await tap(elder, '返回首页', { wait: 1200 })

  await tap(elder, '我的家人', { wait: 1500 })
  await measure(elder, '05-family')
  await tap(elder, '返回首页', { wait: 1200 })

  // 订餐 in 3 taps from the elder home: 订餐 → a card → 确认订餐.
  let taps = 0
  await tap(elder, '订餐', { exact: false, wait: 2500 })
  taps++
  await measure(elder, '06-meal-cards')
  const cards = current(elder).locator('.elder-meal__choice')
  const cardCount = await cards.count()
  if (cardCount === 0) notes.push('订餐: no meal could be booked today or tomorrow on this server')
  else {
    const cardText = (await cards.first().innerText()).replace(/\s+/g, ' ')
    await cards.first().click()
    taps++
    await elder.waitForTimeout(500)
    await measure(elder, '07-meal-confirm')
    await tap(elder, '确认订餐', { wait: 2500 })
    taps++
    await current(elder).locator('.elder-card__code').first().waitFor({ timeout: 5000 })
    const code = await current(elder).locator('.elder-card__code').first().innerText()
    await measure(elder, '08-meal-booked')
    notes.push(`订餐 booked in ${taps} taps from the elder home ("${cardText}"), 取餐码 ${code}`)
    // Second time round the card says 和上次一样.
    await tap(elder, '返回首页', { wait: 1200 })
    await tap(elder, '订餐', { wait: 2500 })
    const again = await current(elder).locator('.elder-meal__choice').allInnerTexts()
    notes.push(`订餐 again offers: ${again.map((t) => t.replace(/\s+/g, ' ')).join(' | ') || '(nothing)'}`)
    await measure(elder, '09-meal-again')
  }
  await tap(elder, '返回首页', { wait: 1200 })

  // 一键呼叫: a tap calls nobody; a 2-s hold calls; 10 s to cancel.
  await tap(elder, '一键呼叫', { wait: 1500 })
  await measure(elder, '10-sos-ready')
  const ring = current(elder).locator('.elder-sos__ring')
  await holdOn(elder, ring, 300)
  await elder.waitForTimeout(400)
  const afterTap = await current(elder).locator('.elder-sos__status').count()
  notes.push(`一键呼叫: a 0.3-s press ${afterTap ? 'CALLED (wrong)' : 'called nobody'}`)
  await measure(elder, '11-sos-too-short')
  await holdOn(elder, ring, 1600)
  await elder.waitForTimeout(400)
  notes.push(`一键呼叫: a 1.6-s press ${(await current(elder).locator('.elder-sos__status').count()) ? 'CALLED (wrong)' : 'called nobody'}`)
  const held = Date.now()
  await holdOn(elder, ring, 2300)
  await current(elder).locator('.elder-sos__seconds').waitFor({ timeout: 5000 })
  const first = Number(await current(elder).locator('.elder-sos__seconds').innerText())
  await elder.waitForTimeout(2000)
  const later = Number(await current(elder).locator('.elder-sos__seconds').innerText())
  notes.push(`一键呼叫: a 2.3-s hold called; countdown showed ${first}, then ${later} 2 s later (${((Date.now() - held) / 1000).toFixed(1)} s after the hold began)`)
  await tap(elder, '取消呼叫', { wait: 1200 })
  const cancelledHeadline = await current(elder).locator('.elder__title').first().innerText()
  notes.push(`取消呼叫 → "${cancelledHeadline}"`)
  await measure(elder, '13-sos-cancelled')

  // A call left to go out: the status screen, polled every 3 s.
  await tap(elder, '重新呼叫', { wait: 500 })
  await holdOn(elder, current(elder).locator('.elder-sos__ring'), 2300)
  const called = Date.now()
  await current(elder).locator('.elder-sos__seconds').waitFor({ timeout: 5000 })
  await measure(elder, '12-sos-cancel-window')
  await elder.waitForTimeout(Math.max(0, 12_500 - (Date.now() - called)))
  const statusHeadline = await current(elder).locator('.elder-sos__status .elder__title').innerText()
  const stillCancel = await current(elder).locator('.nut-button').filter({ hasText: '取消呼叫' }).count()
  notes.push(`after 10 s: "${statusHeadline}", cancel button ${stillCancel ? 'still shown (wrong)' : 'gone'}, same page (${elder.url().includes('/sos/') ? 'no navigation' : 'navigated'})`)
  await measure(elder, '14-sos-status')
  await tap(elder, '返回首页', { wait: 1800 })
  await measure(elder, '15-home-active-sos')

  // --- the family side ---------------------------------------------------------------------------------
  const fam = await newPage('family')
  await login(fam, '王芳')
  await fam.locator('.weui-tabbar__item').filter({ hasText: '我的' }).click()
  await fam.waitForTimeout(1500)
  await current(fam).locator('.mine-row').filter({ hasText: '长辈版' }).click()
  await fam.waitForTimeout(1800)
  await measure(fam, '20-family-settings', NORMAL_FIGURES)
  await current(fam).locator('.elder-settings__switch').first().click()
  await fam.waitForTimeout(300)
  const switchText = await current(fam).locator('.elder-settings__switch').first().innerText()
  notes.push(`在此设备使用长辈版 switch → "${switchText.replace(/\s+/g, ' ')}"`)
  await current(fam).locator('.elder-settings__switch').first().click() // back off, so 首页 stays 普通版
  await tap(fam, '绑定与确认设置', { wait: 1800 })
  await tap(fam, '生成长辈版绑定码', { wait: 1200 })
  const bindCode = (await current(fam).locator('.elder-setup__code').innerText()).trim()
  await measure(fam, '21-family-setup', NORMAL_FIGURES)
  await tap(fam, '开始演练', { wait: 1500 })
  await measure(fam, '22-drill-ready')
  await holdOn(fam, current(fam).locator('.elder-sos__ring'), 2300)
  await fam.waitForTimeout(12_000)
  notes.push(`演练 after 10 s: "${await current(fam).locator('.elder-sos__status .elder__title').innerText()}"`)
  await measure(fam, '23-drill-status')
  await fam.goBack()
  await fam.waitForTimeout(1200)
  await tap(fam, '预览长辈版', { wait: 2000 })
  await measure(fam, '24-preview-home')

  // --- binding "another phone": 陈静 types the code, then 王建国 is bound back for the next run ----------
  const other = await newPage('bind')
  await login(other, '陈静')
  await other.goto(`${BASE}/#/subpackages/elder/pages/bind/index`)
  await other.waitForTimeout(1500)
  await measure(other, '30-bind-empty')
  await current(other).locator('.elder-bind__input input, input.elder-bind__input, .elder-bind__input').first().click()
  await other.keyboard.type(bindCode.toLowerCase())
  await other.waitForTimeout(300)
  await measure(other, '31-bind-typed')
  await tap(other, '确定', { exact: true, wait: 2500 })
  notes.push(`绑定码 ${bindCode} typed on another phone → ${other.url().includes('/elder/pages/home/') ? 'opened 长辈版 home' : other.url()}`)
  const rebind = await family('POST', `/api/elders/${elderId}/login-code`)
  await elderApi('POST', '/api/elder-login/claim', { code: rebind.data.code })
} catch (err) {
  errors.push(`walkthrough: ${err.stack ?? err}`)
} finally {
  await browser.close()
}

const elderScreens = results.filter((r) => r.elder)
const worst = {
  screens: results.length,
  elderScreens: elderScreens.length,
  minText: Math.min(...elderScreens.map((r) => r.layout.minText ?? Infinity)),
  minTitle: Math.min(...elderScreens.map((r) => r.layout.minTitle ?? Infinity)),
  minLineRatio: Math.min(...elderScreens.map((r) => r.layout.minLineRatio ?? Infinity)),
  minTargetWidth: Math.min(...elderScreens.map((r) => r.layout.minTarget.width ?? Infinity)),
  minTargetHeight: Math.min(...elderScreens.map((r) => r.layout.minTarget.height ?? Infinity)),
  minGap: Math.min(...elderScreens.map((r) => r.layout.minGap ?? Infinity)),
  axeSeriousOrCritical: results.reduce((n, r) => n + r.axe.seriousOrCritical, 0),
  contrast7to1Misses: elderScreens.reduce((n, r) => n + r.axe.contrast7to1Misses, 0),
  overflowAt14: results.reduce((n, r) => n + r.scaled.problems.length, 0),
  problems: results.reduce((n, r) => n + r.layout.problems.length, 0),
}
fs.writeFileSync(RESULT_JSON, JSON.stringify({ worst, notes, errors, results }, null, 2))
console.log('\nnotes:')
for (const n of notes) console.log(`  - ${n}`)
console.log('\nworst over the elder screens:', JSON.stringify(worst))
if (errors.length) console.log(`\nerrors:\n  ${errors.join('\n  ')}`)
const failed = errors.length > 0 || worst.problems > 0 || worst.axeSeriousOrCritical > 0 || worst.overflowAt14 > 0
process.exit(failed ? 1 : 0)
