import type { DishView, MealItemInput } from '@carecircle/shared'

/** dishId → portions, for the dishes of one slot. */
export type Cart = Record<string, number>

/** The server takes 1–5 portions of a dish per booking. */
export const MAX_PER_DISH = 5

/** As many as the booking may hold and the kitchen has left. */
export function maxFor(dish: Pick<DishView, 'remaining'>): number {
  return Math.max(0, Math.min(MAX_PER_DISH, dish.remaining ?? MAX_PER_DISH))
}

export function setQuantity(cart: Cart, dish: Pick<DishView, 'id' | 'remaining'>, quantity: number): Cart {
  const next = { ...cart }
  const q = Math.min(maxFor(dish), Math.max(0, Math.floor(quantity)))
  if (q === 0) delete next[dish.id]
  else next[dish.id] = q
  return next
}

export interface CartLine {
  dish: DishView
  quantity: number
  subtotalFen: number
}

/** The chosen dishes in menu order; ids not on this menu are dropped. */
export function cartLines(cart: Cart, dishes: readonly DishView[]): CartLine[] {
  return dishes
    .filter((d) => (cart[d.id] ?? 0) > 0)
    .map((dish) => ({ dish, quantity: cart[dish.id], subtotalFen: dish.priceFen * cart[dish.id] }))
}

export function cartCount(lines: readonly CartLine[]): number {
  return lines.reduce((sum, l) => sum + l.quantity, 0)
}

/** What the food costs, before any delivery fee and subsidy. */
export function cartFoodFen(lines: readonly CartLine[]): number {
  return lines.reduce((sum, l) => sum + l.subtotalFen, 0)
}

export function toBookingItems(lines: readonly CartLine[]): MealItemInput[] {
  return lines.map((l) => ({ dishId: l.dish.id, quantity: l.quantity }))
}

/** The chosen dishes that do not meet the elder's dietary needs: shown before confirming. */
export function cartClashes(lines: readonly CartLine[]): { dishName: string; needs: string[] }[] {
  return lines.filter((l) => l.dish.clashes.length > 0).map((l) => ({ dishName: l.dish.name, needs: l.dish.clashes }))
}

/** For a page URL: `dishId*2,dishId*1`. */
export function encodeCart(cart: Cart): string {
  return Object.entries(cart)
    .filter(([, q]) => q > 0)
    .map(([id, q]) => `${id}*${q}`)
    .join(',')
}

export function decodeCart(text: string | null | undefined): Cart {
  const cart: Cart = {}
  for (const part of (text ?? '').split(',')) {
    const match = /^([A-Za-z0-9-]+)\*(\d+)$/.exec(part.trim())
    if (!match) continue
    const q = Number(match[2])
    if (q >= 1 && q <= MAX_PER_DISH) cart[match[1]] = q
  }
  return cart
}

/**
 * The same order on another slot's menu (再来一单, 改订下一餐, another day tab): dishes are per menu,
 * so they are matched by name; what that menu lacks or has sold out is listed as missing.
 */
export function carryCart(cart: Cart, from: readonly DishView[], to: readonly DishView[]): { cart: Cart; missing: string[] } {
  return carryByName(from.filter((d) => (cart[d.id] ?? 0) > 0).map((d) => ({ name: d.name, quantity: cart[d.id] })), to)
}

export function carryByName(items: readonly { name: string; quantity: number }[], to: readonly DishView[]): { cart: Cart; missing: string[] } {
  let next: Cart = {}
  const missing: string[] = []
  for (const item of items) {
    const dish = to.find((d) => d.name === item.name)
    if (!dish || maxFor(dish) === 0) {
      missing.push(item.name)
      continue
    }
    next = setQuantity(next, dish, item.quantity)
  }
  return { cart: next, missing }
}
