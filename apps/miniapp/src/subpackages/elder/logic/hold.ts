/**
 * 一键呼叫 is press-and-hold: a brush of the hand (or a tap) must not call anyone. Holding for
 * HOLD_MS fills the ring and calls; letting go earlier does nothing but show how to do it.
 */
export const HOLD_MS = 2000

export type HoldState =
  | { kind: 'idle'; /** The last press was let go too early: say "请按住不放". */ tooShort: boolean }
  | { kind: 'holding'; startedAt: number; progress: number }
  | { kind: 'fired'; at: number }

export type HoldEvent =
  | { type: 'press'; at: number }
  | { type: 'release'; at: number }
  | { type: 'tick'; at: number }
  | { type: 'reset' }

export const HOLD_IDLE: HoldState = { kind: 'idle', tooShort: false }

export function holdReducer(state: HoldState, event: HoldEvent, holdMs: number = HOLD_MS): HoldState {
  if (event.type === 'reset') return HOLD_IDLE
  switch (state.kind) {
    case 'idle':
      return event.type === 'press' ? { kind: 'holding', startedAt: event.at, progress: 0 } : state
    case 'holding': {
      if (event.type === 'press') return state
      const held = event.at - state.startedAt
      if (held >= holdMs) return { kind: 'fired', at: event.at }
      if (event.type === 'release') return { kind: 'idle', tooShort: true }
      return { ...state, progress: Math.max(0, held / holdMs) }
    }
    case 'fired':
      // Only a reset (after the call is made or failed) arms the button again.
      return state
  }
}

export interface HoldTimers {
  now: () => number
  setInterval: (fn: () => void, ms: number) => unknown
  clearInterval: (id: unknown) => void
}

const realTimers: HoldTimers = {
  now: () => Date.now(),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (id) => clearInterval(id as ReturnType<typeof setInterval>),
}

/**
 * Drives the reducer with a ticking clock while the finger is down: `onChange` gets every state
 * (to draw the ring), `onFire` is called exactly once when the hold completes.
 */
export class HoldController {
  private state: HoldState = HOLD_IDLE
  private timer: unknown = null

  constructor(
    private readonly onChange: (state: HoldState) => void,
    private readonly onFire: () => void,
    private readonly holdMs: number = HOLD_MS,
    private readonly timers: HoldTimers = realTimers,
    private readonly tickMs = 50,
  ) {}

  get current(): HoldState {
    return this.state
  }

  press(): void {
    this.dispatch({ type: 'press', at: this.timers.now() })
    if (this.state.kind === 'holding' && this.timer === null) {
      this.timer = this.timers.setInterval(() => this.dispatch({ type: 'tick', at: this.timers.now() }), this.tickMs)
    }
  }

  release(): void {
    this.dispatch({ type: 'release', at: this.timers.now() })
  }

  reset(): void {
    this.dispatch({ type: 'reset' })
  }

  dispose(): void {
    this.stopTimer()
  }

  private dispatch(event: HoldEvent): void {
    const before = this.state
    const next = holdReducer(before, event, this.holdMs)
    if (next === before) return
    this.state = next
    if (next.kind !== 'holding') this.stopTimer()
    this.onChange(next)
    if (next.kind === 'fired' && before.kind !== 'fired') this.onFire()
  }

  private stopTimer(): void {
    if (this.timer !== null) {
      this.timers.clearInterval(this.timer)
      this.timer = null
    }
  }
}
