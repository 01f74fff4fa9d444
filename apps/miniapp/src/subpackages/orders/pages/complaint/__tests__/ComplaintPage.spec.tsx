import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { OrderView } from '@carecircle/shared'
import Taro from '@tarojs/taro'
import { ApiError } from '../../../../../services/api-error'
import { api } from '../../../../../services/request'
import ComplaintPage from '..'

jest.mock('../../../../../services/request', () => ({
  api: { get: jest.fn(), post: jest.fn() },
}))
jest.mock('@tarojs/taro', () => {
  const stub = jest.requireActual('@tarojs/taro')
  const { useEffect: effect } = jest.requireActual('react')
  const Taro = { ...stub.default, pageScrollTo: jest.fn(() => Promise.resolve()), redirectTo: jest.fn(() => Promise.resolve()) }
  return {
    __esModule: true,
    default: Taro,
    useDidShow: (fn: () => void) => effect(() => fn(), []),
    useRouter: () => ({ params: { orderId: 'o1' } }),
  }
})
jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, onClick }: { children: unknown; onClick: () => void }) => <button onClick={onClick}>{children as string}</button>,
  TextArea: ({ value, onChange, nativeProps }: { value: string; onChange: (v: string) => void; nativeProps?: Record<string, string> }) => (
    <textarea aria-label={nativeProps?.['aria-label']} value={value} onChange={(e) => onChange(e.target.value)} />
  ),
}))

const staff = { id: 's1', name: '李阿姨', providerName: '玉山护理站', ratingX100: 480, certificates: [], phoneMasked: null, providerPhone: null, photoUrl: null }
const order = {
  id: 'o1', elderId: 'e1', elderName: '王奶奶', serviceCode: 'cleaning', serviceName: '助洁', status: 'completed', statusLabel: '服务完成',
  windowStart: null, windowEnd: null, staff, price: {}, events: [],
} as unknown as OrderView

describe('ComplaintPage', () => {
  beforeEach(() => {
    ;(api.get as jest.Mock).mockImplementation((path: string) =>
      path === '/api/orders/o1' ? Promise.resolve(order) : Promise.reject(new Error(`unexpected GET ${path}`)),
    )
    ;(Taro.getCurrentPages as jest.Mock).mockReturnValue([{ route: 'detail' }, { route: 'complaint' }])
  })

  it('names the order and who served it, and counts the characters typed', async () => {
    render(<ComplaintPage />)
    expect(await screen.findByText('助洁 · 王奶奶')).toBeTruthy()
    expect(screen.getByText('服务机构：玉山护理站 · 服务人员：李阿姨')).toBeTruthy()
    expect(screen.getByText('0/1000')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('投诉内容'), { target: { value: '  迟到了一小时  ' } })
    expect(screen.getByText('6/1000')).toBeTruthy()
  })

  it('says what is missing next to the field and sends nothing', async () => {
    render(<ComplaintPage />)
    fireEvent.click(await screen.findByText('提交投诉'))
    expect(await screen.findByText('请填写投诉内容')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('投诉内容'), { target: { value: '迟到' } })
    expect(screen.queryByText('请填写投诉内容')).toBeNull()
    fireEvent.click(screen.getByText('提交投诉'))
    expect(await screen.findByText('请写清楚发生了什么，至少 5 个字')).toBeTruthy()
    expect(api.post).not.toHaveBeenCalled()
  })

  it('files the trimmed complaint, goes back to the order and confirms there', async () => {
    ;(api.post as jest.Mock).mockResolvedValue({ id: 'c1', orderId: 'o1', status: 'received', statusLabel: '已受理', text: '服务人员迟到一小时', createdAt: '2026-11-27T02:00:00.000Z' })
    render(<ComplaintPage />)
    fireEvent.change(await screen.findByLabelText('投诉内容'), { target: { value: ' 服务人员迟到一小时 ' } })
    fireEvent.click(screen.getByText('提交投诉'))
    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/api/orders/o1/complaints', { text: '服务人员迟到一小时' }))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    Taro.eventCenter.trigger('__afterTaroRouterChange')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '投诉已提交，街道会尽快处理' }))
  })

  it('shows the server’s field message next to the field', async () => {
    ;(api.post as jest.Mock).mockRejectedValue(
      new ApiError({ statusCode: 400, error: 'VALIDATION_FAILED', message: '输入有误', details: { fields: [{ field: 'text', message: '最多 1000 个字' }] } }),
    )
    render(<ComplaintPage />)
    fireEvent.change(await screen.findByLabelText('投诉内容'), { target: { value: '服务人员迟到一小时' } })
    fireEvent.click(screen.getByText('提交投诉'))
    expect(await screen.findByText('最多 1000 个字')).toBeTruthy()
    expect(Taro.navigateBack).not.toHaveBeenCalled()
  })

  it('refuses an order nobody has taken yet', async () => {
    ;(api.get as jest.Mock).mockResolvedValue({ ...order, staff: null, status: 'dispatching' })
    render(<ComplaintPage />)
    expect(await screen.findByText('暂不能投诉')).toBeTruthy()
    expect(screen.queryByText('提交投诉')).toBeNull()
  })
})
