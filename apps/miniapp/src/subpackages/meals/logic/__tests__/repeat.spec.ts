import { planRepeat } from '../repeat'
import { booking, dish, slot } from './fixtures'

const morning = new Date('2026-11-28T08:00:00')
const fishOn = (id: string) => [dish(`${id}-fish`, '清蒸鲈鱼套餐', 1800), dish(`${id}-egg`, '番茄炒蛋套餐', 1200)]

describe('再来一单', () => {
  const past = booking({ status: 'served', date: '2026-11-26', period: 'lunch' })

  it('fills the next period that can be booked with the same dishes and way of eating', () => {
    const slots = [
      slot('l28', '2026-11-28', 'lunch', { open: false, dishes: fishOn('l28') }),
      slot('d28', '2026-11-28', 'dinner', { dishes: fishOn('d28') }),
    ]
    expect(planRepeat(past, slots, morning, true)).toMatchObject({ slot: { id: 'd28' }, cart: { 'd28-fish': 2 }, missing: [], mode: 'delivery' })
  })

  it('does not repeat a meal still to come on its own period', () => {
    const live = booking({ status: 'booked', date: '2026-11-28', period: 'lunch' })
    const slots = [slot('l28', '2026-11-28', 'lunch', { dishes: fishOn('l28') }), slot('d28', '2026-11-28', 'dinner', { dishes: fishOn('d28') })]
    expect(planRepeat(live, slots, morning, true)?.slot.id).toBe('d28')
    expect(planRepeat({ ...live, status: 'cancelled' }, slots, morning, true)?.slot.id).toBe('l28')
  })

  it('prefers a period where the old way of eating has room, else leaves the choice to the family', () => {
    const full = { dine_in: 5, pickup: 5, delivery: 0 }
    const slots = [slot('d28', '2026-11-28', 'dinner', { remaining: full, dishes: fishOn('d28') }), slot('l30', '2026-11-30', 'lunch', { dishes: fishOn('l30') })]
    expect(planRepeat(past, slots, morning, true)).toMatchObject({ slot: { id: 'l30' }, mode: 'delivery' })
    expect(planRepeat(past, [slots[0]], morning, true)).toMatchObject({ slot: { id: 'd28' }, mode: null })
  })

  it('skips menus without any of the dishes, and lists the ones a menu lacks', () => {
    const slots = [
      slot('d28', '2026-11-28', 'dinner', { dishes: [dish('x', '清真牛肉面', 1500)] }),
      slot('l30', '2026-11-30', 'lunch', { dishes: [dish('l30-fish', '清蒸鲈鱼套餐', 1800)] }),
    ]
    const two = booking({ status: 'served', items: [...past.items, { dishId: 'old', name: '红烧肉套餐', quantity: 1, priceFen: 1600 }] })
    expect(planRepeat(two, slots, morning, true)).toMatchObject({ slot: { id: 'l30' }, missing: ['红烧肉套餐'] })
    expect(planRepeat(past, [slots[0]], morning, true)).toBeNull()
  })
})
