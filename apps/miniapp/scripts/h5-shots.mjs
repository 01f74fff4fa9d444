// Looks at the H5 build in Chromium (375×812) against the real server: clicks through the household
// flow, takes screenshots into SHOTS_DIR (default /tmp/miniapp-shots/), and reports text under 14 px,
// tap targets under 44×44 px and axe serious/critical findings (shots-lib.mjs).
//
//   node scripts/h5-shots.mjs           # starts the real built server on a throwaway database
//                                        # (real-server.mjs; build server and H5 first), drops it after
//   BASE=http://127.0.0.1:3000 node scripts/h5-shots.mjs        # a running server that serves dist/h5
//   API_TARGET=http://127.0.0.1:3000 node scripts/h5-shots.mjs  # this dist/h5 (h5-serve.mjs), /api proxied
//
// There is no stand-in backend: every /api call reaches the real server. The flow adds elders, a
// child and an invite as 王芳 (dev login), and registers one elder as 张伟 to show the server's own
// field error; ID numbers get a random sequence so the script can run again on the same database.
import { MOBILE, launch, shooter } from './shots-lib.mjs'
import { startServer as serveH5 } from './h5-serve.mjs'
import { startRealServer } from './real-server.mjs'

const OUT = process.env.SHOTS_DIR ?? '/tmp/miniapp-shots'
const BASE = process.env.BASE
const API_TARGET = process.env.API_TARGET
const shot = shooter(OUT)

/** A checksum-valid resident ID number (GB 11643) for region + birth date + sequence. */
function idNumber(region, birth, seq) {
  const base17 = `${region}${birth}${seq}`
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...base17].reduce((s, c, i) => s + Number(c) * w[i], 0)
  return base17 + '10X98765432'[sum % 11]
}
// The 17th digit odd: men. A random sequence per run, so a rerun on the same database is not refused.
const seq = () => String(100 + Math.floor(Math.random() * 45) * 2 + 1).padStart(3, '0')
export const SAMPLE_ELDER_ID = idNumber('320583', '19470312', seq())
const TAKEN_ID = idNumber('320583', '19460705', seq())

async function apiCall(apiBase, token, method, path, body) {
  const res = await fetch(`${apiBase}/api${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

/** 张伟 (another household of the demo district) registers TAKEN_ID, so 王芳's form meets the server's refusal. */
async function registerTakenId(apiBase) {
  const login = await apiCall(apiBase, null, 'POST', '/auth/wechat', { code: 'dev:张伟' })
  if (login.status !== 200) return `no dev login 张伟 (${login.status})`
  const token = login.body.accessToken
  const households = await apiCall(apiBase, token, 'GET', '/households')
  if (!households.body?.length) return '张伟 has no household'
  const added = await apiCall(apiBase, token, 'POST', `/households/${households.body[0].id}/elders`, {
    name: '张国庆', idNumber: TAKEN_ID, address: '玉山镇城北新村 3 栋 102 室', location: { lat: 31.396, lng: 120.988 },
    emergencyContacts: [], dietaryNeeds: [], livingSituation: 'with_family', subsidyCategory: 'none',
  })
  return added.status === 201 ? null : `adding 张国庆 answered ${added.status}`
}

// ---- run -------------------------------------------------------------------------------------
let base
let apiBase
let close
if (BASE) {
  base = apiBase = BASE.replace(/\/$/, '')
  close = async () => undefined
} else if (API_TARGET) {
  const h5 = await serveH5(0, API_TARGET)
  base = `http://127.0.0.1:${h5.address().port}`
  apiBase = API_TARGET.replace(/\/$/, '')
  close = async () => h5.close()
} else {
  const real = await startRealServer({ label: 'shots' })
  console.log(`real server on ${real.baseUrl} (log: ${real.logPath})`)
  base = apiBase = real.baseUrl
  close = () => real.stop()
}
const health = await fetch(`${apiBase}/health`).catch(() => null)
if (!health?.ok) {
  console.error(`no healthy CareCircle server at ${apiBase} (GET /health)`)
  await close()
  process.exit(1)
}
const browser = await launch()
const page = await browser.newPage(MOBILE)
const consoleErrors = []
page.on('pageerror', (e) => consoleErrors.push(String(e)))
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()) })

// Taro H5 keeps the pages underneath in the DOM (首页 lists elders who also 独居 …): look only at the top one.
const top = () => page.locator('.taro_page.taro_page_show').last()
const byText = (t) => top().getByText(t, { exact: true })
// Inputs are found by their field label (aria-label on the real <input>), as an e2e test would.
const field = (label) => top().getByLabel(label, { exact: true })
try {
  await page.goto(`${base}/`)
  await page.locator('.login__dev').first().waitFor()
  await shot(page, '01-login')

  await page.getByRole('button', { name: '王芳', exact: true }).click()
  await page.getByText(/^家中老人（\d+）$/).waitFor()
  await shot(page, '02-home')

  await byText('添加老人').first().click()
  await page.waitForTimeout(1000)
  await shot(page, '03-elder-form-empty')

  await page.getByRole('button', { name: '保存' }).click()
  await page.waitForTimeout(600)
  await page.evaluate(() => window.scrollTo(0, 0))
  await shot(page, '04-elder-form-client-errors')

  // First with an ID number another household registered: the server's field error, under its field.
  const cannotRefuse = await registerTakenId(apiBase)
  await field('姓名').fill('王建华')
  await field('身份证号').fill(cannotRefuse ? SAMPLE_ELDER_ID : TAKEN_ID)
  await field('地址').fill('玉山镇朝阳新村 12 栋 301 室')
  await byText('＋ 添加紧急联系人').click()
  await field('联系人姓名').fill('王芳')
  await field('联系人手机号').fill('13812345678')
  await field('与老人的关系').fill('女儿')
  await byText('独居').click()
  await byText('低盐').click()
  await byText('高龄').click()
  if (cannotRefuse) {
    console.log(`  (no 05-elder-form-server-errors: ${cannotRefuse})`)
  } else {
    await page.getByRole('button', { name: '保存' }).click()
    await page.locator('.cc-field__error').first().waitFor()
    await shot(page, '05-elder-form-server-errors')
    await field('身份证号').fill(SAMPLE_ELDER_ID)
  }
  await byText('请选择街道和社区（选填）').click()
  await page.waitForTimeout(300)
  await shot(page, '06-region-picker')
  await top().locator('.cc-region__panel .cc-chip').last().click()
  await page.waitForTimeout(300)
  await page.getByRole('button', { name: '保存' }).click()
  await page.waitForTimeout(1500)
  await shot(page, '07-home-with-elder')

  await top().locator('.cc-elder-card').first().click()
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
  await close()
}
