import { fireEvent, render, screen } from '@testing-library/react'
import type { ProviderStatementSummary, ProviderStatementView } from '@carecircle/shared'
import Taro, { useRouter } from '@tarojs/taro'
import { api } from '../../../../../services/request'
import StatementsPage from '..'
import StatementPage from '../../statement'

jest.mock('../../../../../services/request', () => ({
  api: { get: jest.fn() },
}))
jest.mock('@tarojs/taro', () => {
  const stub = jest.requireActual('@tarojs/taro')
  const { useEffect: effect } = jest.requireActual('react')
  const Taro = { ...stub.default, stopPullDownRefresh: jest.fn() }
  return {
    __esModule: true,
    default: Taro,
    useDidShow: (fn: () => void) => effect(() => fn(), []),
    usePullDownRefresh: jest.fn(),
    useRouter: jest.fn(),
  }
})
jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, onClick }: { children: unknown; onClick: () => void }) => <button onClick={onClick}>{children as string}</button>,
}))

const summaries: ProviderStatementSummary[] = [
  { id: 's-nov', providerId: 'p1', providerName: '安康居家养老服务中心', month: '2026-11', status: 'draft', totalFen: 31_800, approvedAt: null, anomalyCount: 2 },
  { id: 's-oct', providerId: 'p1', providerName: '安康居家养老服务中心', month: '2026-10', status: 'approved', totalFen: 12_850, approvedAt: '2026-11-03T02:10:00.000Z', anomalyCount: 0 },
]

const statement: ProviderStatementView = {
  id: 's-oct', providerId: 'p1', providerName: '安康居家养老服务中心', month: '2026-10', status: 'approved', totalFen: 12_850,
  approvedBy: '吴主任', approvedAt: '2026-11-03T02:10:00.000Z',
  lines: [
    { kind: 'demand_subsidy', label: '居家上门服务补贴（补需方）', fundingSource: '居家养老服务补贴', count: 2, amountFen: 12_800 },
    { kind: 'supply_subsidy', label: '居家服务运营补贴·中度失能（补供方，每人 100 元）', fundingSource: '区级财政', count: 1, amountFen: 10_000 },
    { kind: 'adjustment', label: '调整：一次服务记录不全，核减', fundingSource: '—', count: 1, amountFen: -9_950 },
  ],
  records: [
    { line: 0, date: '2026-10-08', beneficiary: '王**', service: '助洁', amountFen: 6_400, note: null, orderId: 'o1', flags: ['超范围签到', '服务时长明显不足'] },
    { line: 0, date: '2026-10-21', beneficiary: '李**', service: '助浴', amountFen: 6_400, note: null, orderId: 'o2', flags: [] },
    { line: 1, date: '2026-10-21', beneficiary: '王**', service: '居家服务运营补贴·中度失能', amountFen: 10_000, note: '本月服务 1 次', orderId: null, flags: [] },
    { line: 2, date: '2026-11-02', beneficiary: null, service: '人工调整', amountFen: -9_950, note: '一次服务记录不全，核减', orderId: null, flags: [] },
  ],
  anomalies: [{ kind: 'short_service', label: '服务时长明显不足', orderId: 'o1', detail: '实际 20 分钟，应为 60 分钟' }],
}

describe('结算单 (provider admin)', () => {
  it('lists the months with status, flags and totals in yuan, and opens one', async () => {
    ;(api.get as jest.Mock).mockResolvedValue(summaries)
    render(<StatementsPage />)
    expect(await screen.findByText('2026年11月')).toBeTruthy()
    expect(api.get).toHaveBeenCalledWith('/api/provider-statements')
    expect(screen.getByText('待街道审批 · 2 条异常提示')).toBeTruthy()
    expect(screen.getByText('¥318.00')).toBeTruthy()
    expect(screen.getByText('已审批')).toBeTruthy()
    fireEvent.click(screen.getByText('2026年10月'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/provider/pages/statement/index?id=s-oct' })
  })

  it('says what to expect before the first statement', async () => {
    ;(api.get as jest.Mock).mockResolvedValue([])
    render(<StatementsPage />)
    expect(await screen.findByText('还没有结算单')).toBeTruthy()
  })

  it('shows a statement with each line and every record behind it, in Shanghai time', async () => {
    ;(useRouter as jest.Mock).mockReturnValue({ params: { id: 's-oct' } })
    ;(api.get as jest.Mock).mockResolvedValue(statement)
    render(<StatementPage />)
    expect(await screen.findByText('¥128.50')).toBeTruthy()
    expect(api.get).toHaveBeenCalledWith('/api/provider-statements/s-oct')
    expect(screen.getByText('安康居家养老服务中心 · 2026年10月补贴结算单')).toBeTruthy()
    // 02:10 UTC is 10:10 in Shanghai.
    expect(screen.getByText('已审批（吴主任，2026年11月3日 10:10），已锁定')).toBeTruthy()
    expect(screen.getByText('居家养老服务补贴 · 2 笔')).toBeTruthy()
    expect(screen.getByText('10月8日 · 王** · 助洁')).toBeTruthy()
    expect(screen.getByText('10月21日 · 李** · 助浴')).toBeTruthy()
    expect(screen.getAllByText('¥64.00')).toHaveLength(2)
    expect(screen.getByText('⚠ 超范围签到')).toBeTruthy()
    expect(screen.getByText('本月服务 1 次')).toBeTruthy()
    expect(screen.getByText('11月2日 · 人工调整')).toBeTruthy()
    expect(screen.getAllByText('-¥99.50')).toHaveLength(2)
    expect(screen.getByText('异常提示（1）')).toBeTruthy()
    expect(screen.getByText('实际 20 分钟，应为 60 分钟')).toBeTruthy()
  })

  it('tells a line whose records were not kept apart from an empty one', async () => {
    ;(useRouter as jest.Mock).mockReturnValue({ params: { id: 's-old' } })
    ;(api.get as jest.Mock).mockResolvedValue({ ...statement, id: 's-old', status: 'draft', approvedAt: null, approvedBy: null, records: [], anomalies: [] })
    render(<StatementPage />)
    expect(await screen.findByText('待街道审批：金额可能因街道调整而变化')).toBeTruthy()
    expect(screen.getAllByText(/明细未留存/)).toHaveLength(3)
  })
})
