import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { MeView, RegionView, TimebankRecipientView, TimebankView } from '@carecircle/shared'
import Taro from '@tarojs/taro'
import { api } from '../../../../../services/request'
import TimebankPage from '..'

jest.mock('../../../../../services/request', () => ({
  api: { get: jest.fn(), post: jest.fn() },
}))
jest.mock('@tarojs/taro', () => {
  const stub = jest.requireActual('@tarojs/taro')
  const { useEffect: effect } = jest.requireActual('react')
  const Taro = { ...stub.default, showModal: jest.fn(), stopPullDownRefresh: jest.fn() }
  return {
    __esModule: true,
    default: Taro,
    // The page loads when it shows: in a test, when it mounts.
    useDidShow: (fn: () => void) => effect(() => fn(), []),
    usePullDownRefresh: jest.fn(),
  }
})
jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, onClick, disabled }: { children: unknown; onClick: () => void; disabled?: boolean }) => (
    <button onClick={onClick} disabled={disabled}>
      {children as string}
    </button>
  ),
  Input: ({ value, onChange, nativeProps }: { value: string; onChange: (v: string) => void; nativeProps?: Record<string, string> }) => (
    <input aria-label={nativeProps?.['aria-label']} value={value} onChange={(e) => onChange(e.target.value)} />
  ),
}))

const center = { lat: 31.385, lng: 120.981 }
const regions: RegionView[] = [
  { id: 'd', name: '昆山市', level: 'district', parentId: null, center },
  { id: 's1', name: '玉山镇', level: 'street', parentId: 'd', center },
  { id: 'c1', name: '朝阳社区', level: 'community', parentId: 's1', center },
]
const me: MeView = { id: 'u1', nickname: '小王', roles: ['family'] as MeView['roles'], householdIds: ['h1'], elderId: null }
const recipients: TimebankRecipientView[] = [
  { userId: 'u2', name: '王妈妈', relation: '家庭成员' },
  { userId: 'u3', name: '王建国', relation: '老人本人（长辈版）' },
]
const timebank: TimebankView = {
  userId: 'u1',
  balanceMinutes: 150,
  entries: [
    { kind: 'earn', minutes: 90, orderId: 'o1', note: '探访关爱', at: '2026-11-27T08:05:00.000Z' },
    { kind: 'give_out', minutes: 30, orderId: null, note: '转赠家人', at: '2026-11-26T23:30:00.000Z' },
  ],
}

function routeGets(view: MeView = me, to: TimebankRecipientView[] = recipients) {
  ;(api.get as jest.Mock).mockImplementation((path: string) => {
    if (path === '/api/me') return Promise.resolve(view)
    if (path === '/api/timebank/me') return Promise.resolve(timebank)
    if (path === '/api/timebank/recipients') return Promise.resolve(to)
    if (path === '/api/regions') return Promise.resolve(regions)
    return Promise.reject(new Error(`unexpected GET ${path}`))
  })
}

describe('TimebankPage', () => {
  beforeEach(() => {
    routeGets()
    ;(Taro.showModal as jest.Mock).mockResolvedValue({ confirm: true })
  })

  it('shows the balance in hours and minutes and the ledger in Shanghai time', async () => {
    render(<TimebankPage />)
    expect(await screen.findByText('2 小时 30 分')).toBeTruthy()
    expect(screen.getByText('志愿服务获得')).toBeTruthy()
    expect(screen.getByText('+1 小时 30 分')).toBeTruthy()
    expect(screen.getByText('2026年11月27日 16:05')).toBeTruthy()
    expect(screen.getByText('−30 分')).toBeTruthy()
    expect(screen.getByText('2026年11月27日 07:30')).toBeTruthy()
  })

  it('registers as a volunteer with the chosen region and skills, then offers the workbench', async () => {
    ;(api.post as jest.Mock).mockResolvedValue({ id: 'st1', name: '小王', providerName: '玉山镇志愿者服务队', skills: ['visit', 'shopping'] })
    render(<TimebankPage />)
    fireEvent.click(await screen.findByText('登记为志愿者', { selector: 'button' }))
    expect(await screen.findByText('请选择服务的街道或社区')).toBeTruthy()
    expect(screen.getByText('至少选择一项服务')).toBeTruthy()
    expect(screen.getByText('请输入出生年份')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('出生年份'), { target: { value: '1900' } })
    fireEvent.click(screen.getByText('登记为志愿者', { selector: 'button' }))
    expect(await screen.findByText('时间银行志愿者须年满 18 周岁、不超过 75 周岁')).toBeTruthy()
    expect(api.post).not.toHaveBeenCalled()

    fireEvent.click(await screen.findByText('请选择服务的街道和社区'))
    fireEvent.click(screen.getByText('朝阳社区'))
    fireEvent.click(screen.getByText('探访关爱'))
    fireEvent.click(screen.getByText('助购'))
    fireEvent.change(screen.getByLabelText('出生年份'), { target: { value: '1980' } })
    fireEvent.click(screen.getByText('登记为志愿者', { selector: 'button' }))
    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/api/timebank/volunteer', { regionId: 'c1', skills: ['visit', 'shopping'], birthYear: 1980 }))
    fireEvent.click(await screen.findByText('去服务人员工作台'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/workbench/index' })
  })

  it('hides the volunteer form from staff', async () => {
    routeGets({ ...me, roles: ['family', 'provider_staff'] as MeView['roles'] })
    render(<TimebankPage />)
    expect(await screen.findByText('去服务人员工作台')).toBeTruthy()
    expect(screen.queryByText('登记为志愿者', { selector: 'button' })).toBeNull()
  })

  it('offers household members and the elder\'s own login as recipients', async () => {
    render(<TimebankPage />)
    expect(await screen.findByText('王妈妈 · 家庭成员')).toBeTruthy()
    expect(screen.getByText('王建国 · 老人本人（长辈版）')).toBeTruthy()
    expect(api.get).not.toHaveBeenCalledWith('/api/households/h1')
  })

  it('gives minutes to the elder\'s own login', async () => {
    ;(api.post as jest.Mock).mockResolvedValue({ ...timebank, balanceMinutes: 120 })
    render(<TimebankPage />)
    fireEvent.click(await screen.findByText('王建国 · 老人本人（长辈版）'))
    fireEvent.change(screen.getByLabelText('分钟数'), { target: { value: '30' } })
    fireEvent.click(screen.getByText('转赠', { selector: 'button' }))
    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/api/timebank/give', { toUserId: 'u3', minutes: 30 }))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('转赠给 王建国') }))
  })

  it('says whom to add when there is nobody to give to', async () => {
    routeGets(me, [])
    render(<TimebankPage />)
    expect(await screen.findByText(/家庭里还没有可以转赠的人/)).toBeTruthy()
    expect(screen.queryByText('转赠', { selector: 'button' })).toBeNull()
  })

  it('refuses more minutes than the balance, then gives after confirming', async () => {
    ;(api.post as jest.Mock).mockResolvedValue({ ...timebank, balanceMinutes: 90 })
    render(<TimebankPage />)
    fireEvent.click(await screen.findByText('王妈妈 · 家庭成员'))
    const input = screen.getByLabelText('分钟数')

    fireEvent.change(input, { target: { value: '151' } })
    fireEvent.click(screen.getByText('转赠', { selector: 'button' }))
    expect(await screen.findByText('余额不足，最多可转赠 150 分钟')).toBeTruthy()
    fireEvent.change(input, { target: { value: '1.5' } })
    fireEvent.click(screen.getByText('转赠', { selector: 'button' }))
    expect(await screen.findByText('分钟数应为整数')).toBeTruthy()
    expect(Taro.showModal).not.toHaveBeenCalled()
    expect(api.post).not.toHaveBeenCalled()

    fireEvent.change(input, { target: { value: '60' } })
    fireEvent.click(screen.getByText('转赠', { selector: 'button' }))
    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/api/timebank/give', { toUserId: 'u2', minutes: 60 }))
    expect(Taro.showModal).toHaveBeenCalledTimes(1)
    expect(await screen.findByText('1 小时 30 分')).toBeTruthy()
  })

  it('shows the server message when a gift fails', async () => {
    ;(api.post as jest.Mock).mockRejectedValue(new Error('只能转给同一家庭的成员'))
    render(<TimebankPage />)
    fireEvent.click(await screen.findByText('王妈妈 · 家庭成员'))
    fireEvent.change(screen.getByLabelText('分钟数'), { target: { value: '10' } })
    fireEvent.click(screen.getByText('转赠', { selector: 'button' }))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '只能转给同一家庭的成员' })))
  })
})
