import { ORDER_TIMELINE, type OrderEventView, type OrderStatus } from '@carecircle/shared'

export type StepState = 'done' | 'current' | 'todo'

export interface TimelineStep {
  status: OrderStatus
  label: string
  state: StepState
  /** When it happened (the last time the order entered this status); null if not (yet) or skipped. */
  at: string | null
  note: string | null
}

/** The family's words for each step (UX: 已下单 → 已接单 → 服务人员出发 → 已到达 → 服务完成). */
const STEP_LABELS: Partial<Record<OrderStatus, string>> = {
  created: '已下单',
  accepted: '已接单',
  en_route: '服务人员出发',
  in_service: '已到达',
  completed: '服务完成',
  rated: '已评价',
  cancelled: '已取消',
}

/** The next step, while it has not happened yet: what the family is waiting for. */
const PENDING_LABELS: Partial<Record<OrderStatus, string>> = {
  accepted: '等待接单',
  en_route: '等待出发',
  in_service: '等待到达',
  completed: '服务中',
}

/** What the family is waiting for while nobody has accepted yet. */
export function waitingNote(status: OrderStatus): string | null {
  if (status === 'awaiting_elder') return '已请老人确认，老人确认后再为您联系服务人员'
  if (status === 'created' || status === 'dispatching' || status === 'offered') return '正在为您联系附近的服务人员'
  if (status === 'escalated') return '附近暂时没有空闲的服务人员，街道工作人员正在为您人工派单'
  return null
}

/** Searching (派单中, 等待接单, 人工派单) all sit at the first step. */
function stepIndex(status: OrderStatus): number {
  const i = ORDER_TIMELINE.indexOf(status)
  return i >= 0 ? i : status === 'cancelled' ? -1 : 0
}

function lastEvent(events: readonly OrderEventView[], status: OrderStatus): OrderEventView | null {
  for (let i = events.length - 1; i >= 0; i--) if (events[i].status === status) return events[i]
  return null
}

function firstOrdered(events: readonly OrderEventView[]): OrderEventView | null {
  return events.find((e) => e.status === 'awaiting_elder' || e.status === 'created') ?? null
}

export function buildTimeline(order: { status: OrderStatus; events: readonly OrderEventView[] }): TimelineStep[] {
  const reached = Math.max(stepIndex(order.status), ...order.events.map((e) => stepIndex(e.status)))
  const cancelled = order.status === 'cancelled'
  // 已评价 appears only once rated; the five steps before it are the journey.
  const steps = ORDER_TIMELINE.filter((s) => s !== 'rated' || order.status === 'rated')
  const result: TimelineStep[] = []
  steps.forEach((status, i) => {
    if (cancelled && i > reached) return
    // 已下单 is when the family ordered, even if the elder confirmed later (a second `created`).
    const event = status === 'created' ? firstOrdered(order.events) : lastEvent(order.events, status)
    const state: StepState = i <= reached ? 'done' : i === reached + 1 && !cancelled ? 'current' : 'todo'
    result.push({
      status,
      label: (state === 'current' ? PENDING_LABELS[status] : undefined) ?? STEP_LABELS[status] ?? status,
      state,
      at: state === 'done' ? event?.at ?? null : null,
      note: state === 'done' ? event?.note ?? null : null,
    })
  })
  if (cancelled) {
    const event = lastEvent(order.events, 'cancelled')
    result.push({ status: 'cancelled', label: STEP_LABELS.cancelled as string, state: 'done', at: event?.at ?? null, note: event?.note ?? null })
  }
  return result
}
