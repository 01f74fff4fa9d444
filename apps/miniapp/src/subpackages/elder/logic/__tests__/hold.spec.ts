import { HOLD_IDLE, HOLD_MS, HoldController, type HoldState, holdReducer } from '../hold'

describe('holdReducer', () => {
  it('does nothing but hint when let go before 2 s', () => {
    let s: HoldState = holdReducer(HOLD_IDLE, { type: 'press', at: 1000 })
    s = holdReducer(s, { type: 'tick', at: 2500 })
    expect(s).toEqual({ kind: 'holding', startedAt: 1000, progress: 0.75 })
    s = holdReducer(s, { type: 'release', at: 2999 })
    expect(s).toEqual({ kind: 'idle', tooShort: true })
  })

  it('fires once the hold reaches 2 s, whether a tick or the release notices it', () => {
    const held = holdReducer(HOLD_IDLE, { type: 'press', at: 0 })
    expect(holdReducer(held, { type: 'tick', at: HOLD_MS })).toEqual({ kind: 'fired', at: HOLD_MS })
    expect(holdReducer(held, { type: 'release', at: HOLD_MS + 5 })).toEqual({ kind: 'fired', at: HOLD_MS + 5 })
  })

  it('stays fired until reset: a second press or release cannot call again', () => {
    const fired: HoldState = { kind: 'fired', at: 2000 }
    expect(holdReducer(fired, { type: 'press', at: 3000 })).toBe(fired)
    expect(holdReducer(fired, { type: 'release', at: 3000 })).toBe(fired)
    expect(holdReducer(fired, { type: 'reset' })).toEqual(HOLD_IDLE)
  })
})

describe(HoldController.name, () => {
  let clock = 0
  const timers = {
    now: () => clock,
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms),
    clearInterval: (id: unknown) => clearInterval(id as ReturnType<typeof setInterval>),
  }
  const advance = (ms: number) => {
    for (let i = 0; i < ms; i += 10) {
      clock += 10
      jest.advanceTimersByTime(10)
    }
  }

  beforeEach(() => {
    jest.useFakeTimers()
    clock = 0
  })
  afterEach(() => jest.useRealTimers())

  it('a tap calls nobody', () => {
    const onFire = jest.fn()
    const c = new HoldController(() => undefined, onFire, HOLD_MS, timers)
    c.press()
    advance(150)
    c.release()
    advance(5000)
    expect(onFire).not.toHaveBeenCalled()
    expect(c.current).toEqual({ kind: 'idle', tooShort: true })
  })

  it('letting go at 1.9 s calls nobody', () => {
    const onFire = jest.fn()
    const c = new HoldController(() => undefined, onFire, HOLD_MS, timers)
    c.press()
    advance(1900)
    c.release()
    advance(3000)
    expect(onFire).not.toHaveBeenCalled()
  })

  it('holding 2 s calls exactly once, without waiting for the finger to lift', () => {
    const onFire = jest.fn()
    const states: HoldState[] = []
    const c = new HoldController((s) => states.push(s), onFire, HOLD_MS, timers)
    c.press()
    advance(1990)
    expect(onFire).not.toHaveBeenCalled()
    advance(60)
    expect(onFire).toHaveBeenCalledTimes(1)
    c.release()
    c.press()
    advance(3000)
    expect(onFire).toHaveBeenCalledTimes(1)
    // The ring filled on the way there.
    const progress = states.filter((s): s is Extract<HoldState, { kind: 'holding' }> => s.kind === 'holding').map((s) => s.progress)
    expect(progress[progress.length - 1]).toBeGreaterThan(0.95)
    expect([...progress].sort((a, b) => a - b)).toEqual(progress)
  })

  it('can be used again after a reset', () => {
    const onFire = jest.fn()
    const c = new HoldController(() => undefined, onFire, HOLD_MS, timers)
    c.press()
    advance(2100)
    c.reset()
    c.press()
    advance(2100)
    expect(onFire).toHaveBeenCalledTimes(2)
  })
})
