import { ACTIVE_JOB_STATUSES, type OrderStatus, transitionsFrom } from '@carecircle/shared'

/**
 * Which buttons each side sees for an order, read from the shared state machine (the server
 * enforces the same table), so a button never offers a move the server would refuse.
 */
export interface FamilyActions {
  cancel: boolean
  rate: boolean
  /** 再来一单: once the order is over, order the same service for the same elder. */
  orderAgain: boolean
}

export function familyActions(status: OrderStatus): FamilyActions {
  const moves = transitionsFrom(status, 'family')
  return {
    cancel: moves.some((t) => t.to === 'cancelled'),
    rate: moves.some((t) => t.to === 'rated'),
    orderAgain: status === 'completed' || status === 'rated' || status === 'cancelled',
  }
}

/** What cancelling costs now: free until a staff member accepts, then per the provider's policy. */
export type CancelCost = 'free' | 'after-accept' | 'after-departure'

export function cancelCost(status: OrderStatus): CancelCost {
  if (!ACTIVE_JOB_STATUSES.includes(status)) return 'free'
  return status === 'accepted' ? 'after-accept' : 'after-departure'
}

/** The confirm dialog's words: says plainly whether cancelling is free. */
export function cancelConfirmText(status: OrderStatus): string {
  switch (cancelCost(status)) {
    case 'free':
      return '服务人员还没有接单，现在取消免费。确定取消吗？'
    case 'after-accept':
      return '服务人员已接单，现在取消可能按服务机构的规定收取取消费。确定取消吗？'
    case 'after-departure':
      return '服务人员已出发，现在取消将按服务机构的规定收取一部分费用作为取消费。确定取消吗？'
  }
}

export interface StaffAction {
  to: OrderStatus
  label: string
}

/**
 * The staff member's next steps on a job they hold (出发 / 到达签到 / 完成签退). Accepting is done
 * from the offer, not here.
 */
export function staffActions(status: OrderStatus): StaffAction[] {
  return transitionsFrom(status, 'staff')
    .filter((t) => t.to !== 'accepted' && t.action)
    .map((t) => ({ to: t.to, label: t.action as string }))
}

export interface OperatorActions {
  assign: boolean
  redispatch: boolean
}

export function operatorActions(status: OrderStatus): OperatorActions {
  const moves = transitionsFrom(status, 'operator')
  return {
    assign: moves.some((t) => t.to === 'accepted'),
    redispatch: moves.some((t) => t.to === 'dispatching'),
  }
}
