import { fireEvent, render, screen } from '@testing-library/react'
import type { ElderListItemView } from '@carecircle/shared'
import ElderCard from '..'

const elder: ElderListItemView = {
  id: 'e1',
  householdId: 'h1',
  name: '王建国',
  gender: 'male',
  age: 81,
  phoneMasked: '138****5678',
  address: '玉山镇朝阳新村 12 栋',
  livingSituation: 'alone',
  subsidyCategory: 'advanced_age',
  subsidyVerification: 'unverified',
}

describe('ElderCard', () => {
  it('shows who the elder is, how they live and their subsidy category with its verification state', () => {
    render(<ElderCard elder={elder} />)
    expect(screen.getByText('王建国')).toBeTruthy()
    expect(screen.getByText('男 · 81岁')).toBeTruthy()
    expect(screen.getByText('独居')).toBeTruthy()
    expect(screen.getByText('高龄')).toBeTruthy()
    const badge = screen.getByText('待核验')
    expect(badge.className).toContain('cc-badge--unverified')
    expect(screen.getByText('玉山镇朝阳新村 12 栋')).toBeTruthy()
  })

  it('says when the category is verified or rejected, in words', () => {
    const { rerender } = render(<ElderCard elder={{ ...elder, subsidyVerification: 'verified' }} />)
    expect(screen.getByText('已核验')).toBeTruthy()
    rerender(<ElderCard elder={{ ...elder, subsidyVerification: 'rejected' }} />)
    expect(screen.getByText('未通过')).toBeTruthy()
  })

  it('shows no verification badge when there is no subsidy category', () => {
    render(<ElderCard elder={{ ...elder, subsidyCategory: 'none' }} />)
    expect(screen.getByText('无')).toBeTruthy()
    expect(screen.queryByText('待核验')).toBeNull()
  })

  it('opens the elder when tapped', () => {
    const onClick = jest.fn()
    render(<ElderCard elder={elder} onClick={onClick} />)
    fireEvent.click(screen.getByText('详情 ›'))
    expect(onClick).toHaveBeenCalledWith(elder)
  })
})
