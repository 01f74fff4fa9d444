// Walks the 托育 pages in Chromium at 375×812 against a freshly seeded real server that serves the H5
// build (BASE, default http://127.0.0.1:3300), saving screenshots to SHOTS_DIR (default
// /tmp/childcare-shots) and auditing each (text < 14 px, tap targets < 44 px, axe serious/critical):
//   李强: 首页 托育 entry → centres (李小宝, nearest first, 乳儿班 greyed with the reason) → 托小班 全日托
//   refused (已有按月托位) → 计时托 tomorrow → result → pick-up person added → 我的托育;
//   a forced server 422 (age) on the class page;
//   赵敏: 乳儿班 full (filled through the API by other families) → 加入轮候 with 多孩家庭 → 排第 2 位 →
//   two withdrawals later the place is held for her → 确认入托;
//   吴主任: 托育机构工作台 → 托小班 roster → 签到 → 签退 by someone not on the list (refused) → 轮候名单 with its log.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { chromium } from 'playwright-core'

const BASE = process.env.BASE ?? 'http://127.0.0.1:3300'
const OUT = process.env.SHOTS_DIR ?? '/tmp/childcare-shots'
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const MOBILE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }
const TAPPABLES = ['.nut-button', '.cc-chip', '.mine-row', '.home__entry', '.care-link', '.care-class', '.care-child', '.care-tabs__tab', '.care-centre__phone', '.nut-input'].join(', ')

fs.mkdirSync(OUT, { recursive: true })
const findings = []
const errors = []

// ---- API helpers (test data the UI cannot make by itself) ------------------------------------------
let keyNo = 0
async function api(token, method, path, body) {
  const res = await fetch(BASE + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Idempotency-Key': `shots-${Date.now().toString(36)}-${++keyNo}` },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await res.text()
  const data = text ? JSON.parse(text) : null
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`)
  return data
}
async function tokenOf(name) {
  return (await api(null, 'POST', '/api/auth/wechat', { code: `dev:${name}` })).accessToken
}
function ym(offset) {
  const d = new Date()
  const m = new Date(Date.UTC(d.getFullYear(), d.getMonth() + offset, 1))
  return m.toISOString().slice(0, 7)
}
function monthsAgo(n) {
  const d = new Date()
  return new Date(Date.UTC(d.getFullYear(), d.getMonth() - n, 15)).toISOString().slice(0, 10)
}

/** A household of its own for the test babies (so nobody's sibling bonus or child list is touched). */
async function testHousehold(token, name) {
  const mine = await api(token, 'GET', '/api/households')
  return mine.find((h) => h.name === name) ?? (await api(token, 'POST', '/api/households', { name }))
}

/** Fills 小橡树 乳儿班 with other families' babies and puts one ahead of 赵敏 (and one behind) on its waitlist. */
async function prepareFullInfantClass() {
  const wang = await tokenOf('王芳')
  const centres = await api(wang, 'GET', '/api/childcare/centres')
  const centre = centres.find((c) => c.name.includes('小橡树'))
  const infant = centre.classes.find((k) => k.ageClass === 'infant')
  const fillers = [['王芳', '王家二宝'], ['陈静', '陈家亲戚']]
  const enrolments = []
  for (let i = 0; i < infant.free; i++) {
    const [who, hname] = fillers[i % fillers.length]
    const token = await tokenOf(who)
    const household = await testHousehold(token, hname)
    const child = await api(token, 'POST', `/api/households/${household.id}/children`, { name: `宝宝${i + 1}号`, birthDate: monthsAgo(8) })
    const r = await api(token, 'POST', '/api/childcare/enrolments', { childId: child.id, classId: infant.id, careType: 'full_day', startMonth: ym(1) })
    enrolments.push({ token, id: r.enrolment.id })
  }
  // Ahead of 赵敏 (多孩家庭 +30): 多孩家庭 + 双职工家庭 (50). Behind her: nothing declared (0).
  for (const [who, hname, baby, facts] of [['王芳', '王家邻居', '钱多多', ['multi_child', 'dual_working']], ['陈静', '陈家邻居', '孙小小', []]]) {
    const token = await tokenOf(who)
    const household = await testHousehold(token, hname)
    const child = await api(token, 'POST', `/api/households/${household.id}/children`, { name: baby, birthDate: monthsAgo(7) })
    await api(token, 'POST', '/api/childcare/enrolments', { childId: child.id, classId: infant.id, careType: 'full_day', startMonth: ym(1), waitlistIfFull: true, priorityFacts: facts })
  }
  return { centre, infant, enrolments }
}

// ---- browser helpers ----------------------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
})

async function newPage(name) {
  const context = await browser.newContext(MOBILE)
  const page = await context.newPage()
  page.on('pageerror', (e) => errors.push(`${name}: ${e}`))
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('Failed to load resource')) errors.push(`${name}: ${m.text()}`)
  })
  return page
}

async function login(page, name) {
  await page.goto(`${BASE}/`)
  await page.locator('.login__dev').first().waitFor()
  await page.locator('.login__dev').filter({ hasText: name }).locator('.nut-button').click()
  await page.waitForTimeout(1500)
}

async function go(page, path) {
  await page.goto(`${BASE}/#${path}`)
  await page.waitForTimeout(1500)
}

const current = (page) => page.locator('.taro_page.taro_page_show').last()
const classRow = (page, centre, name) =>
  current(page).locator('.care-centre').filter({ hasText: centre }).locator('.care-class').filter({ has: page.locator('.care-class__name', { hasText: new RegExp(`^${name}`) }) })
const chip = (page, label) => current(page).locator('.cc-chip').filter({ hasText: label })
const text = (page, t) => current(page).getByText(t, { exact: true })

async function modal(page, button) {
  const b = page.locator('.taro__modal').getByText(button, { exact: true })
  await b.waitFor({ timeout: 5000 })
  await b.click()
  await page.waitForTimeout(1200)
}

async function audit(page, name) {
  const problems = await page.evaluate((tappables) => {
    const out = []
    const root = document.querySelector('.taro_page.taro_page_show:last-of-type') ?? document.body
    const visible = (el) => {
      const r = el.getBoundingClientRect()
      const s = getComputedStyle(el)
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'
    }
    for (const el of root.querySelectorAll('*')) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())
      if (own && visible(el) && parseFloat(getComputedStyle(el).fontSize) < 14) out.push(`text ${getComputedStyle(el).fontSize}: "${el.textContent.trim().slice(0, 16)}"`)
    }
    for (const el of root.querySelectorAll(tappables)) {
      if (!visible(el)) continue
      const r = el.getBoundingClientRect()
      if (r.width < 44 || r.height < 44) out.push(`target ${Math.round(r.width)}×${Math.round(r.height)}: ${el.className.split(' ')[0]} "${el.textContent.trim().slice(0, 12)}"`)
    }
    return [...new Set(out)]
  }, TAPPABLES)
  await page.addScriptTag({ path: AXE_PATH })
  const violations = await page.evaluate(async () => {
    const target = document.querySelector('.taro_page.taro_page_show:last-of-type') ?? document.body
    const result = await window.axe.run(target, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')}`)
  })
  for (const p of [...problems, ...violations]) findings.push(`${name}: ${p}`)
}

async function shot(page, name) {
  await page.waitForTimeout(500)
  const height = await page.evaluate(() => {
    const el = document.querySelector('.taro_page.taro_page_show:last-of-type') ?? document.querySelector('.taro_page')
    return el ? Math.max(812, el.scrollHeight) : 812
  })
  await page.setViewportSize({ width: 375, height: Math.min(height, 4000) })
  await page.waitForTimeout(200)
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true })
  await page.setViewportSize({ width: 375, height: 812 })
  await audit(page, name)
  console.log(`  📷 ${name}`)
}

async function step(name, fn) {
  try {
    await fn()
  } catch (err) {
    errors.push(`${name}: ${err.message.split('\n')[0]}`)
    console.log(`  ✗ ${name}: ${err.message.split('\n')[0]}`)
  }
}

// ---- the walk -----------------------------------------------------------------------------------
console.log('preparing: filling 小橡树 乳儿班 through the API')
const prep = await prepareFullInfantClass()

const li = await newPage('李强')
await step('李强 home and centres', async () => {
  await login(li, '李强')
  await shot(li, '01-home-li')
  await current(li).locator('.home__entry').filter({ hasText: '托育' }).click()
  await text(li, '附近的托育机构（2）').waitFor({ timeout: 8000 })
  await li.waitForTimeout(800)
  await shot(li, '02-centres-li-xiaobao')
  await current(li).locator('.care-class--off').first().click()
  await li.waitForTimeout(300)
  await shot(li, '03-centres-disabled-toast')
})

await step('李强 full_day refused (already enrolled)', async () => {
  await li.waitForTimeout(2500)
  await classRow(li, '贝贝乐', '托小班').click()
  await current(li).locator('.care-section').filter({ hasText: '托育方式' }).waitFor({ timeout: 8000 })
  await li.waitForTimeout(500)
  await chip(li, '全日托').click()
  await shot(li, '04-class-toddler-fullday')
  await text(li, '确认预约').click()
  await current(li).locator('.care-problem').waitFor({ timeout: 8000 })
  await shot(li, '05-class-already-enrolled')
})

await step('李强 hourly booking', async () => {
  await chip(li, '计时托').click()
  await chip(li, '明天').click()
  await chip(li, '09:00').click()
  await chip(li, '3 小时').click()
  await shot(li, '06-class-hourly-confirm')
  await text(li, '确认预约').click()
  await text(li, '预约成功').waitFor({ timeout: 8000 })
  await shot(li, '07-result-enrolled')
})

await step('李强 pick-up person', async () => {
  await text(li, '设置授权接送人').click()
  await text(li, '保存接送人').waitFor({ timeout: 8000 })
  await shot(li, '08-pickup-empty')
  await text(li, '保存接送人').click()
  await li.waitForTimeout(500)
  await shot(li, '09-pickup-errors')
  await current(li).getByLabel('姓名', { exact: true }).fill('李奶奶')
  await current(li).getByLabel('手机号', { exact: true }).fill('13900001111')
  await chip(li, '奶奶').click()
  await text(li, '保存接送人').click()
  await text(li, '添加接送人').waitFor({ timeout: 8000 })
  await shot(li, '10-pickup-list')
})

await step('李强 我的托育', async () => {
  await go(li, '/subpackages/childcare/pages/mine/index')
  await text(li, '预约托位').waitFor({ timeout: 8000 })
  await li.waitForTimeout(800)
  await shot(li, '11-mine-li')
})

await step('forced server 422 on the class page', async () => {
  await li.route('**/api/childcare/enrolments', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ statusCode: 422, error: 'CHILDCARE.AGE_DOES_NOT_FIT', message: `李小宝在 ${ym(1)}-01 为 18 个月，托大班收 24–36 个月的幼儿，应入托小班`, details: { ageMonths: 18, suitableClass: 'toddler' } }) })
      : route.continue(),
  )
  await text(li, '预约托位').click()
  await text(li, '附近的托育机构（2）').waitFor({ timeout: 8000 })
  await li.waitForTimeout(800)
  await classRow(li, '小橡树', '托小班').click()
  await current(li).locator('.care-section').filter({ hasText: '托育方式' }).waitFor({ timeout: 8000 })
  await li.waitForTimeout(500)
  await chip(li, '临时托').click()
  await text(li, '确认预约').click()
  await current(li).locator('.care-problem').waitFor({ timeout: 8000 })
  await shot(li, '12-class-server-422')
  await li.unroute('**/api/childcare/enrolments')
})

const zhao = await newPage('赵敏')
await step('赵敏 waitlist', async () => {
  await login(zhao, '赵敏')
  await go(zhao, '/subpackages/childcare/pages/centres/index')
  await text(zhao, '附近的托育机构（2）').waitFor({ timeout: 8000 })
  await zhao.waitForTimeout(800)
  await shot(zhao, '13-centres-zhao-xiaomi')
  await classRow(zhao, '小橡树', '乳儿班').click()
  await text(zhao, '确认加入轮候').waitFor({ timeout: 8000 })
  await chip(zhao, '多孩家庭').click()
  await shot(zhao, '14-class-full-waitlist')
  await text(zhao, '确认加入轮候').click()
  await text(zhao, '已加入轮候').waitFor({ timeout: 8000 })
  await shot(zhao, '15-result-waitlist')
})

await step('赵敏 offer', async () => {
  // Two families withdraw: the first place goes to 陈家 (50), the second is held for 赵敏 (30).
  for (const e of prep.enrolments.slice(0, 2)) await api(e.token, 'POST', `/api/childcare/enrolments/${e.id}/withdraw`)
  await go(zhao, '/subpackages/childcare/pages/mine/index')
  await text(zhao, '确认入托').waitFor({ timeout: 8000 })
  await shot(zhao, '16-mine-offer')
  await text(zhao, '确认入托').click()
  await text(zhao, '已确认入托').waitFor({ timeout: 8000 })
  await shot(zhao, '17-result-accepted')
})

const wu = await newPage('吴主任')
await step('吴主任 roster', async () => {
  await login(wu, '吴主任')
  await go(wu, '/pages/mine/index')
  await shot(wu, '18-mine-operator')
  await go(wu, '/subpackages/childcare/pages/centre/index')
  await chip(wu, '小橡树').click()
  await chip(wu, '托小班').click()
  await text(wu, '签到').waitFor({ timeout: 8000 })
  await shot(wu, '19-centre-roster')
  await text(wu, '签到').click()
  await text(wu, '签退').waitFor({ timeout: 8000 })
  await text(wu, '签退').click()
  await text(wu, '确认交接').waitFor({ timeout: 8000 })
  await shot(wu, '20-centre-checkout-choose')
  await chip(wu, '名单外的人').click()
  await text(wu, '确认交接').click()
  await current(wu).locator('.care-roster__refusal').waitFor({ timeout: 8000 })
  await shot(wu, '21-centre-refused')
})

await step('吴主任 check-out to an authorised person (through the API: the page cannot read the list yet)', async () => {
  const liToken = await tokenOf('李强')
  const wuToken = await tokenOf('吴主任')
  const households = await api(liToken, 'GET', '/api/households')
  const detail = await Promise.all(households.map((h) => api(liToken, 'GET', `/api/households/${h.id}`)))
  const xiaobao = detail.flatMap((h) => h.children).find((c) => c.name === '李小宝')
  const [grandma] = await api(liToken, 'GET', `/api/children/${xiaobao.id}/pickup-persons`)
  const centre = (await api(wuToken, 'GET', '/api/childcare/centres')).find((c) => c.name.includes('小橡树'))
  const toddler = centre.classes.find((k) => k.ageClass === 'toddler')
  await api(wuToken, 'POST', `/api/childcare/classes/${toddler.id}/check-out`, { childId: xiaobao.id, pickupPersonId: grandma.id })
  await go(wu, `/subpackages/childcare/pages/centre/index?centreId=${centre.id}`)
  await chip(wu, '托小班').click()
  await current(wu).getByText(/离园，由 李奶奶/).waitFor({ timeout: 8000 })
  await shot(wu, '23-centre-picked-up')
})

await step('吴主任 waitlist', async () => {
  await chip(wu, '乳儿班').click()
  await wu.waitForTimeout(1200)
  await current(wu).locator('.care-tabs__tab').filter({ hasText: '轮候名单' }).click()
  await wu.waitForTimeout(600)
  await shot(wu, '22-centre-waitlist')
})

await browser.close()
console.log(findings.length ? `\nfindings:\n  ${findings.join('\n  ')}` : '\nno size/contrast findings')
console.log(errors.length ? `\nerrors:\n  ${errors.join('\n  ')}` : 'no page errors')
