import { ErrorCode } from '@carecircle/shared'
import { ApiError } from '../../../../services/api-error'
import { classifyBookingError, nextSlotSuggestion } from '../booking-errors'

const TODAY = '2026-11-27'

function refusal(error: string, message: string, details?: Record<string, unknown>) {
  return ApiError.fromResponse(409, { statusCode: 409, error, message, details })
}

describe('the next-slot suggestion of a refused booking', () => {
  it('reads details.next of a 409 MEAL.SLOT_FULL into 改订下一餐', () => {
    const err = refusal(ErrorCode.MEAL_SLOT_FULL, '午餐送餐上门已订满', { next: { slotId: 's2', date: '2026-11-28', period: 'dinner' } })
    expect(nextSlotSuggestion(err, TODAY)).toEqual({ slotId: 's2', date: '2026-11-28', period: 'dinner', label: '明天 11月28日 周六 晚餐' })
    expect(classifyBookingError(err, TODAY)).toMatchObject({ kind: 'slot', title: '这一餐已订满', message: '午餐送餐上门已订满', next: { slotId: 's2' } })
  })

  it('offers the next slot after a cut-off or a cancelled period too', () => {
    const late = refusal(ErrorCode.MEAL_CUTOFF_PASSED, '已过午餐的预订截止时间（10:00）', { next: { slotId: 's3', date: '2026-11-30', period: 'lunch' } })
    expect(classifyBookingError(late, TODAY)).toMatchObject({ kind: 'slot', title: '已过预订截止时间', next: { label: '11月30日 周一 午餐' } })
    expect(classifyBookingError(refusal(ErrorCode.MEAL_SLOT_CANCELLED, '食堂已取消这一餐：停水', { next: null }), TODAY)).toMatchObject({ kind: 'slot', next: null })
  })

  it('ignores a missing or malformed next', () => {
    expect(nextSlotSuggestion(refusal(ErrorCode.MEAL_SLOT_FULL, 'x'), TODAY)).toBeNull()
    expect(nextSlotSuggestion(refusal(ErrorCode.MEAL_SLOT_FULL, 'x', { next: { slotId: 's', date: '28/11', period: 'lunch' } }), TODAY)).toBeNull()
    expect(nextSlotSuggestion(refusal(ErrorCode.MEAL_SLOT_FULL, 'x', { next: { slotId: 's', date: '2026-11-28', period: 'breakfast' } }), TODAY)).toBeNull()
    expect(nextSlotSuggestion(new Error('x'), TODAY)).toBeNull()
  })
})

describe('other refusals', () => {
  it('tells sold-out dishes, out-of-range delivery and a reused key apart from the rest', () => {
    expect(classifyBookingError(refusal(ErrorCode.MEAL_DISH_SOLD_OUT, '「小米南瓜粥」已售罄或剩余份数不足', { dishId: 'd1' }), TODAY)).toEqual({ kind: 'sold_out', message: '「小米南瓜粥」已售罄或剩余份数不足', dishId: 'd1' })
    const far = ApiError.fromResponse(422, { statusCode: 422, error: ErrorCode.MEAL_OUT_OF_DELIVERY_RANGE, message: '超出 2000 米送餐范围，请选择堂食或自取' })
    expect(classifyBookingError(far, TODAY)).toMatchObject({ kind: 'out_of_range' })
    expect(classifyBookingError(refusal(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'x'), TODAY)).toMatchObject({ kind: 'maybe_booked' })
    expect(classifyBookingError(ApiError.network(), TODAY)).toEqual({ kind: 'other', message: '网络连接失败，请检查网络后重试' })
  })
})

describe('an elder the user may not order for', () => {
  it('says who can order instead of 「未找到该老人信息」', () => {
    const err = ApiError.fromResponse(404, { statusCode: 404, error: ErrorCode.ELDER_NOT_FOUND, message: '未找到该老人信息' })
    expect(classifyBookingError(err, TODAY)).toEqual({ kind: 'other', message: '只有老人所在家庭的成员可以为老人订餐，请让家人代订' })
  })
})

describe('a second booking of the same meal', () => {
  it('is its own problem, keeping the server’s message that names the first booking', () => {
    const err = refusal(ErrorCode.MEAL_ALREADY_BOOKED, '王建国已订了 2026-11-28 的午餐（幸福食堂，堂食，取餐码 123456），同一餐只能订一份；如需更改请先取消原订单', { existingBookingId: 'b1' })
    expect(classifyBookingError(err, TODAY)).toEqual({ kind: 'already_booked', message: err.message })
  })
})
