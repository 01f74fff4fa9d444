import type { CanteenView, DishView, MealBookingView, MealSlotView } from '@carecircle/shared'
import { bookingInput, chooseCanteen, lastBooking, mealWhenShort, planElderMeals } from '../meal-plan'

const today = '2026-11-27'
const tomorrow = '2026-11-28'
// 09:00 on the 27th, local time of the test process.
const now = new Date(2026, 10, 27, 9, 0)
const at = (ymd: string, hh: number) => {
  const [y, m, d] = ymd.split('-').map(Number)
  return new Date(y, m - 1, d, hh, 0).toISOString()
}

function dish(id: string, name: string, over: Partial<DishView> = {}): DishView {
  return { id, name, priceFen: 1200, tags: [], isSetMeal: false, portionLimit: null, remaining: null, clashes: [], ...over }
}

/** A canteen's menu of the day: new dish ids every day, as the server makes them. */
function menu(day: string): DishView[] {
  return [
    dish(`${day}-hongshao`, '红烧肉套餐', { isSetMeal: true, clashes: ['低盐'] }),
    dish(`${day}-fish`, '清蒸鲈鱼套餐', { isSetMeal: true, priceFen: 1500 }),
    dish(`${day}-tomato`, '番茄炒蛋套餐', { isSetMeal: true }),
  ]
}

function slot(date: string, period: 'lunch' | 'dinner', over: Partial<MealSlotView> = {}): MealSlotView {
  return {
    id: `${date}-${period}`, canteenId: 'c1', canteenName: '玉山幸福食堂', date, period, serveStart: period === 'lunch' ? '11:00' : '17:00',
    serveEnd: period === 'lunch' ? '12:30' : '18:30', cutoffAt: at(date, period === 'lunch' ? 10 : 16), open: true, cancelled: false,
    remaining: { dine_in: 20, pickup: 20, delivery: 10 }, dishes: menu(date), ...over,
  }
}

function booking(over: Partial<MealBookingView> = {}): MealBookingView {
  return {
    id: 'b1', elderId: 'e1', elderName: '王建国', slotId: '2026-11-25-lunch', canteenId: 'c1', canteenName: '玉山幸福食堂', date: '2026-11-25',
    period: 'lunch', mode: 'delivery', status: 'delivered', statusLabel: '已送达', pickupCode: '1234',
    items: [{ dishId: '2026-11-25-fish', name: '清蒸鲈鱼套餐', quantity: 2, priceFen: 1500 }], deliveryFeeFen: 300,
    price: { priceFen: 3300, subsidyFen: 300, payFen: 3000, subsidyNote: '政府补贴' }, refundFen: 0, dietaryClashes: [], deliveryOrderId: null,
    cutoffAt: at('2026-11-25', 10), canChange: false, createdAt: '2026-11-24T08:00:00.000Z', ...over,
  }
}

const week = [slot(today, 'lunch'), slot(today, 'dinner'), slot(tomorrow, 'lunch'), slot(tomorrow, 'dinner'), slot('2026-11-29', 'lunch')]
const plan = (over: Partial<Parameters<typeof planElderMeals>[0]> = {}) =>
  planElderMeals({ slots: week, bookings: [booking()], elderId: 'e1', deliversHere: true, now, today, ...over })

describe('planElderMeals (长辈版 订餐 in 3 taps)', () => {
  it('offers today and tomorrow, each filled in like the last booking (same dish by name, same way, one portion)', () => {
    const cards = plan()
    expect(cards.map((c) => c.when)).toEqual(['今天午餐', '今天晚餐', '明天午餐', '明天晚餐'])
    for (const c of cards) {
      expect(c.dish.name).toBe('清蒸鲈鱼套餐')
      expect(c.dish.id).toBe(`${c.slot.date}-fish`)
      expect(c.mode).toBe('delivery')
      expect(c.sameAsLast).toBe(true)
      expect(c.booked).toBeNull()
    }
    // Tap 2 picks a card, tap 3 books exactly this:
    expect(bookingInput(cards[2], 'e1')).toEqual({ elderId: 'e1', slotId: `${tomorrow}-lunch`, mode: 'delivery', items: [{ dishId: `${tomorrow}-fish`, quantity: 1 }] })
  })

  it('leaves out meals past their cut-off, and days after tomorrow', () => {
    const cards = plan({ now: new Date(2026, 10, 27, 10, 30) })
    expect(cards.map((c) => c.when)).toEqual(['今天晚餐', '明天午餐', '明天晚餐'])
  })

  it('keeps the dish but changes the way of eating when the usual one is full, and says it is not the same', () => {
    const full = slot(tomorrow, 'lunch', { remaining: { dine_in: 5, pickup: 5, delivery: 0 } })
    const [card] = plan({ slots: [full] })
    expect(card.dish.name).toBe('清蒸鲈鱼套餐')
    expect(card.mode).toBe('dine_in')
    expect(card.sameAsLast).toBe(false)
  })

  it('does not offer delivery out of the delivery range', () => {
    const [card] = plan({ slots: [slot(tomorrow, 'lunch')], bookings: [], deliversHere: false })
    expect(card.mode).toBe('dine_in')
  })

  it('without a last booking picks a set meal that suits the diet, delivered', () => {
    const [card] = plan({ bookings: [] })
    expect(card.dish.name).toBe('清蒸鲈鱼套餐') // 红烧肉 clashes with 低盐
    expect(card.mode).toBe('delivery')
    expect(card.sameAsLast).toBe(false)
  })

  it('when the usual dish is sold out, offers another that suits', () => {
    const soldOut = slot(tomorrow, 'lunch', { dishes: menu(tomorrow).map((d) => (d.name === '清蒸鲈鱼套餐' ? { ...d, remaining: 0 } : d)) })
    const [card] = plan({ slots: [soldOut] })
    expect(card.dish.name).toBe('番茄炒蛋套餐')
    expect(card.sameAsLast).toBe(false)
  })

  it('shows a meal already booked as booked instead of offering it twice', () => {
    const mine = booking({ id: 'b2', slotId: `${tomorrow}-lunch`, status: 'booked', date: tomorrow, createdAt: '2026-11-27T00:30:00.000Z', items: [{ dishId: `${tomorrow}-tomato`, name: '番茄炒蛋套餐', quantity: 1, priceFen: 1200 }] })
    const cards = plan({ bookings: [booking(), mine] })
    const tomorrowLunch = cards.find((c) => c.slot.id === `${tomorrow}-lunch`)!
    expect(tomorrowLunch.booked?.id).toBe('b2')
    expect(tomorrowLunch.dish.name).toBe('番茄炒蛋套餐')
    // "The usual" is now the latest booking.
    expect(cards.find((c) => c.slot.id === `${today}-dinner`)?.dish.name).toBe('番茄炒蛋套餐')
  })

  it('offers nothing for a cancelled or full period', () => {
    const cards = plan({ slots: [slot(tomorrow, 'lunch', { cancelled: true }), slot(tomorrow, 'dinner', { remaining: { dine_in: 0, pickup: 0, delivery: 0 } })] })
    expect(cards).toEqual([])
  })
})

describe('lastBooking / chooseCanteen', () => {
  const canteens = [{ id: 'near' }, { id: 'c1' }] as CanteenView[]

  it('takes the latest booking not cancelled', () => {
    const cancelled = booking({ id: 'late', status: 'cancelled', createdAt: '2026-11-26T00:00:00.000Z' })
    expect(lastBooking([booking(), cancelled], 'e1')?.id).toBe('b1')
    expect(lastBooking([cancelled], 'e1')?.id).toBe('late')
    expect(lastBooking([booking({ elderId: 'other' })], 'e1')).toBeNull()
  })

  it("goes back to the last booking's canteen, else the nearest", () => {
    expect(chooseCanteen(canteens, booking())?.id).toBe('c1')
    expect(chooseCanteen(canteens, booking({ canteenId: 'closed-down' }))?.id).toBe('near')
    expect(chooseCanteen(canteens, null)?.id).toBe('near')
    expect(chooseCanteen([], null)).toBeNull()
  })

  it('names meals as the elder says them', () => {
    expect(mealWhenShort({ date: today, period: 'lunch' }, today)).toBe('今天午餐')
    expect(mealWhenShort({ date: tomorrow, period: 'dinner' }, today)).toBe('明天晚餐')
  })
})
