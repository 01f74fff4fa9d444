import type { MealMode } from '@carecircle/shared'

const MEALS_ROOT = '/subpackages/meals/pages'

function query(params: Record<string, string | null | undefined>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

export interface CheckoutParams {
  elderId: string
  canteenId: string
  slotId: string
  /** The slot's date: the checkout loads the week from it. */
  date: string
  /** `dishId*quantity` joined by commas (see encodeCart). */
  items: string
  mode?: MealMode | null
  /** Dishes of a repeated order that this menu lacks (shown as a note). */
  missing?: string[]
}

/** Paths of the 老年助餐 sub-package pages, with their query strings. */
export const mealRoutes = {
  /** 为谁订餐 → 助餐点 nearest first. */
  canteens: (elderId?: string | null) => `${MEALS_ROOT}/canteens/index${query({ elderId })}`,
  /** A canteen's week: day tabs, 午餐/晚餐, dishes. `items` pre-fills the cart (改菜). */
  menu: (canteenId: string, elderId: string, slotId?: string | null, items?: string | null) =>
    `${MEALS_ROOT}/menu/index${query({ canteenId, elderId, slotId, items })}`,
  checkout: (p: CheckoutParams) =>
    `${MEALS_ROOT}/checkout/index${query({ elderId: p.elderId, canteenId: p.canteenId, slotId: p.slotId, date: p.date, items: p.items, mode: p.mode ?? null, missing: p.missing?.length ? p.missing.join('、') : null })}`,
  /** 取餐码 and details; `created` shows the 订餐成功 banner. */
  booking: (id: string, created = false) => `${MEALS_ROOT}/booking/index${query({ id, created: created ? '1' : null })}`,
  bookings: (elderId?: string | null) => `${MEALS_ROOT}/bookings/index${query({ elderId })}`,
  /** 今日备餐 for canteen staff and operators. */
  canteenDay: (canteenId?: string | null) => `${MEALS_ROOT}/canteen-day/index${query({ canteenId })}`,
  /** 助餐指标 for operators. */
  figures: () => `${MEALS_ROOT}/figures/index`,
}
