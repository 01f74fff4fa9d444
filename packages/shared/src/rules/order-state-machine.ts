export const OrderStatus = {
  /** Ordered by family for an elder who uses the app: waits for the elder's 确认 / 不需要. */
  AWAITING_ELDER: 'awaiting_elder',
  CREATED: 'created',
  DISPATCHING: 'dispatching',
  OFFERED: 'offered',
  ACCEPTED: 'accepted',
  EN_ROUTE: 'en_route',
  IN_SERVICE: 'in_service',
  COMPLETED: 'completed',
  RATED: 'rated',
  CANCELLED: 'cancelled',
  ESCALATED: 'escalated',
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];
export const ORDER_STATUSES: readonly OrderStatus[] = Object.values(OrderStatus);

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  awaiting_elder: '等待老人确认',
  created: '已下单',
  dispatching: '正在派单',
  offered: '等待接单',
  accepted: '已接单',
  en_route: '服务人员出发',
  in_service: '服务中',
  completed: '服务完成',
  rated: '已评价',
  cancelled: '已取消',
  escalated: '人工派单中',
};

/** Who moves an order: the family, the assigned staff member, the operator, or the dispatcher. */
export type OrderActor = 'family' | 'elder' | 'staff' | 'operator' | 'system';

export interface OrderTransition {
  from: OrderStatus;
  to: OrderStatus;
  by: OrderActor[];
  /** Button text where a person triggers it. */
  action?: string;
}

/** The only transitions that exist. The server enforces them; the apps show buttons from them. */
export const ORDER_TRANSITIONS: readonly OrderTransition[] = [
  { from: 'awaiting_elder', to: 'created', by: ['elder', 'system'], action: '确认' },
  { from: 'awaiting_elder', to: 'cancelled', by: ['elder'], action: '不需要' },
  { from: 'awaiting_elder', to: 'cancelled', by: ['family', 'operator', 'system'], action: '取消订单' },
  { from: 'created', to: 'dispatching', by: ['system'] },
  { from: 'created', to: 'cancelled', by: ['family', 'operator'], action: '取消订单' },
  { from: 'dispatching', to: 'offered', by: ['system'] },
  { from: 'dispatching', to: 'escalated', by: ['system'] },
  { from: 'dispatching', to: 'accepted', by: ['operator'], action: '指派' },
  { from: 'dispatching', to: 'cancelled', by: ['family', 'operator'], action: '取消订单' },
  { from: 'offered', to: 'accepted', by: ['staff', 'operator'], action: '接单' },
  { from: 'offered', to: 'dispatching', by: ['system'] },
  { from: 'offered', to: 'escalated', by: ['system'] },
  { from: 'offered', to: 'cancelled', by: ['family', 'operator'], action: '取消订单' },
  { from: 'escalated', to: 'accepted', by: ['operator'], action: '指派' },
  { from: 'escalated', to: 'dispatching', by: ['operator'], action: '重新派单' },
  { from: 'escalated', to: 'cancelled', by: ['family', 'operator'], action: '取消订单' },
  { from: 'accepted', to: 'en_route', by: ['staff'], action: '出发' },
  { from: 'accepted', to: 'in_service', by: ['staff'], action: '到达签到' },
  { from: 'accepted', to: 'cancelled', by: ['family', 'operator'], action: '取消订单' },
  { from: 'en_route', to: 'in_service', by: ['staff'], action: '到达签到' },
  { from: 'en_route', to: 'cancelled', by: ['family', 'operator'], action: '取消订单' },
  { from: 'in_service', to: 'completed', by: ['staff'], action: '完成签退' },
  { from: 'completed', to: 'rated', by: ['family'], action: '评价' },
];

export function canTransition(from: OrderStatus, to: OrderStatus, by: OrderActor): boolean {
  return ORDER_TRANSITIONS.some((t) => t.from === from && t.to === to && t.by.includes(by));
}

export function transitionsFrom(from: OrderStatus, by: OrderActor): OrderTransition[] {
  return ORDER_TRANSITIONS.filter((t) => t.from === from && t.by.includes(by));
}

/** Orders in these states hold a staff member's time. */
export const ACTIVE_JOB_STATUSES: readonly OrderStatus[] = ['accepted', 'en_route', 'in_service'];
export const FINAL_STATUSES: readonly OrderStatus[] = ['rated', 'cancelled'];

export function isFinal(status: OrderStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** The steps the family's timeline shows, in order (已下单 → 已接单 → 出发 → 到达 → 完成). */
export const ORDER_TIMELINE: readonly OrderStatus[] = ['created', 'accepted', 'en_route', 'in_service', 'completed', 'rated'];
