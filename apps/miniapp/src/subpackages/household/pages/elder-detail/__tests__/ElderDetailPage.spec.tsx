import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ElderSubsidyMonthView, ElderSubsidyRuleMonth, ElderView, EligibilityStatusView, RegionView } from '@carecircle/shared'
import { ApiError } from '../../../../../services/api-error'
import { api } from '../../../../../services/request'
import ElderDetailPage from '..'

jest.mock('../../../../../services/request', () => ({
  api: { get: jest.fn(), post: jest.fn() },
}))
jest.mock('@tarojs/taro', () => {
  const stub = jest.requireActual('@tarojs/taro')
  const { useEffect: effect } = jest.requireActual('react')
  return {
    __esModule: true,
    default: { ...stub.default, makePhoneCall: jest.fn(() => Promise.resolve()) },
    useDidShow: (fn: () => void) => effect(() => fn(), []),
    useRouter: () => ({ params: { id: 'e1' } }),
  }
})
jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, onClick }: { children: unknown; onClick: () => void }) => <button onClick={onClick}>{children as string}</button>,
}))

const elder = {
  id: 'e1', name: '王奶奶', gender: 'female', age: 82, idNumberMasked: '3*****************', phoneMasked: null, address: '玉山镇朝阳路 1 号',
  location: { lat: 31.385, lng: 120.981 }, regionId: 'c1', livingSituation: 'alone', subsidyCategory: 'dibao', subsidyVerification: 'verified',
  emergencyContacts: [], dietaryNeeds: [], healthNotes: null,
} as unknown as ElderView
const eligibility: EligibilityStatusView = { elderId: 'e1', category: 'dibao', verification: 'verified', validUntil: '2027-11-30', evidenceNote: '低保证', decisionNote: null, declaredAt: null }
const regions: RegionView[] = [{ id: 'c1', name: '朝阳社区', level: 'community', parentId: null, center: { lat: 31.385, lng: 120.981 } }]

function rule(over: Partial<ElderSubsidyRuleMonth>): ElderSubsidyRuleMonth {
  return { ruleKey: 'meal', label: '老年助餐', kind: 'fixed', amountFen: 800, percent: null, monthlyCapFen: 24000, usedFen: 3200, remainingFen: 20800, entitlement: null, copayText: null, ...over }
}

function month(over: Partial<ElderSubsidyMonthView>): ElderSubsidyMonthView {
  return { elderId: 'e1', month: '2026-11', category: 'dibao', verified: true, standing: 'verified', standingNote: null, source: 'subsidy', rules: [rule({})], ...over }
}

function serve(subsidy: () => Promise<unknown>) {
  ;(api.get as jest.Mock).mockImplementation((path: string) => {
    if (path === '/api/elders/e1') return Promise.resolve(elder)
    if (path === '/api/elders/e1/eligibility') return Promise.resolve(eligibility)
    if (path === '/api/regions') return Promise.resolve(regions)
    if (path === '/api/elders/e1/subsidy-month') return subsidy()
    return Promise.reject(new Error(`unexpected GET ${path}`))
  })
}

const ruleBlock = (label: string) => screen.getByText(label).closest('.subsidy-month__rule') as HTMLElement

describe('ElderDetailPage: 本月补贴', () => {
  it('shows a subsidy-table rule in money: what is left, the cap and what is used', async () => {
    serve(() => Promise.resolve(month({ rules: [rule({}), rule({ ruleKey: 'cleaning', label: '助洁', kind: 'percent', amountFen: null, percent: 50, monthlyCapFen: 10000, usedFen: 10000, remainingFen: 0 })] })))
    render(<ElderDetailPage />)
    expect(await screen.findByText('本月补贴')).toBeTruthy()
    expect(await screen.findByText('2026年11月 · 按本地区养老服务补贴标准')).toBeTruthy()
    expect(ruleBlock('老年助餐').textContent).toContain('剩 ¥208.00')
    expect(ruleBlock('老年助餐').textContent).toContain('本月上限 ¥240.00，已用 ¥32.00')
    expect(ruleBlock('老年助餐').textContent).toContain('每次补贴 ¥8.00')
    expect(ruleBlock('助洁').textContent).toContain('本月已用完')
    expect(ruleBlock('助洁').textContent).toContain('补贴价格的 50%')
  })

  it('shows 基本养老服务清单 items in their own unit, with what the family pays', async () => {
    serve(() =>
      Promise.resolve(
        month({
          source: 'basic_service_list',
          rules: [
            rule({ ruleKey: 'bathing', label: '助浴', kind: 'copay', amountFen: 300, monthlyCapFen: null, usedFen: 2700, remainingFen: null, copayText: '每次自付 ¥3.00', entitlement: { unit: 'times', perMonth: 4, used: 1, remaining: 3, text: '每月 4 次' } }),
            rule({ ruleKey: 'care', label: '生活照料', kind: 'copay', amountFen: null, percent: 10, monthlyCapFen: null, usedFen: 5400, remainingFen: null, copayText: '自付 10%', entitlement: { unit: 'minutes', perMonth: 240, used: 60, remaining: 180, text: '每月 240 分钟' } }),
            rule({ ruleKey: 'meal', label: '老年助餐', kind: 'copay', amountFen: 300, monthlyCapFen: 9000, usedFen: 1500, remainingFen: 7500, copayText: '每次自付 ¥3.00', entitlement: { unit: 'fen', perMonth: 9000, used: 1500, remaining: 7500, text: '每月 90 元' } }),
          ],
        }),
      ),
    )
    render(<ElderDetailPage />)
    expect(await screen.findByText('2026年11月 · 按本地区基本养老服务清单')).toBeTruthy()
    expect(ruleBlock('助浴').textContent).toContain('剩 3 次')
    expect(ruleBlock('助浴').textContent).toContain('本月 4 次，已用 1 次')
    expect(ruleBlock('助浴').textContent).toContain('每次自付 ¥3.00')
    expect(ruleBlock('生活照料').textContent).toContain('剩 180 分钟')
    expect(ruleBlock('生活照料').textContent).toContain('本月 240 分钟，已用 60 分钟')
    expect(ruleBlock('老年助餐').textContent).toContain('剩 ¥75.00')
    expect(ruleBlock('老年助餐').textContent).toContain('本月 ¥90.00，已用 ¥15.00')
  })

  it('shows why there is no subsidy instead of figures when the category is not in force', async () => {
    const note = '补贴资格已过有效期，请重新申报，街道核验通过后恢复补贴'
    serve(() => Promise.resolve(month({ verified: false, standing: 'expired', standingNote: note })))
    render(<ElderDetailPage />)
    expect(await screen.findByText(note)).toBeTruthy()
    expect(screen.queryByText('老年助餐')).toBeNull()
    expect(document.querySelector('.subsidy-month__rule')).toBeNull()
  })

  it('keeps the page when the month cannot be read and reads it again on 重试', async () => {
    let calls = 0
    serve(() => (++calls === 1 ? Promise.reject(new ApiError({ statusCode: 500, error: 'INTERNAL', message: '服务器开小差了，请稍后再试' })) : Promise.resolve(month({}))))
    render(<ElderDetailPage />)
    expect(await screen.findByText('本月补贴暂时无法读取：服务器开小差了，请稍后再试')).toBeTruthy()
    expect(screen.getByText('王奶奶')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(ruleBlock('老年助餐').textContent).toContain('剩 ¥208.00'))
  })
})
