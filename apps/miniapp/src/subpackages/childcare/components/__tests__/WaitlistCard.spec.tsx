import { fireEvent, render, screen } from '@testing-library/react'
import type { PriorityFactView, WaitlistEntryView } from '@carecircle/shared'
import type { ReactNode } from 'react'
import WaitlistCard from '../WaitlistCard'
import { shanghai } from '../../../../../test/time'

jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, onClick, disabled }: { children: ReactNode; onClick?: () => void; disabled?: boolean }) => (
    <button type='button' disabled={disabled} onClick={onClick}>
      {children}
    </button>
  ),
}))

const now = shanghai(2026, 4, 20, 12, 0).getTime()

function entry(over: Partial<WaitlistEntryView>): WaitlistEntryView {
  return {
    id: 'w1', childId: 'c1', childName: '赵小米', classId: 'k1', className: '乳儿班', centreName: '小橡树普惠托育中心', careType: 'full_day',
    status: 'waiting', statusLabel: '轮候中', position: 2, score: 30, reasons: ['多孩家庭 +30', '同分按登记先后（先到先得）'],
    facts: [fact({})], requestedMonth: '2026-06', startMonth: null, monthNote: null,
    offerExpiresAt: null, createdAt: '2026-05-20T01:00:00.000Z', ...over,
  }
}

function fact(over: Partial<PriorityFactView>): PriorityFactView {
  return {
    fact: 'multi_child', label: '多孩家庭', points: 30, status: 'verified', statusLabel: '已核验', evidenceNote: '户口簿：另有一名 2021 年出生的孩子',
    decisionNote: null, decidedAt: '2026-05-21T02:00:00.000Z', ...over,
  }
}

describe('WaitlistCard', () => {
  it('shows the position, who is ahead and why the entry sits there', () => {
    const onLeave = jest.fn()
    render(<WaitlistCard entry={entry({})} nowMs={now} onLeave={onLeave} />)
    expect(screen.getByText('排第 2 位')).toBeTruthy()
    expect(screen.getByText('前面还有 1 位')).toBeTruthy()
    expect(screen.getByText('为什么排在这里（得分 30）')).toBeTruthy()
    expect(screen.getByText('· 多孩家庭 +30')).toBeTruthy()
    expect(screen.getByText('· 同分按登记先后（先到先得）')).toBeTruthy()
    expect(screen.getByText('小橡树普惠托育中心 · 乳儿班 · 全日托')).toBeTruthy()
    fireEvent.click(screen.getByText('退出轮候'))
    expect(onLeave).toHaveBeenCalledWith(expect.objectContaining({ id: 'w1' }))
    expect(screen.queryByText('确认入托')).toBeNull()
    expect(screen.getByText('入托月份：2026年6月起（申请）')).toBeTruthy()
  })

  it('shows each declared fact with its verification, its evidence and the centre’s reason for a refusal', () => {
    const facts = [
      fact({}),
      fact({ fact: 'dual_working', label: '双职工家庭', points: 20, status: 'rejected', statusLabel: '未通过', evidenceNote: '单位', decisionNote: '未见在职证明，请补交后重新登记' }),
      fact({ fact: 'low_income', label: '低收入家庭', points: 10, status: 'pending', statusLabel: '待核验', evidenceNote: '低保证 KS-1', decidedAt: null }),
    ]
    const reasons = ['多孩家庭 +30', '低收入家庭（待核验，通过后 +10）', '双职工家庭（核验未通过，不计分）', '同分按登记先后（先到先得）']
    render(<WaitlistCard entry={entry({ facts, reasons })} nowMs={now} />)
    const item = (label: string) => screen.getByText(label).closest('.care-facts__item') as HTMLElement
    expect(item('多孩家庭').textContent).toContain('已核验')
    expect(item('多孩家庭').textContent).toContain('已计分 +30')
    expect(item('多孩家庭').textContent).toContain('证明：户口簿：另有一名 2021 年出生的孩子')
    expect(item('双职工家庭').textContent).toContain('未通过')
    expect(item('双职工家庭').textContent).toContain('不计分')
    expect(item('双职工家庭').textContent).toContain('机构说明：未见在职证明，请补交后重新登记')
    expect(item('低收入家庭').textContent).toContain('待核验')
    expect(item('低收入家庭').textContent).toContain('核验通过后 +10')
    expect(screen.queryByText(/未申报优先条件/)).toBeNull()
  })

  it('says why the start month moved once the place was confirmed', () => {
    const accepted = entry({
      status: 'accepted', statusLabel: '已确认入托', position: null, requestedMonth: '2026-12', startMonth: '2027-01',
      monthNote: '您申请 2026-12 入托，确认时（2026-12-03）该月已开始，改为 2027-01 起',
    })
    render(<WaitlistCard entry={accepted} nowMs={now} />)
    expect(screen.getByText('您申请 2026-12 入托，确认时（2026-12-03）该月已开始，改为 2027-01 起')).toBeTruthy()
    expect(screen.getByText('入托月份：2027年1月起（申请的是 2026年12月）')).toBeTruthy()
  })

  it('shows a held place with its deadline and the two answers', () => {
    const onAccept = jest.fn()
    const onDecline = jest.fn()
    const offered = entry({ status: 'offered', statusLabel: '已为您保留托位，请确认', position: null, offerExpiresAt: shanghai(2026, 4, 22, 12, 0).toISOString() })
    render(<WaitlistCard entry={offered} nowMs={now} onAccept={onAccept} onDecline={onDecline} />)
    expect(screen.getByText('已为您保留托位，请确认')).toBeTruthy()
    expect(screen.getByText('请在 5月22日 12:00 前确认')).toBeTruthy()
    expect(screen.getByText('还剩 48 小时，逾期托位将转给下一位')).toBeTruthy()
    fireEvent.click(screen.getByText('确认入托'))
    fireEvent.click(screen.getByText('放弃'))
    expect(onAccept).toHaveBeenCalledTimes(1)
    expect(onDecline).toHaveBeenCalledTimes(1)
    expect(screen.queryByText(/排第/)).toBeNull()
  })

  it('offers no answers once the deadline passed', () => {
    const late = entry({ status: 'offered', statusLabel: '已为您保留托位，请确认', position: null, offerExpiresAt: new Date(now - 60_000).toISOString() })
    render(<WaitlistCard entry={late} nowMs={now} onAccept={jest.fn()} onDecline={jest.fn()} />)
    expect(screen.getByText('保留的托位已过确认时限')).toBeTruthy()
    expect(screen.queryByText('确认入托')).toBeNull()
  })
})
