import { itemsSummary, splitBookings } from '../bookings-list'
import { cleanCode, deliveryLabel, kitchenSummary } from '../canteen-day'
import { booking } from './fixtures'

describe('我的订餐', () => {
  it('puts meals still to come first (soonest first), then the rest (latest first)', () => {
    const list = [
      booking({ id: 'old', status: 'served', date: '2026-11-20' }),
      booking({ id: 'dinner', date: '2026-11-28', period: 'dinner' }),
      booking({ id: 'lunch', date: '2026-11-28', period: 'lunch' }),
      booking({ id: 'cancelled', status: 'cancelled', date: '2026-11-29' }),
    ]
    const { upcoming, past } = splitBookings(list, '2026-11-27')
    expect(upcoming.map((b) => b.id)).toEqual(['lunch', 'dinner'])
    expect(past.map((b) => b.id)).toEqual(['cancelled', 'old'])
    expect(itemsSummary(list[0])).toBe('清蒸鲈鱼套餐×2')
  })
})

describe('今日备餐', () => {
  const period = {
    slotId: 's1',
    period: 'lunch' as const,
    cancelled: false,
    dishCounts: [
      { dishId: 'a', name: '小米南瓜粥', quantity: 3 },
      { dishId: 'b', name: '清蒸鲈鱼套餐', quantity: 7 },
    ],
    bookings: [
      { id: '1', elderName: '王建国', mode: 'dine_in' as const, status: 'booked' as const, pickupCode: '111111', deliveryOrderStatus: null },
      { id: '2', elderName: '李桂英', mode: 'delivery' as const, status: 'booked' as const, pickupCode: '222222', deliveryOrderStatus: 'en_route' },
      { id: '3', elderName: '张秀英', mode: 'pickup' as const, status: 'cancelled' as const, pickupCode: '333333', deliveryOrderStatus: null },
    ],
  }

  it('counts portions per dish, most first, and people per way of eating (not the cancelled)', () => {
    const s = kitchenSummary(period)
    expect(s.dishes.map((d) => d.name)).toEqual(['清蒸鲈鱼套餐', '小米南瓜粥'])
    expect(s.portions).toBe(10)
    expect(s.byMode).toEqual({ dine_in: 1, pickup: 0, delivery: 1 })
  })

  it('says where a delivery is, and keeps a typed 取餐码 to six digits', () => {
    expect(deliveryLabel(period.bookings[1])).toBe('服务人员出发')
    expect(deliveryLabel(period.bookings[0])).toBe('截止后派单')
    expect(cleanCode(' 30 68-75 9')).toBe('306875')
  })
})
