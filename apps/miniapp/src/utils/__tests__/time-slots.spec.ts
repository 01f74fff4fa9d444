import { buildSlotDays, findSlot, formatDuration, formatEventTime, formatWindow, slotHours } from '../time-slots'

// Shanghai wall-clock times (UTC+8): the logic works on Shanghai's clock, whatever zone the phone or test machine is in.
const at = (d: number, h: number, m = 0) => new Date(Date.UTC(2026, 10, d, h - 8, m))

describe('buildSlotDays', () => {
  it('offers a week of days, labelled 今天 / 明天 / 后天 then by weekday', () => {
    const days = buildSlotDays(at(27, 7), 120)
    expect(days).toHaveLength(7)
    expect(days.map((d) => d.label.split(' ')[0]).slice(0, 4)).toEqual(['今天', '明天', '后天', '周一'])
    expect(days[0].label).toBe('今天 11/27')
    expect(days[0].key).toBe('2026-11-27')
  })

  it('greys out windows that have begun (已过) or start within the hour (来不及), with the reason', () => {
    const [today, tomorrow] = buildSlotDays(at(27, 9, 30), 120)
    expect(today.slots.map((s) => [s.label, s.available, s.reason])).toEqual([
      ['08:00–10:00', false, '已过'],
      ['10:00–12:00', false, '来不及'],
      ['14:00–16:00', true, null],
      ['16:00–18:00', true, null],
    ])
    expect(tomorrow.slots.every((s) => s.available)).toBe(true)
  })

  it('marks a day with nothing left as unavailable', () => {
    const [today, tomorrow] = buildSlotDays(at(27, 17), 60)
    expect(today.available).toBe(false)
    expect(tomorrow.available).toBe(true)
  })

  it('makes each window long enough for the service (the server refuses a shorter one)', () => {
    expect(slotHours(60)).toBe(2)
    expect(slotHours(120)).toBe(2)
    expect(slotHours(180)).toBe(3)
    const [, tomorrow] = buildSlotDays(at(27, 7), 180)
    expect(tomorrow.slots[0].label).toBe('08:00–11:00')
    expect(tomorrow.slots[0].end.getTime() - tomorrow.slots[0].start.getTime()).toBe(3 * 3600_000)
  })

  it('finds a slot by key across days', () => {
    const days = buildSlotDays(at(27, 7), 120)
    const key = days[1].slots[2].key
    expect(findSlot(days, key)?.start).toEqual(at(28, 14))
    expect(findSlot(days, 'nope')).toBeNull()
    expect(findSlot(days, null)).toBeNull()
  })
})

describe('formatWindow', () => {
  it('says 尽快上门 without a window and names near days in words', () => {
    const now = at(27, 9)
    expect(formatWindow(null, null, now)).toBe('尽快上门')
    expect(formatWindow(at(27, 14).toISOString(), at(27, 16).toISOString(), now)).toBe('今天 14:00–16:00')
    expect(formatWindow(at(28, 8).toISOString(), at(28, 10).toISOString(), now)).toBe('明天 08:00–10:00')
    expect(formatWindow(at(30, 8).toISOString(), at(30, 10).toISOString(), now)).toBe('11月30日 08:00–10:00')
  })
})

describe('formatEventTime', () => {
  it('shows only the time for today and the date otherwise', () => {
    expect(formatEventTime(at(27, 9, 5).toISOString(), at(27, 12))).toBe('09:05')
    expect(formatEventTime(at(26, 18, 40).toISOString(), at(27, 12))).toBe('11月26日 18:40')
  })
})

describe('Shanghai clock', () => {
  it('counts days and windows on Shanghai’s calendar, not UTC’s: at 07:00 Shanghai it is still yesterday in UTC', () => {
    const days = buildSlotDays(at(27, 7), 120)
    expect(days[0].key).toBe('2026-11-27')
    expect(days[0].slots[0].start.toISOString()).toBe('2026-11-27T00:00:00.000Z')
    expect(formatEventTime('2026-11-26T23:30:00Z', at(27, 9))).toBe('07:30')
  })
})

describe('formatDuration', () => {
  it('says how long in minutes or half hours', () => {
    expect(formatDuration(45)).toBe('约 45 分钟')
    expect(formatDuration(60)).toBe('约 1 小时')
    expect(formatDuration(90)).toBe('约 1.5 小时')
    expect(formatDuration(180)).toBe('约 3 小时')
  })
})
