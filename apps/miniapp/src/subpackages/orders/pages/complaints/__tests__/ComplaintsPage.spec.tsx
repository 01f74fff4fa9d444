import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ComplaintView } from '@carecircle/shared'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { api } from '../../../../../services/request'
import ComplaintsPage from '..'

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
  }
})
jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, onClick }: { children: unknown; onClick: () => void }) => <button onClick={onClick}>{children as string}</button>,
}))

const complaint = (over: Partial<ComplaintView>): ComplaintView => ({
  id: 'c', orderId: 'o1', serviceName: '助洁', elderName: '王奶奶', providerName: '玉山护理站', staffName: '李阿姨', text: '服务人员迟到一小时',
  status: 'received', statusLabel: '已受理', reply: null, creditPoints: 0, createdAt: '2026-11-20T02:00:00.000Z', updatedAt: '2026-11-20T02:00:00.000Z', ...over,
})

describe('ComplaintsPage', () => {
  it('lists the complaints newest first with their status and the 街道’s reply', async () => {
    ;(api.get as jest.Mock).mockResolvedValue([
      complaint({ id: 'old', orderId: 'o1', serviceName: '助浴', status: 'resolved', statusLabel: '已查实处理', reply: '已约谈服务机构，扣减信用分', createdAt: '2026-11-01T02:00:00.000Z' }),
      complaint({ id: 'new', orderId: 'o2', status: 'investigating', statusLabel: '调查中', createdAt: '2026-11-26T08:30:00.000Z' }),
    ])
    render(<ComplaintsPage />)
    const titles = await screen.findAllByText(/ · 王奶奶$/)
    expect(titles.map((t) => t.textContent)).toEqual(['助洁 · 王奶奶', '助浴 · 王奶奶'])
    expect(api.get).toHaveBeenCalledWith('/api/complaints')
    expect(screen.getByText('共 2 条，1 条正在处理')).toBeTruthy()
    expect(screen.getByText('调查中')).toBeTruthy()
    expect(screen.getByText('11月26日 16:30 提交 · 玉山护理站 · 李阿姨')).toBeTruthy()
    expect(screen.getByText('街道正在调查核实，处理后在这里答复您。')).toBeTruthy()
    expect(screen.getByText('已查实处理')).toBeTruthy()
    expect(screen.getByText('街道答复')).toBeTruthy()
    expect(screen.getByText('已约谈服务机构，扣减信用分')).toBeTruthy()

    fireEvent.click(screen.getAllByText('查看订单 ›')[0])
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/orders/pages/detail/index?id=o2' })
  })

  it('says how to complain when there is nothing yet', async () => {
    ;(api.get as jest.Mock).mockResolvedValue([])
    render(<ComplaintsPage />)
    expect(await screen.findByText('还没有投诉')).toBeTruthy()
    fireEvent.click(screen.getByText('查看我的订单'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/orders/index' })
  })

  it('offers a retry when loading fails, and refreshes on pull-down', async () => {
    ;(api.get as jest.Mock).mockRejectedValueOnce(new Error('网络连接失败，请检查网络后重试'))
    render(<ComplaintsPage />)
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy()
    ;(api.get as jest.Mock).mockResolvedValue([complaint({ id: 'c1' })])
    fireEvent.click(screen.getByText('重新加载'))
    expect(await screen.findByText('已受理')).toBeTruthy()

    ;(api.get as jest.Mock).mockResolvedValue([complaint({ id: 'c1', status: 'rejected', statusLabel: '未查实', reply: '经核实服务人员按时到达' })])
    const onPull = (usePullDownRefresh as jest.Mock).mock.calls.at(-1)[0] as () => void
    act(() => onPull())
    expect(await screen.findByText('经核实服务人员按时到达')).toBeTruthy()
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled())
    expect(screen.getByText('共 1 条，都已办结')).toBeTruthy()
  })
})
