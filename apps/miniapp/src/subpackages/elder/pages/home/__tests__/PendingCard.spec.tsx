import { fireEvent, render, screen } from '@testing-library/react'
import type { ReactNode } from 'react'
import PendingCard, { type PendingItem } from '../PendingCard'
import { shanghai } from '../../../../../../test/time'

jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, onClick, disabled }: { children: ReactNode; onClick?: () => void; disabled?: boolean }) => (
    <button type='button' disabled={disabled} onClick={onClick}>
      {children}
    </button>
  ),
}))

const now = shanghai(2026, 10, 27, 9, 0)
const item: PendingItem = {
  orderId: 'o1',
  serviceName: '助洁',
  orderedBy: '王芳',
  windowStart: shanghai(2026, 10, 28, 14, 30).toISOString(),
  deadline: shanghai(2026, 10, 27, 9, 30).toISOString(),
}

describe('PendingCard', () => {
  it('says who ordered what for when, and by when to answer', () => {
    render(<PendingCard item={item} canAnswer busy={false} more={0} now={now} onDecide={jest.fn()} />)
    expect(screen.getByText('王芳帮您约了「助洁」')).toBeTruthy()
    expect(screen.getByText('时间：明天下午 2:30')).toBeTruthy()
    expect(screen.getByText('请在今天上午 9:30 前回答。没回答的话，按家人的安排办。')).toBeTruthy()
    expect(screen.getByText('确认，要')).toBeTruthy()
    expect(screen.getByText('不需要')).toBeTruthy()
  })

  it('asks 确定吗 on the same card before sending, and 返回 sends nothing', () => {
    const onDecide = jest.fn()
    render(<PendingCard item={item} canAnswer busy={false} more={0} now={now} onDecide={onDecide} />)
    fireEvent.click(screen.getByText('不需要'))
    expect(onDecide).not.toHaveBeenCalled()
    expect(screen.getByText('确定不需要吗？')).toBeTruthy()
    expect(screen.queryByText('确认，要')).toBeNull()
    fireEvent.click(screen.getByText('不，返回'))
    expect(onDecide).not.toHaveBeenCalled()
    expect(screen.getByText('确认，要')).toBeTruthy()

    fireEvent.click(screen.getByText('确认，要'))
    expect(screen.getByText('确定要这个服务吗？')).toBeTruthy()
    fireEvent.click(screen.getByText('是的，要'))
    expect(onDecide).toHaveBeenCalledTimes(1)
    expect(onDecide).toHaveBeenCalledWith('confirm')
  })

  it('sends 不需要 only after 是的，不需要', () => {
    const onDecide = jest.fn()
    render(<PendingCard item={item} canAnswer busy={false} more={0} now={now} onDecide={onDecide} />)
    fireEvent.click(screen.getByText('不需要'))
    fireEvent.click(screen.getByText('是的，不需要'))
    expect(onDecide).toHaveBeenCalledWith('refuse')
  })

  it('shows a family member previewing the question without answer buttons', () => {
    render(<PendingCard item={item} canAnswer={false} busy={false} more={2} now={now} onDecide={jest.fn()} />)
    expect(screen.getByText('王芳帮您约了「助洁」')).toBeTruthy()
    expect(screen.queryByText('确认，要')).toBeNull()
    expect(screen.getByText('这件事要老人本人在自己的手机上回答。')).toBeTruthy()
    expect(screen.getByText('还有 2 件等您回答，回答完这件就会出现。')).toBeTruthy()
  })

  it('says 尽快上门 when no time was booked', () => {
    render(<PendingCard item={{ ...item, windowStart: null }} canAnswer busy={false} more={0} now={now} onDecide={jest.fn()} />)
    expect(screen.getByText('时间：尽快上门')).toBeTruthy()
  })
})
