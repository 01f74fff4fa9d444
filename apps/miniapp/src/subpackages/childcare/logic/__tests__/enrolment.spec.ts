import type { EnrolmentView } from '@carecircle/shared'
import { activeMonthlyPlace, enrolmentPrice, enrolmentStatusText, enrolmentWhen, sortEnrolments, withdrawLabel } from '../enrolment'

function e(over: Partial<EnrolmentView>): EnrolmentView {
  return {
    id: 'e1', childId: 'c1', childName: '李小宝', centreId: 'x', centreName: '小橡树普惠托育中心', classId: 'k', className: '托小班',
    careType: 'full_day', startMonth: '2026-11', date: null, startTime: null, endTime: null, status: 'active', priceFen: 160_000, puhui: true,
    createdAt: '2026-11-01T00:00:00.000Z', ...over,
  }
}

describe('enrolment lines', () => {
  it('says when and how, per care type', () => {
    expect(enrolmentWhen(e({}))).toBe('2026年11月起 全日托')
    expect(enrolmentWhen(e({ careType: 'hourly', startMonth: null, date: '2026-11-28', startTime: '09:00', endTime: '12:00' }))).toBe('11月28日 周六 09:00–12:00 计时托')
    expect(enrolmentWhen(e({ careType: 'occasional', startMonth: null, date: '2026-11-30' }))).toBe('11月30日 周一 临时托')
    expect(enrolmentPrice(e({}))).toBe('¥1600.00/月')
    expect(enrolmentPrice(e({ careType: 'hourly', priceFen: 18_000 }))).toBe('¥180.00')
  })

  it('names the status and the way out by kind of place', () => {
    expect(enrolmentStatusText(e({}))).toBe('在托')
    expect(enrolmentStatusText(e({ status: 'withdrawn' }))).toBe('已退托')
    expect(enrolmentStatusText(e({ careType: 'hourly' }))).toBe('已预约')
    expect(enrolmentStatusText(e({ careType: 'occasional', status: 'withdrawn' }))).toBe('已取消')
    expect(withdrawLabel(e({}))).toBe('退托')
    expect(withdrawLabel(e({ careType: 'hourly' }))).toBe('取消预约')
  })

  it('finds the active monthly place a second monthly booking would clash with', () => {
    const list = [e({ id: 'a', careType: 'hourly' }), e({ id: 'b', status: 'withdrawn' }), e({ id: 'c', childId: 'c2' }), e({ id: 'd' })]
    expect(activeMonthlyPlace(list, 'c1')?.id).toBe('d')
    expect(activeMonthlyPlace(list.slice(0, 2), 'c1')).toBeNull()
  })

  it('lists places in use first', () => {
    const list = [e({ id: 'old', status: 'withdrawn', createdAt: '2026-11-20' }), e({ id: 'a', createdAt: '2026-11-01' }), e({ id: 'b', createdAt: '2026-11-10' })]
    expect(sortEnrolments(list).map((x) => x.id)).toEqual(['b', 'a', 'old'])
  })
})
