import type { SosView } from '@carecircle/shared'
import { formatDistance } from '@carecircle/shared'

/** What the 一键呼叫 screen shows after the call went out. */
export type SosPhase = 'cancel-window' | 'waiting' | 'answered' | 'escalated' | 'drill-done' | 'cancelled' | 'done' | 'job-cancelled'

/**
 * The end of the 10-second cancel window on this phone's clock. The server's own interval
 * (cancelUntil − createdAt) is counted from when its answer arrived, so a phone clock that is off
 * by minutes still shows 10, 9, 8 …
 */
export function cancelDeadline(sos: Pick<SosView, 'cancelUntil' | 'createdAt'>, receivedAtMs: number): number {
  const until = Date.parse(sos.cancelUntil)
  const created = Date.parse(sos.createdAt)
  if (Number.isNaN(until)) return receivedAtMs
  if (Number.isNaN(created)) return until
  return receivedAtMs + Math.max(0, until - created)
}

/** Whole seconds left to cancel (10 … 1), 0 once the window has passed. */
export function cancelSecondsLeft(deadlineMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((deadlineMs - nowMs) / 1000))
}

export function sosPhase(sos: Pick<SosView, 'status' | 'outcome'>, deadlineMs: number, nowMs: number): SosPhase {
  switch (sos.status) {
    case 'pending':
      return cancelSecondsLeft(deadlineMs, nowMs) > 0 ? 'cancel-window' : 'waiting'
    case 'dispatched':
      return 'waiting'
    case 'answered':
      return 'answered'
    case 'escalated':
      return 'escalated'
    case 'drill_done':
      return 'drill-done'
    case 'cancelled':
      return 'cancelled'
    // The emergency job ended: nobody is on the way any more.
    case 'closed':
      return sos.outcome === 'cancelled' ? 'job-cancelled' : 'done'
  }
}

/** Nothing more will change: polling stops. */
export function isSettled(phase: SosPhase): boolean {
  return phase === 'cancelled' || phase === 'drill-done' || phase === 'done' || phase === 'job-cancelled'
}

export interface SosWords {
  headline: string
  detail: string | null
}

/** The status screen in plain words: who is coming and how far, or who will phone. */
export function sosWords(sos: Pick<SosView, 'staffName' | 'staffDistanceMeters' | 'drill'>, phase: SosPhase, secondsLeft: number): SosWords {
  switch (phase) {
    case 'cancel-window':
      return {
        headline: sos.drill ? '演练：正在呼叫' : '正在呼叫',
        detail: `${secondsLeft} 秒后通知附近的服务人员和您的家人。按错了？请按下面的「取消呼叫」。`,
      }
    case 'waiting':
      return {
        headline: sos.drill ? '演练：已发出呼叫' : '已发出呼叫',
        detail: '已通知附近的服务人员和您的家人，正在等人接单。请留在原地，保持电话畅通。',
      }
    case 'answered':
      return {
        headline: `${sos.staffName ?? '服务人员'}正在赶来`,
        detail: sos.staffDistanceMeters !== null ? `离您还有 ${formatDistance(sos.staffDistanceMeters)}` : '已经出发，请保持电话畅通。',
      }
    case 'escalated':
      return { headline: '街道值班人员将电话联系您', detail: '附近暂时没有人接单，已通知街道值班人员，请留意来电。' }
    case 'drill-done':
      return { headline: '演练完成', detail: '已通知家人和街道值班，没有派出服务人员。' }
    case 'cancelled':
      return { headline: '已取消呼叫', detail: '没有通知任何人。需要帮助时，再按住红色按钮。' }
    case 'done':
      return { headline: '呼叫已结束', detail: `${sos.staffName ?? '服务人员'}已上门处理完毕。还需要帮助时，再按住红色按钮。` }
    case 'job-cancelled':
      return { headline: '呼叫已结束', detail: '这次呼叫的上门服务已取消，没有人正在赶来。还需要帮助时，再按住红色按钮。' }
  }
}
