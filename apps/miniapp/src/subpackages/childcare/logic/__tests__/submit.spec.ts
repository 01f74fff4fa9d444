import type { EnrolInput, EnrolResultView } from '@carecircle/shared'
import Taro from '@tarojs/taro'
import { ApiError, NETWORK_ERROR } from '../../../../services/api-error'
import { enrol } from '../../../../services/childcare'
import { tokenStore } from '../../../../services/storage'
import { IDEMPOTENCY_KEY_PATTERN } from '../../../../utils/idempotency'
import { createEnrolSubmitter, enrolProblem } from '../submit'

const request = Taro.request as unknown as jest.Mock

const input: EnrolInput = { childId: '3f1c0d8e-5b8a-4c61-9a43-2b7d7f0a1e11', classId: '9d6a4c2e-1f3b-4e5d-8c7a-6b5a4d3c2b1a', careType: 'full_day', startMonth: '2026-06' }
const enrolled = { enrolment: { id: 'e1' }, waitlist: null } as unknown as EnrolResultView
const waitlisted = { enrolment: null, waitlist: { id: 'w1', position: 2 } } as unknown as EnrolResultView

const full = new ApiError({ statusCode: 409, error: 'CHILDCARE.CLASS_FULL', message: '托小班已满，可以加入轮候', details: { canWaitlist: true } })

function keys(send: jest.Mock): string[] {
  return send.mock.calls.map((c) => c[1] as string)
}

describe('createEnrolSubmitter (one Idempotency-Key per booking, reused on retry)', () => {
  it('reuses the key when the same booking is retried after a lost answer', async () => {
    const send = jest.fn().mockRejectedValueOnce(ApiError.network()).mockResolvedValueOnce(enrolled)
    const submitter = createEnrolSubmitter(send, () => 'key-00000001')
    await expect(submitter.submit(input)).rejects.toMatchObject({ error: NETWORK_ERROR })
    await expect(submitter.submit({ ...input })).resolves.toBe(enrolled)
    expect(keys(send)).toEqual(['key-00000001', 'key-00000001'])
  })

  it('keeps the key after a lost answer even when the form changed (the server then says KEY_REUSED)', async () => {
    let n = 0
    const send = jest.fn().mockRejectedValueOnce(ApiError.network()).mockResolvedValueOnce(enrolled)
    const submitter = createEnrolSubmitter(send, () => `key-0000000${++n}`)
    await expect(submitter.submit(input)).rejects.toBeTruthy()
    await submitter.submit({ ...input, startMonth: '2026-07' })
    expect(keys(send)).toEqual(['key-00000001', 'key-00000001'])
  })

  it('takes a new key for 加入轮候 after the server said the class is full', async () => {
    let n = 0
    const send = jest.fn().mockRejectedValueOnce(full).mockResolvedValueOnce(waitlisted)
    const submitter = createEnrolSubmitter(send, () => `key-0000000${++n}`)
    await expect(submitter.submit(input)).rejects.toBe(full)
    await expect(submitter.submit({ ...input, waitlistIfFull: true, priorityFacts: ['multi_child'] })).resolves.toBe(waitlisted)
    expect(keys(send)).toEqual(['key-00000001', 'key-00000002'])
  })

  it('takes a new key when only the evidence note changed after the server refused it', async () => {
    let n = 0
    const noEvidence = new ApiError({ statusCode: 400, error: 'VALIDATION_FAILED', message: '请为「多孩家庭」写明证明', details: { fields: [{ field: 'priorityEvidence', message: '「多孩家庭」缺少证明说明' }] } })
    const send = jest.fn().mockRejectedValueOnce(noEvidence).mockResolvedValueOnce(waitlisted)
    const submitter = createEnrolSubmitter(send, () => `key-0000000${++n}`)
    const waiting = { ...input, waitlistIfFull: true, priorityFacts: ['multi_child'] }
    await expect(submitter.submit({ ...waiting, priorityEvidence: [{ fact: 'multi_child', note: '户口簿' }] })).rejects.toBe(noEvidence)
    await expect(submitter.submit({ ...waiting, priorityEvidence: [{ fact: 'multi_child', note: '户口簿：另有一名 2021 年出生的孩子' }] })).resolves.toBe(waitlisted)
    expect(keys(send)).toEqual(['key-00000001', 'key-00000002'])
  })

  it('keeps the key when the refused booking is sent again unchanged', async () => {
    let n = 0
    const send = jest.fn().mockRejectedValueOnce(full).mockResolvedValueOnce(enrolled)
    const submitter = createEnrolSubmitter(send, () => `key-0000000${++n}`)
    await expect(submitter.submit(input)).rejects.toBe(full)
    await submitter.submit(input)
    expect(keys(send)).toEqual(['key-00000001', 'key-00000001'])
  })

  it('does not send again after success (a double tap), whatever order the facts were ticked in', async () => {
    const send = jest.fn().mockResolvedValue(waitlisted)
    const submitter = createEnrolSubmitter(send)
    const a = { ...input, waitlistIfFull: true, priorityFacts: ['multi_child', 'dual_working'] }
    await submitter.submit(a)
    await expect(submitter.submit({ ...a, priorityFacts: ['dual_working', 'multi_child'] })).resolves.toBe(waitlisted)
    expect(send).toHaveBeenCalledTimes(1)
  })
})

describe('enrol over the real request pipeline', () => {
  beforeEach(() => {
    ;(Taro as unknown as { __resetStorage: () => void }).__resetStorage()
    tokenStore.save({ accessToken: 'access-1', refreshToken: 'refresh-1' })
  })

  it('sends the Idempotency-Key header, and the same one on the retry after a timeout', async () => {
    request.mockRejectedValueOnce(new Error('request:fail timeout')).mockResolvedValueOnce({ statusCode: 201, data: enrolled })
    const submitter = createEnrolSubmitter(enrol)
    await expect(submitter.submit(input)).rejects.toMatchObject({ error: NETWORK_ERROR })
    await expect(submitter.submit(input)).resolves.toEqual(enrolled)
    const headers = request.mock.calls.map((c) => (c[0] as { header: Record<string, string> }).header)
    expect(headers[0]['Idempotency-Key']).toMatch(IDEMPOTENCY_KEY_PATTERN)
    expect(headers[1]['Idempotency-Key']).toBe(headers[0]['Idempotency-Key'])
    expect(request.mock.calls[0][0]).toMatchObject({ url: 'https://api.test/api/childcare/enrolments', method: 'POST', data: input })
  })

  it('turns the server age refusal into its message and the class that fits', async () => {
    request.mockResolvedValueOnce({
      statusCode: 422,
      data: { statusCode: 422, error: 'CHILDCARE.AGE_DOES_NOT_FIT', message: '李小宝在 2026-06-01 为 18 个月，乳儿班收 6–12 个月的幼儿，应入托小班', details: { ageMonths: 18, suitableClass: 'toddler' } },
    })
    const err = await enrol(input, 'key-00000001').catch((e: unknown) => e)
    expect(enrolProblem(err)).toEqual({
      kind: 'age',
      message: '李小宝在 2026-06-01 为 18 个月，乳儿班收 6–12 个月的幼儿，应入托小班',
      suitableClass: 'toddler',
      suitableLabel: '托小班',
    })
  })
})

describe('enrolProblem', () => {
  it('tells a full class that takes a waitlist from a full day that does not', () => {
    expect(enrolProblem(full)).toEqual({ kind: 'full', message: '托小班已满，可以加入轮候', canWaitlist: true })
    const day = new ApiError({ statusCode: 409, error: 'CHILDCARE.CLASS_FULL', message: '2026-05-22 托小班已约满', details: { canWaitlist: false } })
    expect(enrolProblem(day)).toMatchObject({ kind: 'full', canWaitlist: false })
  })

  it('recognises an existing place and a booking that may already have gone through', () => {
    expect(enrolProblem(new ApiError({ statusCode: 409, error: 'CHILDCARE.ALREADY_ENROLLED', message: '李小宝已有按月托位，如需换班请先退托' }))).toEqual({
      kind: 'already',
      message: '李小宝已有按月托位，如需换班请先退托',
    })
    expect(enrolProblem(new ApiError({ statusCode: 409, error: 'ORDER.IDEMPOTENCY_KEY_REUSED', message: 'x' })).kind).toBe('maybe-done')
    expect(enrolProblem(ApiError.network())).toEqual({ kind: 'other', message: '网络连接失败，请检查网络后重试' })
  })
})
