import { fireEvent, render, screen } from '@testing-library/react'
import type { WaitlistEntryView } from '@carecircle/shared'
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
    offerExpiresAt: null, createdAt: '2026-05-20T01:00:00.000Z', ...over,
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
