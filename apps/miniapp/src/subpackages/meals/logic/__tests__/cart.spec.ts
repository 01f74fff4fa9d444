import { cartClashes, cartCount, cartFoodFen, cartLines, carryCart, decodeCart, encodeCart, maxFor, setQuantity, toBookingItems } from '../cart'
import { dish } from './fixtures'

const fish = dish('d-fish', '清蒸鲈鱼套餐', 1800, { tags: ['low_salt'] })
const egg = dish('d-egg', '番茄炒蛋套餐', 1200, { clashes: ['低盐'] })
const porridge = dish('d-por', '小米南瓜粥', 400, { remaining: 2, clashes: ['低盐'] })
const menu = [fish, egg, porridge]

describe('the cart of one slot', () => {
  it('adds, changes and removes portions, 1–5 per dish and never more than the kitchen has left', () => {
    let cart = setQuantity({}, fish, 1)
    cart = setQuantity(cart, fish, 9)
    expect(cart).toEqual({ 'd-fish': 5 })
    expect(setQuantity(cart, porridge, 4)['d-por']).toBe(2)
    expect(setQuantity(cart, fish, 0)).toEqual({})
    expect(maxFor(dish('x', 'x', 1, { remaining: 0 }))).toBe(0)
  })

  it('lists the chosen dishes in menu order with subtotals, and totals the food', () => {
    const lines = cartLines({ 'd-por': 2, 'd-fish': 1, 'd-gone': 3 }, menu)
    expect(lines.map((l) => [l.dish.name, l.quantity, l.subtotalFen])).toEqual([
      ['清蒸鲈鱼套餐', 1, 1800],
      ['小米南瓜粥', 2, 800],
    ])
    expect(cartCount(lines)).toBe(3)
    expect(cartFoodFen(lines)).toBe(2600)
    expect(toBookingItems(lines)).toEqual([
      { dishId: 'd-fish', quantity: 1 },
      { dishId: 'd-por', quantity: 2 },
    ])
  })

  it('names the dishes that do not meet the elder’s dietary needs before confirming', () => {
    expect(cartClashes(cartLines({ 'd-fish': 1, 'd-egg': 1 }, menu))).toEqual([{ dishName: '番茄炒蛋套餐', needs: ['低盐'] }])
  })

  it('travels in a page URL and ignores anything malformed', () => {
    const cart = { 'd-fish': 2, 'd-egg': 1 }
    expect(decodeCart(encodeCart(cart))).toEqual(cart)
    expect(decodeCart('d-fish*0,d-egg*6,bad,,d-por*3')).toEqual({ 'd-por': 3 })
    expect(decodeCart(null)).toEqual({})
  })

  it('carries an order to another menu by dish name, listing what that menu lacks or has sold out', () => {
    const other = [dish('n-fish', '清蒸鲈鱼套餐', 1800), dish('n-por', '小米南瓜粥', 400, { remaining: 0 })]
    expect(carryCart({ 'd-fish': 2, 'd-egg': 1, 'd-por': 1 }, menu, other)).toEqual({ cart: { 'n-fish': 2 }, missing: ['番茄炒蛋套餐', '小米南瓜粥'] })
  })
})
