import Taro from '@tarojs/taro'
import type { CreateMealBookingInput, MealBookingView } from '@carecircle/shared'
import { createMealBooking } from '../../../../services/meals'
import { tokenStore } from '../../../../services/storage'
import { IDEMPOTENCY_KEY_PATTERN, createIdempotentSubmitter } from '../../../../utils/idempotency'
import { booking } from './fixtures'

type Stub = typeof Taro & { request: jest.Mock; __resetStorage: () => void }
const taro = Taro as Stub

const input: CreateMealBookingInput = { elderId: 'e1', slotId: 's1', mode: 'delivery', items: [{ dishId: 'd1', quantity: 2 }] }

beforeEach(() => {
  taro.__resetStorage()
  taro.request.mockReset()
  tokenStore.save({ accessToken: 'a1', refreshToken: 'r1' })
})

describe('one checkout, one Idempotency-Key', () => {
  it('sends the same key when the first try lost its response, and does not book again after success', async () => {
    taro.request
      .mockImplementationOnce(() => Promise.reject(new Error('request:fail timeout')))
      .mockImplementationOnce(() => Promise.resolve({ statusCode: 200, data: booking(), header: {}, errMsg: 'request:ok' }))
    const checkout = createIdempotentSubmitter<CreateMealBookingInput, MealBookingView>(createMealBooking)

    await expect(checkout.submit(input)).rejects.toMatchObject({ error: 'NETWORK' })
    await expect(checkout.submit(input)).resolves.toMatchObject({ id: 'b1', pickupCode: '306875' })
    await expect(checkout.submit(input)).resolves.toMatchObject({ id: 'b1' })

    expect(taro.request).toHaveBeenCalledTimes(2)
    const [first, second] = taro.request.mock.calls.map((c) => c[0])
    expect(first).toMatchObject({ url: 'https://api.test/api/meal-bookings', method: 'POST', data: input })
    expect(first.header['Idempotency-Key']).toMatch(IDEMPOTENCY_KEY_PATTERN)
    expect(second.header['Idempotency-Key']).toBe(first.header['Idempotency-Key'])
  })

  it('keeps the key across a refusal the family fixes (another way of eating), and a new checkout gets a new key', async () => {
    taro.request
      .mockImplementationOnce(() => Promise.resolve({ statusCode: 409, data: { statusCode: 409, error: 'MEAL.SLOT_FULL', message: '午餐送餐上门已订满', details: { next: null } }, header: {}, errMsg: 'request:ok' }))
      .mockImplementation(() => Promise.resolve({ statusCode: 201, data: booking({ mode: 'pickup' }), header: {}, errMsg: 'request:ok' }))
    const checkout = createIdempotentSubmitter<CreateMealBookingInput, MealBookingView>(createMealBooking)
    await expect(checkout.submit(input)).rejects.toMatchObject({ error: 'MEAL.SLOT_FULL', statusCode: 409 })
    await checkout.submit({ ...input, mode: 'pickup' })
    const next = createIdempotentSubmitter<CreateMealBookingInput, MealBookingView>(createMealBooking)
    await next.submit(input)

    const keys = taro.request.mock.calls.map((c) => c[0].header['Idempotency-Key'])
    expect(keys[1]).toBe(keys[0])
    expect(keys[2]).not.toBe(keys[0])
  })
})
