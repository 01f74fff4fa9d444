import { render, screen } from '@testing-library/react'
import MealPrice from '..'

describe('MealPrice', () => {
  it('shows 餐费, 送餐费, the subsidy as a minus and 实付 before confirming, marked as an estimate', () => {
    render(<MealPrice price={{ priceFen: 5100, subsidyFen: 300, payFen: 4800, subsidyNote: '政府补贴' }} foodFen={4800} deliveryFeeFen={300} estimated note='「高龄」老人每餐补贴 ¥3.00，每月最多 ¥90.00' />)
    expect(screen.getByText('-¥3.00', { selector: '.meal-price__line--subsidy .meal-price__value' })).toBeTruthy()
    expect(screen.getByText('¥48.00', { selector: '.meal-price__line--pay .meal-price__value' })).toBeTruthy()
    expect(screen.getByText('预计实付')).toBeTruthy()
    expect(screen.getByText('「高龄」老人每餐补贴 ¥3.00，每月最多 ¥90.00')).toBeTruthy()
  })

  it('does not repeat a bare 「政府补贴」 note, but explains a capped one', () => {
    const { rerender } = render(<MealPrice price={{ priceFen: 1200, subsidyFen: 300, payFen: 900, subsidyNote: '政府补贴' }} foodFen={1200} deliveryFeeFen={0} />)
    expect(screen.queryByText('政府补贴', { selector: '.meal-price__note' })).toBeNull()
    rerender(<MealPrice price={{ priceFen: 1200, subsidyFen: 100, payFen: 1100, subsidyNote: '本月补贴额度剩余不足，按剩余额度补贴' }} foodFen={1200} deliveryFeeFen={0} />)
    expect(screen.getByText('本月补贴额度剩余不足，按剩余额度补贴')).toBeTruthy()
  })

  it('says when the subsidy is decided if it could not be estimated', () => {
    render(<MealPrice price={null} foodFen={1200} deliveryFeeFen={300} estimated />)
    expect(screen.getByText('下单时计算')).toBeTruthy()
    expect(screen.getByText('¥15.00')).toBeTruthy()
  })
})
