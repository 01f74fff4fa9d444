import { addDays, addMonths, dayLabel, dayOptions, durationOptions, endTimeOf, monthOptions, startTimeOptions, withHourlyCutoff } from '../calendar'

const xiaobao = { name: '李小宝', birthDate: '2025-05-18' }

describe('monthOptions (入托月份)', () => {
  it('offers this month and the next six, crossing the year', () => {
    const options = monthOptions('2026-11-20', xiaobao, 'toddler')
    expect(options.map((o) => o.value)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05'])
    expect(options.map((o) => o.label)).toEqual(['11月（本月）', '12月', '2027年1月', '2027年2月', '2027年3月', '2027年4月', '2027年5月'])
  })

  it('greys out the months whose 1st finds the child outside the band, with the reason', () => {
    // 李小宝 turns 24 months on 2027-05-18: on 2027-05-01 still 23, on 2027-06-01 24 (托大班).
    const toddler = monthOptions('2026-12-05', xiaobao, 'toddler')
    expect(toddler.filter((o) => o.disabled)).toEqual([{ value: '2027-06', label: '2027年6月', disabled: true, reason: '届时 24 个月，应入托大班' }])
    const preschool = monthOptions('2026-12-05', xiaobao, 'preschool')
    expect(preschool.filter((o) => !o.disabled).map((o) => o.value)).toEqual(['2027-06'])
    expect(preschool[0]).toMatchObject({ disabled: true, reason: '届时 18 个月，应入托小班' })
  })

  it('is all greyed out for a class the child cannot reach', () => {
    expect(monthOptions('2026-11-20', xiaobao, 'infant').every((o) => o.disabled)).toBe(true)
  })
})

describe('dayOptions (计时托 / 临时托)', () => {
  it('offers today and 13 more days with the weekday', () => {
    const days = dayOptions('2026-05-20', xiaobao, 'toddler')
    expect(days).toHaveLength(14)
    expect(days[0]).toEqual({ value: '2026-05-20', label: '今天 5月20日', disabled: false, reason: null })
    expect(days[1].label).toBe('明天 5月21日')
    expect(days[2].label).toBe('5月22日 周五')
    expect(days[13].value).toBe('2026-06-02')
  })

  it('greys out a day the server said is full', () => {
    const days = dayOptions('2026-05-20', xiaobao, 'toddler', ['2026-05-22'])
    expect(days[2]).toMatchObject({ disabled: true, reason: '已约满' })
  })

  it('greys out days the child is too young for', () => {
    const days = dayOptions('2026-08-01', { name: '赵小米', birthDate: '2026-02-09' }, 'infant')
    expect(days[0]).toMatchObject({ disabled: true, reason: '届时 5 个月，未满 6 个月' })
    expect(days.find((d) => d.value === '2026-08-09')).toMatchObject({ disabled: false })
  })
})

describe('hourly times', () => {
  it('greys out start times already past today, not on another day', () => {
    const today = startTimeOptions('2026-05-20', '2026-05-20', 10, 15)
    expect(today.filter((o) => o.disabled).map((o) => o.value)).toEqual(['08:00', '09:00', '10:00'])
    expect(today[0].reason).toBe('已过')
    expect(startTimeOptions('2026-05-21', '2026-05-20', 10, 15).some((o) => o.disabled)).toBe(false)
  })

  it('greys out today for 计时托 once the last start time has passed', () => {
    const days = dayOptions('2026-05-20', xiaobao, 'toddler')
    expect(withHourlyCutoff(days, '2026-05-20', 17, 5)[0]).toMatchObject({ disabled: true, reason: '今日时段已过' })
    expect(withHourlyCutoff(days, '2026-05-20', 16, 30)[0]).toMatchObject({ disabled: false })
    expect(withHourlyCutoff(days, '2026-05-20', 17, 5)[1]).toMatchObject({ disabled: false })
  })

  it('offers only start times and durations within the centre’s opening hours', () => {
    const opening = { openTime: '09:30', closeTime: '17:00' }
    const starts = startTimeOptions('2026-05-21', '2026-05-20', 10, 15, opening)
    expect(starts.map((o) => o.value)).toEqual(['10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00'])
    expect(startTimeOptions('2026-05-21', '2026-05-20', 10, 15, { openTime: '07:30', closeTime: '18:00' }).map((o) => o.value)[0]).toBe('08:00')
    expect(durationOptions('15:00', opening).map((o) => o.disabled)).toEqual([false, false, true, true])
    expect(durationOptions('15:00', opening)[2].reason).toBe('超过 17:00')
    const days = dayOptions('2026-05-20', xiaobao, 'toddler')
    expect(withHourlyCutoff(days, '2026-05-20', 16, 5, opening)[0]).toMatchObject({ disabled: true, reason: '今日时段已过' })
    expect(withHourlyCutoff(days, '2026-05-20', 16, 5)[0]).toMatchObject({ disabled: false })
  })

  it('does not run past closing', () => {
    expect(durationOptions('16:00').map((o) => o.disabled)).toEqual([false, false, true, true])
    expect(durationOptions('16:00')[2].reason).toBe('超过 18:00')
    expect(endTimeOf('09:00', 3)).toBe('12:00')
  })
})

describe('calendar arithmetic', () => {
  it('adds months and days across ends', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01')
    expect(addMonths('2026-01', 6)).toBe('2026-07')
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(dayLabel('2026-05-24')).toBe('5月24日 周日')
  })
})
