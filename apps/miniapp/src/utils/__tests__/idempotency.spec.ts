import type { CreateOrderInput, OrderView } from '@carecircle/shared'
import Taro from '@tarojs/taro'
import { ApiError, NETWORK_ERROR } from '../../services/api-error'
import { createOrder } from '../../services/orders'
import { tokenStore } from '../../services/storage'
import { IDEMPOTENCY_KEY_PATTERN, createIdempotentSubmitter, newIdempotencyKey } from '../idempotency'

const request = Taro.request as unknown as jest.Mock

const input: CreateOrderInput = { elderId: '7b0c1f57-3c56-4c4e-9f0e-0a8f1b2c3d4e', serviceCode: 'cleaning' }
const order = { id: 'o1', status: 'created', serviceName: '助洁', elderName: '王建国', price: { priceFen: 8000, subsidyFen: 800, payFen: 7200, subsidyNote: '政府补贴' }, events: [] } as unknown as OrderView

describe('newIdempotencyKey', () => {
  it('makes keys the server accepts, different every time', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newIdempotencyKey()))
    expect(keys.size).toBe(200)
    for (const key of keys) expect(key).toMatch(IDEMPOTENCY_KEY_PATTERN)
  })
})

describe('createIdempotentSubmitter', () => {
  it('reuses the same key when the same order is submitted again after a failure', async () => {
    const send = jest.fn<Promise<OrderView>, [CreateOrderInput, string]>()
    send.mockRejectedValueOnce(ApiError.network()).mockResolvedValueOnce(order)
    const submitter = createIdempotentSubmitter(send)

    await expect(submitter.submit(input)).rejects.toMatchObject({ error: NETWORK_ERROR })
    await expect(submitter.submit(input)).resolves.toBe(order)

    expect(send).toHaveBeenCalledTimes(2)
    expect(send.mock.calls[0][1]).toBe(send.mock.calls[1][1])
    expect(send.mock.calls[0][1]).toBe(submitter.key)
  })

  it('does not send again once the order is placed (a double tap after success)', async () => {
    const send = jest.fn().mockResolvedValue(order)
    const submitter = createIdempotentSubmitter(send)
    await submitter.submit(input)
    await expect(submitter.submit(input)).resolves.toBe(order)
    expect(send).toHaveBeenCalledTimes(1)
  })

  it('starts a new key for a new order', async () => {
    let n = 0
    const send = jest.fn().mockResolvedValue(order)
    const submitter = createIdempotentSubmitter(send, () => `key-000${++n}`)
    await submitter.submit(input)
    submitter.reset()
    await submitter.submit(input)
    expect(send.mock.calls.map((c) => c[1])).toEqual(['key-0001', 'key-0002'])
  })
})

describe('createOrder with a submitter, over the real request pipeline', () => {
  beforeEach(() => {
    ;(Taro as unknown as { __resetStorage: () => void }).__resetStorage()
    tokenStore.save({ accessToken: 'access-1', refreshToken: 'refresh-1' })
  })

  it('sends the Idempotency-Key header, and the same one on the retry after a lost response', async () => {
    request
      .mockRejectedValueOnce(new Error('request:fail timeout'))
      .mockResolvedValueOnce({ statusCode: 200, data: order, header: { 'Idempotent-Replayed': 'true' } })
    const submitter = createIdempotentSubmitter(createOrder)

    await expect(submitter.submit(input)).rejects.toMatchObject({ error: NETWORK_ERROR })
    await expect(submitter.submit(input)).resolves.toEqual(order)

    const headers = request.mock.calls.map((c) => (c[0] as { header: Record<string, string> }).header)
    expect(headers).toHaveLength(2)
    expect(headers[0]['Idempotency-Key']).toMatch(IDEMPOTENCY_KEY_PATTERN)
    expect(headers[1]['Idempotency-Key']).toBe(headers[0]['Idempotency-Key'])
    expect(headers[1].Authorization).toBe('Bearer access-1')
    expect(request.mock.calls[0][0]).toMatchObject({ url: 'https://api.test/api/orders', method: 'POST', data: input })
  })
})
