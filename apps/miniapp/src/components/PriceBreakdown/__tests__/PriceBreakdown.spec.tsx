import { render, screen } from '@testing-library/react'
import PriceBreakdown, { priceLines } from '..'

describe('PriceBreakdown', () => {
  it('shows price, the subsidy as a minus and what the family pays, each on its own line', () => {
    expect(priceLines({ priceFen: 8000, subsidyFen: 800, payFen: 7200, subsidyNote: '政府补贴' })).toEqual([
      { key: 'price', label: '服务价格', value: '¥80.00' },
      { key: 'subsidy', label: '政府补贴', value: '-¥8.00' },
      { key: 'pay', label: '实付', value: '¥72.00' },
    ])
  })

  it('shows ¥0.00 subsidy (not a minus zero) and adds a cancellation fee when charged', () => {
    const lines = priceLines({ priceFen: 5000, subsidyFen: 0, payFen: 5000, subsidyNote: '无政府补贴' }, 1000)
    expect(lines.find((l) => l.key === 'subsidy')?.value).toBe('¥0.00')
    expect(lines.at(-1)).toEqual({ key: 'cancelFee', label: '取消费', value: '¥10.00' })
  })

  it('explains a missing or cut subsidy, and says nothing when the subsidy is simply granted', () => {
    render(<PriceBreakdown breakdown={{ priceFen: 8000, subsidyFen: 1000, payFen: 7000, subsidyNote: '政府补贴' }} />)
    expect(screen.queryByText('政府补贴', { selector: '.cc-price__note' })).toBeNull()
  })

  it('renders the subsidy note beside the numbers', () => {
    render(<PriceBreakdown breakdown={{ priceFen: 8000, subsidyFen: 0, payFen: 8000, subsidyNote: '补贴类别待街道核验，核验通过后享受补贴' }} />)
    expect(screen.getByText('补贴类别待街道核验，核验通过后享受补贴')).toBeTruthy()
    expect(screen.getByText('¥80.00', { selector: '.cc-price__line--pay .cc-price__value' })).toBeTruthy()
  })
})
