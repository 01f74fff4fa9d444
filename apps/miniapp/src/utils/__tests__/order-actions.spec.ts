import { ORDER_STATUSES, type OrderStatus, canTransition } from '@carecircle/shared'
import { cancelConfirmText, cancelCost, familyActions, operatorActions, staffActions } from '../order-actions'

describe('familyActions (from the shared state machine)', () => {
  it.each<[OrderStatus, boolean, boolean, boolean]>([
    // status, cancel, rate, orderAgain
    ['created', true, false, false],
    ['dispatching', true, false, false],
    ['offered', true, false, false],
    ['escalated', true, false, false],
    ['accepted', true, false, false],
    ['en_route', true, false, false],
    ['in_service', false, false, false],
    ['completed', false, true, true],
    ['rated', false, false, true],
    ['cancelled', false, false, true],
  ])('%s → cancel %s, rate %s, 再来一单 %s', (status, cancel, rate, orderAgain) => {
    expect(familyActions(status)).toEqual({ cancel, rate, orderAgain })
  })

  it('never shows a button the server would refuse', () => {
    for (const status of ORDER_STATUSES) {
      const a = familyActions(status)
      expect(a.cancel).toBe(canTransition(status, 'cancelled', 'family'))
      expect(a.rate).toBe(canTransition(status, 'rated', 'family'))
    }
  })
})

describe('cancelling', () => {
  it('is free until a staff member accepts', () => {
    expect(cancelCost('created')).toBe('free')
    expect(cancelCost('offered')).toBe('free')
    expect(cancelCost('escalated')).toBe('free')
    expect(cancelCost('accepted')).toBe('after-accept')
    expect(cancelCost('en_route')).toBe('after-departure')
  })

  it('says in the confirm dialog whether it is free', () => {
    expect(cancelConfirmText('dispatching')).toContain('免费')
    expect(cancelConfirmText('accepted')).toContain('取消费')
    expect(cancelConfirmText('accepted')).not.toContain('免费')
    expect(cancelConfirmText('en_route')).toContain('取消费')
  })
})

describe('staffActions', () => {
  it('offers 出发 and 到达签到 once accepted, 到达签到 on the way, 完成签退 in service, nothing after', () => {
    expect(staffActions('accepted').map((a) => a.label)).toEqual(['出发', '到达签到'])
    expect(staffActions('en_route').map((a) => a.label)).toEqual(['到达签到'])
    expect(staffActions('in_service')).toEqual([{ to: 'completed', label: '完成签退' }])
    expect(staffActions('completed')).toEqual([])
    expect(staffActions('cancelled')).toEqual([])
  })

  it('leaves accepting to the offer card', () => {
    expect(staffActions('offered')).toEqual([])
  })
})

describe('operatorActions', () => {
  it('lets the operator assign or re-dispatch an escalated order, and assign one still searching', () => {
    expect(operatorActions('escalated')).toEqual({ assign: true, redispatch: true })
    expect(operatorActions('dispatching')).toEqual({ assign: true, redispatch: false })
    expect(operatorActions('accepted')).toEqual({ assign: false, redispatch: false })
  })
})
