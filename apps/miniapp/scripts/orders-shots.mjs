// Walks the home-care flow in Chromium against a real server that serves dist/h5 (BASE, default
// http://127.0.0.1:3100), in three browser contexts at 375×812, saving screenshots to SHOTS_DIR
// (default /tmp/ui-shots):
//   family 王芳 orders 助洁 for 王建国 → staff 周护理 on duty gets the offer and accepts (or operator 吴主任
//   assigns it) → 出发 (the family page updates live) → too-far check-in with a reason → check-out → rating
//   → 再来一单 → 周护理 declines that offer → it escalates → 吴主任 assigns it to 周护理 anyway
//   → the family cancels it (after acceptance: the fee warning).
// Use a freshly seeded server; short offers and one circle make it quick:
//   DISPATCH_OFFER_TIMEOUT_SECONDS=20 DISPATCH_RADII_M=3000 node dist/src/main.js
import { MOBILE, launch, shooter } from './shots-lib.mjs'

const BASE = process.env.BASE ?? 'http://127.0.0.1:3100'
const shot = shooter(process.env.SHOTS_DIR ?? '/tmp/ui-shots')
const OFFER_WAIT_MS = Number(process.env.OFFER_WAIT_MS ?? 90_000)

const browser = await launch()
const errors = []
const pages = new Map()
async function newPage(name, extra = {}) {
  const context = await browser.newContext({ ...MOBILE, ...extra })
  const page = await context.newPage()
  pages.set(name, page)
  page.on('pageerror', (e) => errors.push(`${name}: ${e}`))
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('Failed to load resource')) errors.push(`${name}: ${m.text()}`)
  })
  return page
}

const text = (page, t) => page.getByText(t, { exact: true })
const visiblePage = (page) => page.locator('.taro_page.taro_page_show').last()

async function login(page, name) {
  await page.goto(`${BASE}/`)
  await page.locator('.login__dev').first().waitFor()
  await page.locator('.login__dev').filter({ hasText: name }).locator('.nut-button').click()
  await page.waitForTimeout(1500)
}

async function until(what, check, timeoutMs, everyMs = 1000) {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (await check()) return true
    await new Promise((r) => setTimeout(r, everyMs))
  }
  console.log(`  … gave up waiting for ${what}`)
  return false
}

/** Taro's H5 showModal: press the button with this text. */
async function modal(page, button) {
  const b = page.locator('.taro__modal').getByText(button, { exact: true })
  await b.waitFor({ timeout: 5000 })
  await b.click()
}

/** The operator's page: wait until the order (by elder) is escalated, show its rounds, assign it to 周护理. */
async function assignByOperator(operator, shotPrefix) {
  await operator.goto(`${BASE}/#/subpackages/operator/pages/dispatch/index`)
  await operator.waitForTimeout(1500)
  const card = visiblePage(operator).locator('.ops-order').filter({ hasText: '王建国' })
  const escalated = await until('the order to be escalated', async () => {
    if ((await card.count()) > 0) return true
    await operator.reload()
    await operator.waitForTimeout(1500)
    return false
  }, 8 * 60_000, 10_000)
  if (!escalated) throw new Error('the order was never escalated')
  await shot(operator, `${shotPrefix}-escalations`)
  await card.locator('.nut-button').filter({ hasText: '派单过程与指派' }).click()
  await operator.waitForTimeout(1200)
  await shot(operator, `${shotPrefix}-dispatch-rounds`)
  const candidate = card.locator('.round__row').filter({ hasText: '周护理' }).locator('.nut-button')
  if ((await candidate.count()) > 0) await candidate.first().click()
  else await card.locator('.round__group .cc-chip').filter({ hasText: '周护理' }).first().click()
  await modal(operator, '指派')
  await operator.waitForTimeout(1500)
  await shot(operator, `${shotPrefix}-assigned`)
}

try {
  // ---- family: first order ≤ 8 taps from 首页 ----------------------------------------------
  const family = await newPage('family')
  await login(family, '王芳')
  await shot(family, '01-home')
  let taps = 0
  const tap = async (locator) => {
    taps++
    await locator.click()
    await family.waitForTimeout(900)
  }
  await tap(family.locator('.home__book'))
  await shot(family, '02-services')
  await tap(family.locator('.svc-card').filter({ hasText: '助洁' }))
  await shot(family, '03-form')
  await tap(visiblePage(family).locator('.cc-chip').filter({ hasText: '王建国' }))
  await family.waitForTimeout(800)
  await shot(family, '04-form-quote')
  await visiblePage(family).locator('.cc-chip').filter({ hasText: '预约时间' }).click()
  await family.waitForTimeout(300)
  await shot(family, '05-form-slots')
  await visiblePage(family).locator('.cc-chip').filter({ hasText: '尽快上门' }).click()
  await tap(visiblePage(family).locator('.nut-button').filter({ hasText: '确认下单' }))
  await family.waitForTimeout(800)
  await shot(family, '06-order-placed')
  console.log(`  first order placed in ${taps} taps from 首页`)
  await visiblePage(family).getByText('查看订单进度').click()
  await family.waitForTimeout(1500)
  const orderId = new URL(family.url().replace('#', '')).searchParams.get('id')
  console.log(`  order ${orderId}`)
  await shot(family, '07-detail-dispatching')

  // ---- staff: on duty, waiting for the offer (about 1 km from the elder's door) -----------
  const staff = await newPage('staff', { geolocation: { latitude: 31.4005, longitude: 120.9700 }, permissions: ['geolocation'] })
  await login(staff, '周护理')
  await shot(staff, '10-staff-home')
  await staff.getByText('进入服务人员工作台').click()
  await staff.waitForTimeout(1500)
  if (await visiblePage(staff).locator('.duty__option').filter({ hasText: '上班' }).first().isVisible()) {
    await visiblePage(staff).locator('.duty__option').first().click()
    await staff.waitForTimeout(1000)
  }
  await shot(staff, '11-workbench')
  const offer = visiblePage(staff).locator('.offer').filter({ hasText: '王建国' })
  const offered = await until('an offer to 周护理', async () => (await offer.count()) > 0, OFFER_WAIT_MS)
  if (offered) {
    await shot(staff, '12-offer')
    await offer.locator('.nut-button').filter({ hasText: '接单' }).click()
    await staff.waitForTimeout(1500)
  } else {
    // Dispatch offered it to others first: the operator assigns it to 周护理 once it is escalated.
    const operator = await newPage('operator')
    await login(operator, '吴主任')
    await shot(operator, '20-operator-home')
    await assignByOperator(operator, '21')
  }

  await family.waitForTimeout(2500)
  await shot(family, '30-detail-accepted')

  // ---- staff: depart; the family's page follows live ---------------------------------------
  await staff.reload()
  await staff.waitForTimeout(2000)
  await shot(staff, '13-workbench-job')
  const job = visiblePage(staff).locator('.job-card').filter({ hasText: '王建国' })
  const departedAt = Date.now()
  await job.locator('.nut-button').filter({ hasText: '出发' }).click()
  const live = await until('the family page to show 出发', async () => (await visiblePage(family).locator('.detail__status-label').textContent()) === '服务人员出发', 12_000, 200)
  if (live) console.log(`  family saw 出发 after ${Date.now() - departedAt} ms`)
  await shot(family, '31-detail-en-route')

  await job.locator('.nut-button').filter({ hasText: '详情与导航' }).click()
  await staff.waitForTimeout(1500)
  await shot(staff, '14-job')
  await visiblePage(staff).locator('.nut-button').filter({ hasText: '到达签到' }).click()
  await staff.waitForTimeout(2500)
  await shot(staff, '15-check-in-too-far')
  await visiblePage(staff).locator('.cc-chip').filter({ hasText: '定位不准' }).click()
  await visiblePage(staff).locator('.nut-button').filter({ hasText: '说明原因并签到' }).click()
  await staff.waitForTimeout(2000)
  await shot(staff, '16-in-service')
  await visiblePage(staff).locator('.cc-chip').filter({ hasText: '清扫拖地' }).click()
  await visiblePage(staff).locator('.cc-chip').filter({ hasText: '擦拭家具' }).click()
  await visiblePage(staff).locator('.nut-textarea textarea').fill('厨房油烟机较脏，建议下次预约深度清洁')
  await shot(staff, '17-check-out-form')
  await visiblePage(staff).locator('.nut-button').filter({ hasText: '完成签退' }).click()
  await staff.waitForTimeout(2000)
  await shot(staff, '18-completed')

  // ---- family: rate, then order again ------------------------------------------------------
  await until('the family page to show 服务完成', async () => (await visiblePage(family).locator('.detail__status-label').textContent()) === '服务完成', 12_000, 300)
  await shot(family, '32-detail-completed')
  await visiblePage(family).locator('.rating__star').nth(4).click()
  await visiblePage(family).locator('.cc-chip').filter({ hasText: '准时' }).click()
  await visiblePage(family).locator('.cc-chip').filter({ hasText: '耐心细致' }).click()
  await visiblePage(family).locator('.nut-button').filter({ hasText: '提交评价' }).click()
  await family.waitForTimeout(1500)
  await shot(family, '33-detail-rated')

  await visiblePage(family).locator('.nut-button').filter({ hasText: '再来一单' }).click()
  await family.waitForTimeout(1500)
  await shot(family, '34-order-again')
  await visiblePage(family).locator('.nut-button').filter({ hasText: '确认下单' }).click()
  await family.waitForTimeout(1500)
  await visiblePage(family).getByText('查看订单进度').click()
  await family.waitForTimeout(1500)

  // ---- the second order: 周护理 declines it, it escalates, the operator assigns it to him anyway --
  await staff.goto(`${BASE}/#/subpackages/staff/pages/workbench/index`)
  await staff.waitForTimeout(1500)
  const second = visiblePage(staff).locator('.offer').filter({ hasText: '王建国' })
  if (await until('the second offer to 周护理', async () => (await second.count()) > 0, OFFER_WAIT_MS)) {
    await shot(staff, '19-second-offer')
    await second.locator('.nut-button').filter({ hasText: '拒绝' }).click()
    await staff.waitForTimeout(1000)
  }
  const operator = await newPage('operator')
  await login(operator, '吴主任')
  await shot(operator, '20-operator-home')
  await assignByOperator(operator, '26')

  // ---- the family cancels it after acceptance: the dialog warns of a fee ------------------
  await until('the family page to show 已接单', async () => (await visiblePage(family).locator('.detail__status-label').textContent()) === '已接单', 15_000, 300)
  await shot(family, '35-detail-assigned')
  await visiblePage(family).locator('.nut-button').filter({ hasText: '取消订单' }).click()
  await visiblePage(family).locator('.cc-chip').filter({ hasText: '时间不合适' }).click()
  await shot(family, '36-cancel-panel')
  await visiblePage(family).locator('.nut-button').filter({ hasText: '确认取消' }).click()
  await family.waitForTimeout(600)
  await family.screenshot({ path: `${process.env.SHOTS_DIR ?? '/tmp/ui-shots'}/37-cancel-confirm.png` })
  await modal(family, '确定取消')
  await family.waitForTimeout(1500)
  await shot(family, '38-cancelled')

  await family.goto(`${BASE}/#/pages/orders/index`)
  await family.reload()
  await family.waitForTimeout(1500)
  await shot(family, '39-orders-tab')

  await operator.goto(`${BASE}/#/pages/mine/index`)
  await operator.waitForTimeout(1500)
  await shot(operator, '24-operator-mine')
  await operator.getByText('机构审核', { exact: true }).click()
  await operator.waitForTimeout(1500)
  await shot(operator, '25-providers')
} catch (e) {
  console.error('FLOW FAILED:', e.message)
  for (const [name, page] of pages) {
    console.error(`  ${name} at ${page.url()}`)
    await page.screenshot({ path: `${process.env.SHOTS_DIR ?? '/tmp/ui-shots'}/99-failure-${name}.png` }).catch(() => undefined)
  }
  process.exitCode = 1
} finally {
  if (errors.length) console.log('page errors:\n  ' + errors.join('\n  '))
  await browser.close()
}
