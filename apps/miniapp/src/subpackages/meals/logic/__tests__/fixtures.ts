import type { DishView, MealBookingView, MealSlotView } from '@carecircle/shared'

export function dish(id: string, name: string, priceFen: number, extra: Partial<DishView> = {}): DishView {
  return { id, name, priceFen, tags: [], isSetMeal: false, portionLimit: null, remaining: null, clashes: [], ...extra }
}

/** A slot whose cut-off is 10:00 (Asia/Shanghai, as the tests' phone clock reads it) on its day. */
export function slot(id: string, date: string, period: 'lunch' | 'dinner', extra: Partial<MealSlotView> = {}): MealSlotView {
  return {
    id,
    canteenId: 'c1',
    canteenName: '朝阳幸福食堂',
    date,
    period,
    serveStart: period === 'lunch' ? '11:00' : '17:00',
    serveEnd: period === 'lunch' ? '12:30' : '18:00',
    cutoffAt: new Date(`${date}T${period === 'lunch' ? '10' : '15'}:00:00`).toISOString(),
    open: true,
    cancelled: false,
    remaining: { dine_in: 10, pickup: 5, delivery: 3 },
    dishes: [],
    ...extra,
  }
}

export function booking(extra: Partial<MealBookingView> = {}): MealBookingView {
  return {
    id: 'b1',
    elderId: 'e1',
    elderName: '王建国',
    slotId: 's1',
    canteenId: 'c1',
    canteenName: '朝阳幸福食堂',
    date: '2026-11-28',
    period: 'lunch',
    mode: 'delivery',
    status: 'booked',
    statusLabel: '已预订',
    pickupCode: '306875',
    items: [{ dishId: 'd1', name: '清蒸鲈鱼套餐', quantity: 2, priceFen: 1800 }],
    deliveryFeeFen: 300,
    price: { priceFen: 3900, subsidyFen: 300, payFen: 3600, subsidyNote: '政府补贴' },
    refundFen: 0,
    dietaryClashes: [],
    deliveryOrderId: null,
    cutoffAt: '2026-11-28T02:00:00.000Z',
    canChange: true,
    createdAt: '2026-11-27T10:00:00.000Z',
    ...extra,
  }
}
