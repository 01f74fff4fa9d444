import { formatChildAge, greeting, isYmd, todayYmd } from '../dates'

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

  it('gives today in local time as YYYY-MM-DD', () => {
    expect(todayYmd(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05')
  })

  it('greets by the hour', () => {
    expect(greeting(8)).toBe('早上好')
    expect(greeting(12)).toBe('中午好')
    expect(greeting(15)).toBe('下午好')
    expect(greeting(20)).toBe('晚上好')
  })
})
