import { formatChildAge, formatDateCn, formatDateTimeCn, formatFullDateTimeCn, greeting, isYmd, shanghaiHour, todayYmd } from '../dates'

describe('dates', () => {
  it('formats a child age in months the way parents say it', () => {
    expect(formatChildAge(0)).toBe('不满1个月')
    expect(formatChildAge(8)).toBe('8个月')
    expect(formatChildAge(12)).toBe('1岁')
    expect(formatChildAge(15)).toBe('1岁3个月')
  })

  it('recognises real calendar dates only', () => {
    expect(isYmd('2024-02-29')).toBe(true)
    expect(isYmd('2023-02-29')).toBe(false)
    expect(isYmd('2024-2-1')).toBe(false)
  })

  it('gives today on Shanghai’s calendar as YYYY-MM-DD, whatever zone the device is in', () => {
    expect(todayYmd(new Date('2026-01-05T15:30:00Z'))).toBe('2026-01-05')
    expect(todayYmd(new Date('2026-01-05T16:30:00Z'))).toBe('2026-01-06')
  })

  it('shows instants on Shanghai’s clock', () => {
    expect(formatDateTimeCn('2026-11-30T16:05:00Z')).toBe('12月1日 00:05')
    expect(formatDateCn('2026-12-31T17:00:00Z')).toBe('2027年1月1日')
    expect(formatFullDateTimeCn('2026-11-27T08:05:00Z')).toBe('2026年11月27日 16:05')
    expect(shanghaiHour(new Date('2026-11-27T00:30:00Z'))).toBe(8)
    expect(formatDateTimeCn('not a date')).toBe('not a date')
  })

  it('greets by the hour', () => {
    expect(greeting(8)).toBe('早上好')
    expect(greeting(12)).toBe('中午好')
    expect(greeting(15)).toBe('下午好')
    expect(greeting(20)).toBe('晚上好')
  })
})
