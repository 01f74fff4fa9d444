import { bookingPrice, careTypeOffers, enrolmentPriceText, hoursBetween, priceText, pricesLine } from '../price'

const puhui = { full_day: 160_000, half_day: 100_000, hourly: 2_500, occasional: 12_000 }

describe('price display per care type', () => {
  it('prices monthly care by the month, hourly by the hour, occasional by the day', () => {
    expect(priceText('full_day', 160_000)).toBe('¥1600.00/月')
    expect(priceText('half_day', 100_000)).toBe('¥1000.00/月')
    expect(priceText('hourly', 2_500)).toBe('¥25.00/小时')
    expect(priceText('occasional', 12_000)).toBe('¥120.00/天')
  })

  it('lists only the care types the class has a price for, in the usual order', () => {
    expect(careTypeOffers({ hourly: 6_000, full_day: 320_000, half_day: 200_000 }).map((o) => `${o.label} ${o.price}`)).toEqual([
      '全日托 ¥3200.00/月',
      '半日托 ¥2000.00/月',
      '计时托 ¥60.00/小时',
    ])
    expect(pricesLine(puhui)).toBe('全日托 ¥1600.00/月 · 半日托 ¥1000.00/月 · 计时托 ¥25.00/小时 · 临时托 ¥120.00/天')
  })

  it('keeps a free care type (price 0) on the list', () => {
    expect(careTypeOffers({ occasional: 0 })).toEqual([{ careType: 'occasional', label: '临时托', fen: 0, price: '¥0.00/天' }])
  })
})

describe('bookingPrice (what the parent will pay, priced as the server prices it)', () => {
  it('charges hourly care by whole hours, rounded up', () => {
    expect(hoursBetween('09:00', '12:00')).toBe(3)
    expect(hoursBetween('09:00', '10:30')).toBe(2)
    expect(bookingPrice('hourly', 2_500, '09:00', '12:00')).toEqual({ totalFen: 7_500, detail: '3 小时 × ¥25.00/小时', note: '不足 1 小时按 1 小时计' })
  })

  it('charges a day for occasional care and the month for monthly care', () => {
    expect(bookingPrice('occasional', 12_000).totalFen).toBe(12_000)
    expect(bookingPrice('full_day', 160_000)).toEqual({ totalFen: 160_000, detail: '全日托 ¥1600.00/月', note: '按月缴纳，从入托月份起算' })
  })

  it('shows an enrolment amount per month for monthly places and as a total for a day', () => {
    expect(enrolmentPriceText('half_day', 100_000)).toBe('¥1000.00/月')
    expect(enrolmentPriceText('hourly', 7_500)).toBe('¥75.00')
  })
})
