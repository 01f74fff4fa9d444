import { formatCountdown, isRunningOut, secondsLeft } from '../countdown'

describe('offer countdown', () => {
  const expiresAt = '2026-11-27T02:01:00.000Z'
  const base = new Date('2026-11-27T02:00:00.000Z').getTime()

  it('counts whole seconds left, rounding up, never below zero', () => {
    expect(secondsLeft(expiresAt, base)).toBe(60)
    expect(secondsLeft(expiresAt, base + 59_100)).toBe(1)
    expect(secondsLeft(expiresAt, base + 60_000)).toBe(0)
    expect(secondsLeft(expiresAt, base + 90_000)).toBe(0)
    expect(secondsLeft('not a date', base)).toBe(0)
  })

  it('reads as words: seconds, minutes and seconds, or 已超时', () => {
    expect(formatCountdown(45)).toBe('45 秒')
    expect(formatCountdown(60)).toBe('1 分钟')
    expect(formatCountdown(65)).toBe('1 分 05 秒')
    expect(formatCountdown(0)).toBe('已超时')
    expect(formatCountdown(-3)).toBe('已超时')
  })

  it('flags the last 15 seconds', () => {
    expect(isRunningOut(16)).toBe(false)
    expect(isRunningOut(15)).toBe(true)
    expect(isRunningOut(0)).toBe(false)
  })
})
