import { fireEvent, render, screen } from '@testing-library/react'
import type { ComplaintView, OrderView } from '@carecircle/shared'
import Taro from '@tarojs/taro'
import ComplaintSection from '../ComplaintSection'

jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, onClick }: { children: unknown; onClick: () => void }) => <button onClick={onClick}>{children as string}</button>,
}))

const staff = { id: 's1', name: '李阿姨', providerName: '玉山护理站' }
const order = { id: 'o1', status: 'completed', staff } as unknown as OrderView
const complaint: ComplaintView = {
  id: 'c1', orderId: 'o1', serviceName: '助洁', elderName: '王奶奶', providerName: '玉山护理站', staffName: '李阿姨', text: '服务人员迟到一小时',
  status: 'resolved', statusLabel: '已查实处理', reply: '已约谈服务机构', creditPoints: 5, createdAt: '2026-11-20T02:00:00.000Z', updatedAt: '2026-11-21T02:00:00.000Z',
}

describe('ComplaintSection', () => {
  it('offers 投诉 on an order a provider took, leading to the complaint page', () => {
    render(<ComplaintSection order={order} complaints={[]} error={null} onRetry={jest.fn()} />)
    fireEvent.click(screen.getByText('投诉'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/orders/pages/complaint/index?orderId=o1' })
  })

  it('shows the filed complaint with its status and reply instead of a new entry', () => {
    render(<ComplaintSection order={order} complaints={[{ ...complaint, orderId: 'other', id: 'x' }, complaint]} error={null} onRetry={jest.fn()} />)
    expect(screen.getByText('已查实处理')).toBeTruthy()
    expect(screen.getByText('已约谈服务机构')).toBeTruthy()
    expect(screen.queryByText('投诉')).toBeNull()
    fireEvent.click(screen.getByText('全部投诉 ›'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/orders/pages/complaints/index' })
  })

  it('says nothing on an order nobody has taken, or while complaints load', () => {
    const { container, rerender } = render(<ComplaintSection order={{ ...order, staff: null }} complaints={[]} error={null} onRetry={jest.fn()} />)
    expect(container.textContent).toBe('')
    rerender(<ComplaintSection order={order} complaints={undefined} error={null} onRetry={jest.fn()} />)
    expect(container.textContent).toBe('')
  })

  it('offers a retry when the complaints could not be loaded', () => {
    const onRetry = jest.fn()
    render(<ComplaintSection order={order} complaints={undefined} error='网络连接失败' onRetry={onRetry} />)
    fireEvent.click(screen.getByText('重新加载'))
    expect(onRetry).toHaveBeenCalled()
  })
})
