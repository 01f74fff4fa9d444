// Looks at the H5 build in Chromium (375×812): clicks through the household flow, takes screenshots
// into /tmp/miniapp-shots/, and reports text under 14 px and tap targets under 44×44 px.
//
//   node scripts/h5-shots.mjs                       # /api answered by the fixture backend below
//   API_TARGET=http://127.0.0.1:3000 node scripts/h5-shots.mjs   # /api proxied to the real server
//
// The fixture backend is test tooling only: it answers like the API contract in @carecircle/shared
// so the screens can be looked at before the server exists. The app itself never fakes data.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { chromium } from 'playwright-core'
import { startServer } from './h5-serve.mjs'

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const OUT = process.env.SHOTS_DIR ?? '/tmp/miniapp-shots'
const API_TARGET = process.env.API_TARGET
fs.mkdirSync(OUT, { recursive: true })

// ---- fixture backend -------------------------------------------------------------------------
function idNumber(base17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...base17].reduce((s, c, i) => s + Number(c) * w[i], 0)
  return base17 + '10X98765432'[sum % 11]
}
export const SAMPLE_ELDER_ID = idNumber('32058319450101002')

function fixtureBackend() {
  const now = new Date().toISOString()
  const me = { id: 'u1', nickname: '王芳', roles: ['family'], householdIds: ['h1'], elderId: null }
  const regions = [
    { id: 'r-st1', name: '玉山镇', level: 'street', parentId: 'r-d', center: { lat: 31.385, lng: 120.981 } },
    { id: 'r-c1', name: '朝阳社区', level: 'community', parentId: 'r-st1', center: { lat: 31.386, lng: 120.98 } },
    { id: 'r-c2', name: '同心社区', level: 'community', parentId: 'r-st1', center: { lat: 31.39, lng: 120.97 } },
    { id: 'r-st2', name: '周市镇', level: 'street', parentId: 'r-d', center: { lat: 31.43, lng: 121.0 } },
    { id: 'r-c3', name: '青阳社区', level: 'community', parentId: 'r-st2', center: { lat: 31.43, lng: 121.0 } },
  ]
  const household = { id: 'h1', name: '王家', regionId: 'r-st1', myRole: 'owner', members: [{ userId: 'u1', nickname: '王芳', role: 'owner', joinedAt: now }], elders: [], children: [] }
  const elders = new Map()
  let seq = 0
  const err = (statusCode, error, message, fields) => ({ status: statusCode, body: { statusCode, error, message, ...(fields ? { details: { fields } } : {}), requestId: 'fixture' } })
  return ({ method, path, body }) => {
    if (method === 'GET' && path === '/api/auth/dev-logins') return { status: 200, body: [
      { code: 'dev:wangfang', nickname: '王芳', roles: ['family'], description: '女儿，照顾父母' },
      { code: 'dev:liming', nickname: '李明', roles: ['guardian'], description: '婴幼儿家长' },
    ] }
    if (method === 'POST' && path === '/api/auth/wechat') return { status: 200, body: { accessToken: 'a1', refreshToken: 'r1', expiresIn: 900, user: me } }
    if (method === 'GET' && path === '/api/me') return { status: 200, body: me }
    if (method === 'GET' && path === '/api/regions') return { status: 200, body: regions }
    if (method === 'GET' && path === '/api/households') return { status: 200, body: [{ id: 'h1', name: '王家', regionId: 'r-st1', myRole: 'owner', elderCount: household.elders.length, childCount: household.children.length }] }
    if (method === 'GET' && path === '/api/households/h1') return { status: 200, body: household }
    if (method === 'POST' && path === '/api/households/h1/invites') return { status: 201, body: { code: 'K7M2Q9', expiresAt: new Date(Date.now() + 86400e3).toISOString() } }
    if (method === 'POST' && path === '/api/households/join') return err(404, 'HOUSEHOLD.INVITE_INVALID', '邀请码无效，请核对后重新输入')
    if (method === 'POST' && path === '/api/households/h1/elders') {
      if (body.name === '服务端校验') return err(400, 'VALIDATION_FAILED', '提交的内容有误', [
        { field: 'location.lat', message: '纬度必须在 3.8 到 53.6 之间' },
        { field: 'emergencyContacts.0.phone', message: '手机号格式不正确' },
      ])
      const id = `e${++seq}`
      const birth = `${body.idNumber.slice(6, 10)}-${body.idNumber.slice(10, 12)}-${body.idNumber.slice(12, 14)}`
      const elder = { id, householdId: 'h1', name: body.name, gender: Number(body.idNumber[16]) % 2 ? 'male' : 'female', age: new Date().getFullYear() - Number(birth.slice(0, 4)),
        phoneMasked: body.phone ? body.phone.slice(0, 3) + '****' + body.phone.slice(-4) : null, address: body.address, livingSituation: body.livingSituation,
        subsidyCategory: body.subsidyCategory, subsidyVerification: 'unverified', birthDate: birth, idNumberMasked: body.idNumber.slice(0, 4) + '**********' + body.idNumber.slice(-4),
        phone: body.phone ?? null, location: body.location, regionId: body.regionId ?? null, emergencyContacts: body.emergencyContacts, healthNotes: body.healthNotes ?? null,
        dietaryNeeds: body.dietaryNeeds, createdAt: now, updatedAt: now }
      elders.set(id, elder)
      household.elders.push(elder)
      return { status: 201, body: elder }
    }
    const elderMatch = /^\/api\/elders\/(\w+)$/.exec(path)
    if (elderMatch) {
      const elder = elders.get(elderMatch[1])
      if (!elder) return err(404, 'ELDER.NOT_FOUND', '没有找到这位老人')
      if (method === 'GET') return { status: 200, body: elder }
      if (method === 'DELETE') { elders.delete(elder.id); household.elders = household.elders.filter((e) => e.id !== elder.id); return { status: 204, body: null } }
    }
    if (method === 'POST' && path === '/api/households/h1/children') {
      const child = { id: `c${++seq}`, householdId: 'h1', name: body.name, birthDate: body.birthDate, ageMonths: 14, idNumberMasked: null }
      household.children.push(child)
      return { status: 201, body: child }
    }
    return err(404, 'ROUTE_NOT_FOUND', `没有这个接口：${method} ${path}`)
  }
}

// ---- checks ----------------------------------------------------------------------------------
async function audit(page, name) {
  const problems = await page.evaluate(() => {
    const out = []
    const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el); return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && r.bottom > 0 && r.top < innerHeight * 3 }
    for (const el of document.querySelectorAll('.taro_page:not([style*="display: none"]) *, .taro-tabbar__tabbar *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())
      if (own && visible(el)) {
        const size = parseFloat(getComputedStyle(el).fontSize)
        if (size < 14) out.push(`text ${size}px: "${el.textContent.trim().slice(0, 20)}"`)
      }
    }
    const tappables = '.nut-button, .cc-chip, .mine-row, .home__entry, .cc-link, .cc-region__clear, .home__switch, .elder-form__contact-remove, .elder-detail__call, .cc-input-box, .nut-input, .weui-tabbar__item, .cc-elder-card__more'
    for (const el of document.querySelectorAll(tappables)) {
      if (!visible(el) || el.closest('[style*="display: none"]')) continue
      const r = el.getBoundingClientRect()
      if (r.width < 44 || r.height < 44) out.push(`target ${Math.round(r.width)}×${Math.round(r.height)}: ${el.className.split(' ')[0]} "${el.textContent.trim().slice(0, 12)}"`)
    }
    return [...new Set(out)]
  })
  if (problems.length) console.log(`  ⚠ ${name}: ${problems.join(' | ')}`)
  // axe on the page in view (WCAG 2 A/AA): report serious and critical findings.
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

async function shot(page, name) {
  await page.waitForTimeout(400)
  // Taro H5 scrolls inside the page element, not the document: grow the viewport to show it all.
  const height = await page.evaluate(() => {
    const el = document.querySelector('.taro_page.taro_page_show:last-of-type') ?? document.querySelector('.taro_page')
    return el ? Math.max(812, el.scrollHeight + (document.querySelector('.weui-tabbar')?.offsetHeight ?? 0)) : 812
  })
  await page.setViewportSize({ width: 375, height: Math.min(height, 4000) })
  await page.waitForTimeout(150)
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true })
  await page.setViewportSize({ width: 375, height: 812 })
  await audit(page, name)
  console.log(`  📷 ${name}`)
}

// ---- run -------------------------------------------------------------------------------------
const server = await startServer(0, API_TARGET)
const base = `http://127.0.0.1:${server.address().port}`
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
})
const page = await browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
const consoleErrors = []
page.on('pageerror', (e) => consoleErrors.push(String(e)))
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()) })

if (!API_TARGET) {
  const backend = fixtureBackend()
  await page.route('**/api/**', async (route) => {
    const req = route.request()
    const url = new URL(req.url())
    const res = backend({ method: req.method(), path: url.pathname, body: req.postDataJSON?.() ?? null })
    await route.fulfill({ status: res.status, contentType: 'application/json', body: res.body === null ? '' : JSON.stringify(res.body) })
  })
}

const byText = (t) => page.getByText(t, { exact: true })
// Inputs are found by their field label (aria-label on the real <input>), as an e2e test would.
const field = (label) => page.getByLabel(label, { exact: true })
try {
  await page.goto(`${base}/`)
  await page.waitForTimeout(1200)
  await shot(page, '01-login')

  await page.locator('.login__dev .nut-button').first().click()
  await page.waitForTimeout(1200)
  await shot(page, '02-home')

  await byText('添加老人').first().click()
  await page.waitForTimeout(1000)
  await shot(page, '03-elder-form-empty')

  await page.getByRole('button', { name: '保存' }).click()
  await page.waitForTimeout(600)
  await page.evaluate(() => window.scrollTo(0, 0))
  await shot(page, '04-elder-form-client-errors')

  // The fixture answers this name with field errors, to show them under their fields.
  await field('姓名').fill(API_TARGET ? '王建华' : '服务端校验')
  await field('身份证号').fill(SAMPLE_ELDER_ID)
  await field('地址').fill('玉山镇朝阳新村 12 栋 301 室')
  await byText('＋ 添加紧急联系人').click()
  await field('联系人姓名').fill('王芳')
  await field('联系人手机号').fill('13812345678')
  await field('与老人的关系').fill('女儿')
  await byText('独居').click()
  await byText('低盐').click()
  await byText('高龄').click()
  if (!API_TARGET) {
    await page.getByRole('button', { name: '保存' }).click()
    await page.waitForTimeout(800)
    await shot(page, '05-elder-form-server-errors')
    await field('姓名').fill('王建国')
  }
  await byText('请选择街道和社区（选填）').click()
  await page.waitForTimeout(300)
  await shot(page, '06-region-picker')
  await page.locator('.cc-region__panel .cc-chip').last().click()
  await page.waitForTimeout(300)
  await page.getByRole('button', { name: '保存' }).click()
  await page.waitForTimeout(1500)
  await shot(page, '07-home-with-elder')

  await page.locator('.cc-elder-card').first().click()
  await page.waitForTimeout(1000)
  await shot(page, '08-elder-detail')

  await page.goBack()
  await page.waitForTimeout(800)
  await byText('添加孩子').first().click()
  await page.waitForTimeout(800)
  await field('姓名').fill('王小宝')
  const y = new Date().getFullYear()
  await page.getByLabel('出生日期').fill(`${y - 4}-03-01`)
  await page.getByRole('button', { name: '保存' }).click()
  await page.waitForTimeout(600)
  await shot(page, '09-child-too-old')

  const householdId = await page.evaluate(() => JSON.parse(localStorage.getItem('cc.currentHouseholdId') ?? '{}').data)
  await page.goto(`${base}/#/subpackages/household/pages/invite/index?householdId=${householdId}`)
  await page.waitForTimeout(1000)
  await byText('生成邀请码').click()
  await page.waitForTimeout(800)
  await shot(page, '10-invite')

  await page.goto(`${base}/#/subpackages/household/pages/join/index`)
  await page.waitForTimeout(1000)
  await field('邀请码').fill('WRONG1')
  await byText('加入家庭').last().click()
  await page.waitForTimeout(800)
  await shot(page, '11-join-error')

  await page.goto(`${base}/#/pages/mine/index`)
  await page.waitForTimeout(1200)
  await shot(page, '12-mine')

  await page.goto(`${base}/#/pages/orders/index`)
  await page.waitForTimeout(1000)
  await shot(page, '13-orders')

  await page.goto(`${base}/#/subpackages/household/pages/detail/index?id=${householdId}`)
  await page.waitForTimeout(1200)
  await shot(page, '14-household')

  await page.goto(`${base}/#/pages/privacy/index`)
  await page.waitForTimeout(1000)
  await shot(page, '15-privacy')

  await page.goto(`${base}/#/subpackages/household/pages/detail/index?mode=create`)
  await page.waitForTimeout(1000)
  await byText('创建家庭').last().click()
  await page.waitForTimeout(400)
  await shot(page, '16-create-household-error')
} catch (e) {
  console.error('FLOW FAILED:', e.message)
  await page.screenshot({ path: `${OUT}/99-failure.png`, fullPage: true })
  process.exitCode = 1
} finally {
  if (consoleErrors.length) console.log('console errors:\n  ' + consoleErrors.join('\n  '))
  await browser.close()
  server.close()
}
