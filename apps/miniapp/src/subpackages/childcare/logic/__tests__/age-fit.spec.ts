import { ageFit, childClassText, mismatchReason, shortMismatch, whereInstead } from '../age-fit'
import { classAvailability } from '../calendar'

const xiaobao = { name: '李小宝', birthDate: '2025-05-18' }
const xiaomi = { name: '赵小米', birthDate: '2026-02-09' }

describe('ageFit (the shared rule the server checks with)', () => {
  it('counts whole months and finds the class that fits', () => {
    expect(ageFit(xiaobao, 'toddler', '2026-11-20')).toEqual({ fits: true, months: 18, suitable: 'toddler' })
    expect(ageFit(xiaobao, 'infant', '2026-11-20')).toEqual({ fits: false, months: 18, suitable: 'toddler' })
    // The day before the monthly birthday is still the month before.
    expect(ageFit(xiaomi, 'infant', '2026-08-08').months).toBe(5)
    expect(ageFit(xiaomi, 'infant', '2026-08-09')).toEqual({ fits: true, months: 6, suitable: 'infant' })
  })

  it('takes a full timestamp as a birth date too', () => {
    expect(ageFit({ name: 'x', birthDate: '2025-05-18T00:00:00.000Z' }, 'toddler', '2026-11-20').fits).toBe(true)
  })

  it('says where the child belongs instead, in the server words', () => {
    expect(whereInstead({ months: 18, suitable: 'toddler' })).toBe('应入托小班')
    expect(whereInstead({ months: 4, suitable: null })).toBe('未满 6 个月，暂不能入托')
    expect(whereInstead({ months: 37, suitable: null })).toBe('已满 3 周岁，超出托育年龄')
  })
})

describe('the disabled reason on a class that does not fit', () => {
  it('names the child, the age in months, the band and the class that fits', () => {
    expect(mismatchReason(xiaobao, 'infant', '2026-11-20')).toBe('李小宝现在 18 个月，乳儿班收 6–12 个月的幼儿，应入托小班')
    expect(mismatchReason(xiaobao, 'preschool', '2026-11-20')).toBe('李小宝现在 18 个月，托大班收 24–36 个月的幼儿，应入托小班')
    expect(mismatchReason(xiaobao, 'toddler', '2026-11-20')).toBeNull()
  })

  it('explains a baby too young and a child too old', () => {
    expect(mismatchReason(xiaomi, 'infant', '2026-05-20')).toBe('赵小米现在 3 个月，乳儿班收 6–12 个月的幼儿，未满 6 个月，暂不能入托')
    expect(mismatchReason({ name: '大宝', birthDate: '2023-01-01' }, 'preschool', '2026-05-20')).toBe('大宝现在 40 个月，托大班收 24–36 个月的幼儿，已满 3 周岁，超出托育年龄')
  })

  it('has a short form for a greyed month or day', () => {
    expect(shortMismatch(ageFit(xiaobao, 'infant', '2026-11-01'))).toBe('届时 17 个月，应入托小班')
    expect(shortMismatch(ageFit(xiaomi, 'infant', '2026-05-01'))).toBe('届时 2 个月，未满 6 个月')
  })
})

describe('classAvailability (the class rows of the centre list)', () => {
  it('fits today', () => {
    expect(classAvailability(xiaobao, 'toddler', '2026-11-20')).toEqual({ state: 'fits', reason: null })
  })

  it('is open from the first month the child grows into the class, within the booking window', () => {
    // 赵小米 is 3 months on 2026-05-20, 6 months on 2026-08-09: monthly places count the age on the 1st.
    expect(classAvailability(xiaomi, 'infant', '2026-05-20')).toEqual({ state: 'later', reason: '2026年9月起可入托（届时满 6 个月）' })
  })

  it('is greyed out with the reason when the child does not fit within six months', () => {
    expect(classAvailability(xiaobao, 'infant', '2026-11-20')).toEqual({ state: 'no', reason: '李小宝现在 18 个月，应入托小班' })
    expect(classAvailability({ name: '大宝', birthDate: '2023-01-01' }, 'preschool', '2026-05-20')).toEqual({ state: 'no', reason: '大宝现在 40 个月，已满 3 周岁，超出托育年龄' })
  })
})

describe('childClassText (the child picker)', () => {
  it('shows the months and the class that fits today', () => {
    expect(childClassText(xiaobao, '2026-11-20')).toBe('18 个月 · 适合托小班')
    expect(childClassText(xiaomi, '2026-11-20')).toBe('9 个月 · 适合乳儿班')
    expect(childClassText(xiaomi, '2026-05-20')).toBe('3 个月 · 满 6 个月后可入托')
    expect(childClassText({ name: 'x', birthDate: '2023-01-01' }, '2026-05-20')).toBe('40 个月 · 已超出托育年龄')
  })
})
