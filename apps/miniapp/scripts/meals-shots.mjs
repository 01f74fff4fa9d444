// Walks the 老年助餐 flow in Chromium against a real server that serves the H5 build (BASE, default
// http://127.0.0.1:3200), at 375×812, saving screenshots to SHOTS_DIR (default /tmp/meal-shots):
//   王芳: 首页 订餐 → 为谁订餐 王建国 → nearest canteen → week view → dishes (one clashes with 低盐)
//   → checkout (送餐上门, 政府补贴) → 取餐码 → 我的订餐 → 再来一单 (taps counted) → cancel
//   → a full slot answered with 改订下一餐;
//   吴主任 (operator): 食堂今日备餐 (counts, check-off, 取餐码) and 助餐指标.
// Use a freshly seeded server:  DB_NAME=... pnpm seed && PORT=3200 H5_DIST_DIR=.../dist-meals/h5 node dist/src/main.js
import { MOBILE, launch, shooter } from './shots-lib.mjs'

const BASE = process.env.BASE ?? 'http://127.0.0.1:3200'
const shot = shooter(process.env.SHOTS_DIR ?? '/tmp/meal-shots')

const browser = await launch()
const errors = []
async function newPage(name) {
  const context = await browser.newContext(MOBILE)
  const page = await context.newPage()
  page.on('pageerror', (e) => errors.push(`${name}: ${e}`))
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('Failed to load resource')) errors.push(`${name}: ${m.text()}`)
  })
  return page
}

const visiblePage = (page) => page.locator('.taro_page.taro_page_show').last()

async function login(page, name) {
  await page.goto(`${BASE}/`)
  await page.locator('.login__dev').first().waitFor()
  await page.locator('.login__dev .nut-button').filter({ hasText: new RegExp(`^${name}$`) }).first().click()
  await page.waitForTimeout(1500)
}

async function modal(page, button) {
  const b = page.locator('.taro__modal').getByText(button, { exact: true })
  await b.waitFor({ timeout: 5000 })
  await b.click()
}

/** The API as the logged-in page's user (token from its storage), for setting up a full slot. */
async function api(page, method, path, body, headers = {}) {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const token = JSON.parse(localStorage.getItem('cc.accessToken') ?? 'null')?.data ?? localStorage.getItem('cc.accessToken')
      const res = await fetch(path, { method, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...headers }, body: body ? JSON.stringify(body) : undefined })
      return { status: res.status, body: await res.json().catch(() => null) }
    },
    { method, path, body, headers },
  )
}

try {
  const family = await newPage('family')
  await login(family, '王芳')
  await shot(family, '01-home')

  let taps = 0
  const tap = async (locator, wait = 1200) => {
    taps++
    await locator.click()
    await family.waitForTimeout(wait)
  }

  await tap(family.locator('.home__entry').filter({ hasText: '订餐' }))
  await shot(family, '02-who-for')
  await tap(visiblePage(family).locator('.cc-chip').filter({ hasText: '王建国' }))
  await shot(family, '03-canteens')
  await tap(visiblePage(family).locator('.canteen-card').first(), 1800)
  await shot(family, '04-week')
  const menu = visiblePage(family)
  // One dish that clashes with 王建国's 低盐, one that suits him (two portions).
  const clashing = menu.locator('.dish-card', { has: family.locator('.dish-card__clash') }).first()
  const suitable = menu.locator('.dish-card', { hasNot: family.locator('.dish-card__clash') }).first()
  await clashing.locator('.meal-stepper__add').click()
  await suitable.locator('.meal-stepper__add').click()
  await suitable.locator('.meal-stepper__btn').last().click()
  taps += 3
  await family.waitForTimeout(300)
  await shot(family, '05-dishes')
  await tap(menu.locator('.nut-button').filter({ hasText: '去结算' }), 2000)
  await shot(family, '06-checkout')
  await tap(visiblePage(family).locator('.cc-chip').filter({ hasText: '送餐上门' }), 500)
  await shot(family, '07-checkout-delivery')
  await tap(visiblePage(family).locator('.nut-button').filter({ hasText: '确认订餐' }), 2500)
  console.log(`  first meal booked in ${taps} taps from 首页`)
  await shot(family, '08-booked-code')

  // ---- 我的订餐 → 再来一单 ------------------------------------------------------------------
  await family.goto(`${BASE}/#/pages/mine/index`)
  await family.waitForTimeout(1500)
  await shot(family, '09-mine')
  taps = 0
  await tap(visiblePage(family).locator('.mine-row').filter({ hasText: '我的订餐' }))
  await shot(family, '10-bookings')
  await tap(visiblePage(family).locator('.meal-card').first().locator('.nut-button').filter({ hasText: '再来一单' }), 2500)
  await shot(family, '11-order-again')
  await tap(visiblePage(family).locator('.nut-button').filter({ hasText: '确认订餐' }), 2500)
  console.log(`  再来一单 in ${taps + 1} taps from the 我的 tab`)
  await shot(family, '12-again-booked')

  // ---- cancel before the cut-off -------------------------------------------------------------
  await visiblePage(family).locator('.nut-button').filter({ hasText: '取消订餐' }).click()
  await family.waitForTimeout(300)
  await visiblePage(family).locator('.cc-chip').filter({ hasText: '老人临时外出' }).click()
  await shot(family, '13-cancel-reason')
  await visiblePage(family).locator('.nut-button').filter({ hasText: '确认取消' }).click()
  await modal(family, '确定取消')
  await family.waitForTimeout(1500)
  await shot(family, '14-cancelled')

  // ---- a full slot: the checkout offers 改订下一餐 -------------------------------------------
  const households = (await api(family, 'GET', '/api/households')).body
  const household = (await api(family, 'GET', `/api/households/${households[0].id}`)).body
  const elder = household.elders.find((e) => e.name === '王建国')
  const canteens = (await api(family, 'GET', `/api/canteens?elderId=${elder.id}`)).body
  const slots = (await api(family, 'GET', `/api/canteens/${canteens[0].id}/slots?elderId=${elder.id}`)).body
  const target = slots.filter((s) => s.open && s.remaining.delivery > 0)[2]
  const dish = target.dishes[0]
  await family.goto(`${BASE}/#/subpackages/meals/pages/checkout/index?elderId=${elder.id}&canteenId=${canteens[0].id}&slotId=${target.id}&date=${target.date}&items=${dish.id}*1&mode=delivery`)
  await family.waitForTimeout(2500)
  let filled = 0
  for (let i = 0; i < target.remaining.delivery; i++) {
    const res = await api(family, 'POST', '/api/meal-bookings', { elderId: elder.id, slotId: target.id, mode: 'delivery', items: [{ dishId: dish.id, quantity: 1 }] }, { 'Idempotency-Key': `fill-${target.id.slice(0, 8)}-${i}` })
    if (res.status === 201) filled++
    else if (i === 0) console.log('  fill refused:', res.status, JSON.stringify(res.body).slice(0, 200))
  }
  console.log(`  filled ${filled} delivery places of ${target.date} ${target.period}`)
  await visiblePage(family).locator('.nut-button').filter({ hasText: '确认订餐' }).click()
  await family.waitForTimeout(1500)
  await shot(family, '15-slot-full-dialog')
  await modal(family, '去改订')
  await family.waitForTimeout(2500)
  await shot(family, '16-next-slot-checkout')

  // Tomorrow's lunch also gets a 自取 and a 堂食 booking, for the canteen to hand over and check off.
  const lunch = slots.find((s) => s.open)
  const lunchDish = lunch.dishes.find((d) => d.remaining === null) ?? lunch.dishes[0]
  const book = (mode, n) => api(family, 'POST', '/api/meal-bookings', { elderId: elder.id, slotId: lunch.id, mode, items: [{ dishId: lunchDish.id, quantity: 1 }] }, { 'Idempotency-Key': `ops-${mode}-${n}-${lunch.id.slice(0, 8)}` })
  const pickup = (await book('pickup', 1)).body
  await book('dine_in', 1)

  // ---- the elder's own login: the nearest canteens are 「离您」 -----------------------------------
  const self = await newPage('elder')
  await login(self, '王建国')
  await self.goto(`${BASE}/#/subpackages/meals/pages/canteens/index`)
  await self.waitForTimeout(2000)
  await shot(self, '17-elder-self-canteens')

  // ---- canteen side (operator 吴主任 may act for any canteen) ----------------------------------
  const ops = await newPage('operator')
  await login(ops, '吴主任')
  await ops.goto(`${BASE}/#/pages/mine/index`)
  await ops.waitForTimeout(1500)
  await shot(ops, '20-ops-mine')
  await visiblePage(ops).locator('.mine-row').filter({ hasText: '食堂今日备餐' }).click()
  await ops.waitForTimeout(1500)
  await visiblePage(ops).locator('.cc-chip').filter({ hasText: canteens[0].name }).click()
  await ops.waitForTimeout(1500)
  await shot(ops, '21-canteen-today')
  // The bookings are for the coming days: step to the first one.
  await visiblePage(ops).locator('.nut-button').filter({ hasText: '后一天' }).click()
  await ops.waitForTimeout(1500)
  await shot(ops, '22-canteen-next-day')
  await visiblePage(ops).locator('.day-period').first().locator('input').fill(pickup.pickupCode)
  await shot(ops, '23-pickup-code')
  await visiblePage(ops).locator('.day-period').first().locator('.nut-button').filter({ hasText: '确认' }).click()
  await ops.waitForTimeout(1500)
  const serve = visiblePage(ops).locator('.day-booking .nut-button').filter({ hasText: '已用餐' }).first()
  if (await serve.count()) {
    await serve.click()
    await ops.waitForTimeout(1500)
  }
  await shot(ops, '23-checked-off')
  await visiblePage(ops).locator('.day-period').last().locator('.day-period__close-link').click()
  await visiblePage(ops).locator('.day-period').last().locator('.cc-chip').filter({ hasText: '设备故障' }).click()
  await shot(ops, '25-close-reason')
  await visiblePage(ops).locator('.day-period').last().locator('.nut-button').filter({ hasText: '取消并退款' }).click()
  await ops.waitForTimeout(600)
  await shot(ops, '26-close-confirm')
  await modal(ops, '确定取消')
  await ops.waitForTimeout(1500)
  await shot(ops, '27-closed')
  await ops.goto(`${BASE}/#/subpackages/meals/pages/figures/index`)
  await ops.waitForTimeout(1500)
  await shot(ops, '24-figures')
} finally {
  if (errors.length) console.log(`page errors:\n  ${errors.join('\n  ')}`)
  await browser.close()
}
