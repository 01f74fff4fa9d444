import { fireEvent, render, screen } from '@testing-library/react'
import type { OfferView } from '@carecircle/shared'
import OfferCard from '../OfferCard'

jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, onClick, disabled }: { children: unknown; onClick: () => void; disabled?: boolean }) => (
    <button onClick={onClick} disabled={disabled}>
      {children as string}
    </button>
  ),
}))

const now = new Date('2026-11-27T02:00:00.000Z').getTime()
const offer: OfferView = {
  id: 'of1',
  status: 'offered',
  expiresAt: '2026-11-27T02:00:45.000Z',
  distanceMeters: 1234,
  job: {
    orderId: 'o1', serviceCode: 'cleaning', serviceName: '助洁', status: 'offered', statusLabel: '等待接单', urgent: true,
    elderName: '王建国', address: '玉山镇朝阳新村 12 栋 301 室', location: { lat: 31.39, lng: 120.97 },
    windowStart: null, windowEnd: null, notes: '请敲门后稍等', durationMinutes: 120,
  },
}

describe('OfferCard', () => {
  it('shows what, where, how far and how long is left, and answers with the big buttons', () => {
    const onAccept = jest.fn()
    const onDecline = jest.fn()
    render(<OfferCard offer={offer} now={now} busy={false} onAccept={onAccept} onDecline={onDecline} />)
    expect(screen.getByText('剩 45 秒')).toBeTruthy()
    expect(screen.getByText('紧急')).toBeTruthy()
    expect(screen.getByText('距您 1.2 公里')).toBeTruthy()
    expect(screen.getByText('王建国 · 尽快上门 · 约 2 小时')).toBeTruthy()
    fireEvent.click(screen.getByText('接单'))
    fireEvent.click(screen.getByText('拒绝'))
    expect(onAccept).toHaveBeenCalledTimes(1)
    expect(onDecline).toHaveBeenCalledTimes(1)
  })

  it('marks the last seconds as urgent in words and colour', () => {
    const { container } = render(<OfferCard offer={offer} now={now + 35_000} busy={false} onAccept={jest.fn()} onDecline={jest.fn()} />)
    expect(screen.getByText('剩 10 秒')).toBeTruthy()
    expect(container.querySelector('.offer__countdown--hurry')).not.toBeNull()
  })
})
