import type { RegionPolicyView, RegionView, SubsidyRule } from '@carecircle/shared'
import { estimateMealPrice, mealPriceLines, mealRule, policyInForce, regionChain, subsidyExplanation, usedMealSubsidy } from '../price'
import { booking } from './fixtures'

const advancedAge: SubsidyRule = { category: 'advanced_age', service: 'meal', kind: 'fixed', amountFen: 300, monthlyCapFen: 9000 }
const tekun: SubsidyRule = { category: 'tekun', service: 'meal', kind: 'fixed', amountFen: 1000, monthlyCapFen: 30000, includesDeliveryFee: true }

describe('the price before booking', () => {
  it('takes the fixed subsidy off the food and adds the delivery fee', () => {
    expect(estimateMealPrice(4800, 300, { rule: advancedAge, usedFen: 0, standing: 'verified' })).toEqual({ priceFen: 5100, subsidyFen: 300, payFen: 4800, subsidyNote: '政府补贴' })
  })

  it('lets the subsidy cover the delivery fee only where the rule says so', () => {
    expect(estimateMealPrice(800, 300, { rule: tekun, usedFen: 0, standing: 'verified' }).subsidyFen).toBe(1000)
    expect(estimateMealPrice(800, 300, { rule: { ...tekun, includesDeliveryFee: false }, usedFen: 0, standing: 'verified' }).subsidyFen).toBe(800)
  })

  it('stays within what is left of the month’s cap, and gives nothing unverified or without a rule', () => {
    expect(estimateMealPrice(1200, 0, { rule: advancedAge, usedFen: 8800, standing: 'verified' })).toMatchObject({ subsidyFen: 200, payFen: 1000, subsidyNote: '本月补贴额度剩余不足，按剩余额度补贴' })
    expect(estimateMealPrice(1200, 0, { rule: advancedAge, usedFen: 9000, standing: 'verified' }).subsidyNote).toBe('本月补贴额度已用完')
    expect(estimateMealPrice(1200, 0, { rule: advancedAge, usedFen: 0, standing: 'unverified' })).toMatchObject({ subsidyFen: 0, payFen: 1200, subsidyNote: expect.stringContaining('待街道核验') })
    expect(estimateMealPrice(1200, 0, { rule: advancedAge, usedFen: 0, standing: 'rejected' })).toMatchObject({ subsidyFen: 0, payFen: 1200, subsidyNote: expect.stringContaining('核验未通过') })
    expect(estimateMealPrice(1200, 300, { rule: null, usedFen: 0, standing: 'verified' })).toMatchObject({ priceFen: 1500, subsidyFen: 0, payFen: 1500, subsidyNote: '无政府补贴' })
  })

  it('shows 餐费, 送餐费, 政府补贴 as a minus and 实付 on separate lines', () => {
    const price = { priceFen: 5100, subsidyFen: 300, payFen: 4800 }
    expect(mealPriceLines(price, 4800, 300, true).map((l) => `${l.label} ${l.value}`)).toEqual(['餐费 ¥48.00', '送餐费 ¥3.00', '政府补贴（预计） -¥3.00', '预计实付 ¥48.00'])
    expect(mealPriceLines({ priceFen: 1200, subsidyFen: 0, payFen: 1200 }, 1200, 0, false).map((l) => `${l.label} ${l.value}`)).toEqual(['餐费 ¥12.00', '政府补贴 ¥0.00', '实付 ¥12.00'])
    expect(mealPriceLines(null, 1200, 300, true).map((l) => l.value)).toEqual(['¥12.00', '¥3.00', '下单时计算', '¥15.00'])
  })

  it('explains the rule in words when the subsidy is simply granted', () => {
    const ctx = { rule: tekun, usedFen: 0, standing: 'verified' as const }
    expect(subsidyExplanation({ subsidyNote: '政府补贴' }, ctx, '特困')).toBe('「特困」老人每餐补贴 ¥10.00（送餐费也可补贴），每月最多 ¥300.00')
    expect(subsidyExplanation({ subsidyNote: '本月补贴额度已用完' }, ctx, '特困')).toBe('本月补贴额度已用完')
  })
})

describe('the subsidy table and what has been used', () => {
  const regions: RegionView[] = [
    { id: 'district', name: '昆山市', level: 'district', parentId: null, center: { lat: 0, lng: 0 } },
    { id: 'street', name: '玉山镇', level: 'street', parentId: 'district', center: { lat: 0, lng: 0 } },
    { id: 'community', name: '朝阳社区', level: 'community', parentId: 'street', center: { lat: 0, lng: 0 } },
  ]

  it('walks from the community up to the district', () => {
    expect(regionChain('community', regions)).toEqual(['community', 'street', 'district'])
    expect(regionChain(null, regions)).toEqual([])
  })

  it('takes the version in force: latest effective date not in the future, then latest version', () => {
    const p = (version: number, effectiveFrom: string): RegionPolicyView => ({ id: `p${version}`, regionId: 'street', kind: 'subsidy', version, effectiveFrom, rules: { currency: 'fen', rules: [advancedAge] } })
    const now = new Date('2026-11-27T10:00:00Z')
    expect(policyInForce([p(1, '2026-01-01T00:00:00Z'), p(2, '2026-06-01T00:00:00Z'), p(3, '2027-01-01T00:00:00Z')], now)?.version).toBe(2)
    expect(policyInForce([p(3, '2027-01-01T00:00:00Z')], now)).toBeNull()
    expect(mealRule(p(1, '2026-01-01T00:00:00Z'), 'advanced_age')).toEqual(advancedAge)
    expect(mealRule(p(1, '2026-01-01T00:00:00Z'), 'dibao')).toBeNull()
  })

  it('counts this month’s meal subsidy of this elder, not cancelled bookings, other elders or last month', () => {
    const now = new Date('2026-11-27T10:00:00Z')
    const list = [
      booking({ id: 'a' }),
      booking({ id: 'b', status: 'cancelled' }),
      booking({ id: 'c', elderId: 'e2' }),
      booking({ id: 'd', createdAt: '2026-10-31T15:59:00.000Z' }),
      booking({ id: 'e', createdAt: '2026-10-31T16:01:00.000Z' }),
    ]
    expect(usedMealSubsidy(list, 'e1', now)).toBe(600)
  })
})
