import { buildMealDays, dayStatus, firstBookableSlot, modeState, slotState } from '../slot-state'
import { slot } from './fixtures'

const morning = new Date('2026-11-28T08:00:00')

describe('a 午餐/晚餐 card', () => {
  it('is 可订 before the cut-off with a place in some mode', () => {
    expect(slotState(slot('s', '2026-11-28', 'lunch'), morning)).toEqual({ status: 'open', label: '可订', bookable: true })
  })

  it('is 已订满 when no mode has a place left', () => {
    const full = slot('s', '2026-11-28', 'lunch', { remaining: { dine_in: 0, pickup: 0, delivery: 0 } })
    expect(slotState(full, morning)).toMatchObject({ status: 'full', label: '已订满', bookable: false })
  })

  it('is 已截止 once the server says so, or once the clock passes the cut-off while the page is open', () => {
    expect(slotState(slot('s', '2026-11-28', 'lunch', { open: false }), morning)).toMatchObject({ label: '已截止', bookable: false })
    expect(slotState(slot('s', '2026-11-28', 'lunch'), new Date('2026-11-28T10:00:00'))).toMatchObject({ label: '已截止' })
  })

  it('is 已取消 when the canteen closed it, whatever else is true', () => {
    expect(slotState(slot('s', '2026-11-28', 'lunch', { cancelled: true, open: false }), morning)).toMatchObject({ label: '已取消', bookable: false })
  })
})

describe('a way of eating', () => {
  const s = slot('s', '2026-11-28', 'lunch', { remaining: { dine_in: 4, pickup: 0, delivery: 2 } })
  it('is greyed with 已订满 when it has no place, and 超出送餐范围 for delivery out of range', () => {
    expect(modeState(s, 'dine_in', true)).toEqual({ mode: 'dine_in', available: true, reason: null, remaining: 4 })
    expect(modeState(s, 'pickup', true)).toMatchObject({ available: false, reason: '已订满' })
    expect(modeState(s, 'delivery', false)).toMatchObject({ available: false, reason: '超出送餐范围' })
  })
})

describe('the week view', () => {
  const slots = [
    slot('d28', '2026-11-28', 'dinner'),
    slot('l28', '2026-11-28', 'lunch', { open: false }),
    slot('l30', '2026-11-30', 'lunch', { remaining: { dine_in: 0, pickup: 0, delivery: 0 } }),
  ]

  it('has a tab for every day, with the closed day empty and periods in serving order', () => {
    const days = buildMealDays(slots, '2026-11-28', morning, 3)
    expect(days.map((d) => [d.date, d.name, d.monthDay, d.slots.map((s) => s.id)])).toEqual([
      ['2026-11-28', '今天', '11月28日', ['l28', 'd28']],
      ['2026-11-29', '明天', '11月29日', []],
      ['2026-11-30', '后天', '11月30日', ['l30']],
    ])
    expect(days.map((d) => dayStatus(d, morning))).toEqual(['可订', '休息', '订满'])
  })

  it('opens on the first period that can be booked', () => {
    expect(firstBookableSlot(slots, morning)?.id).toBe('d28')
  })
})
