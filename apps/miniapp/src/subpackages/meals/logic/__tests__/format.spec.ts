import { addDaysYmd, distanceText, formatOpenDays, mealWhen, periodHours } from '../format'

describe('meal wording', () => {
  it('says which meal in words a family reads at a glance', () => {
    expect(mealWhen('2026-11-27', 'lunch', '2026-11-27')).toBe('今天 11月27日 周五 午餐')
    expect(mealWhen('2026-12-01', 'dinner', '2026-11-27')).toBe('12月1日 周二 晚餐')
    expect(addDaysYmd('2026-11-30', 2)).toBe('2026-12-02')
  })

  it('writes opening days and hours', () => {
    expect(formatOpenDays([1, 2, 3, 4, 5, 6])).toBe('周一至周六')
    expect(formatOpenDays([7, 1, 2, 3, 4, 5, 6])).toBe('每天')
    expect(formatOpenDays([1, 3, 5])).toBe('周一、周三、周五')
    expect(periodHours({ period: 'lunch', serveStart: '11:00', serveEnd: '12:30', cutoff: '10:00' })).toBe('午餐 11:00–12:30 · 10:00 前预订')
  })

  it('says how far the canteen is, nearest first lists show it on every card', () => {
    expect(distanceText(346, true)).toBe('离您 350 米')
    expect(distanceText(1771, false)).toBe('离老人住处 1.8 公里')
    expect(distanceText(null, false)).toBeNull()
  })
})
