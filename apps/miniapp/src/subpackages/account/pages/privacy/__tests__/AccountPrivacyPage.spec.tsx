import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ConsentStateView, PersonalDataExportView, PrivacyPolicyView } from '@carecircle/shared'
import Taro from '@tarojs/taro'
import { ApiError } from '../../../../../services/api-error'
import { api } from '../../../../../services/request'
import AccountPrivacyPage from '..'

jest.mock('../../../../../services/request', () => ({
  api: { get: jest.fn(), post: jest.fn() },
}))
jest.mock('@tarojs/taro', () => {
  const stub = jest.requireActual('@tarojs/taro')
  const { useEffect: effect } = jest.requireActual('react')
  const Taro = { ...stub.default, showModal: jest.fn(), setClipboardData: jest.fn(() => Promise.resolve()) }
  return {
    __esModule: true,
    default: Taro,
    useDidShow: (fn: () => void) => effect(() => fn(), []),
  }
})
jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, onClick, disabled }: { children: unknown; onClick: () => void; disabled?: boolean }) => (
    <button onClick={onClick} disabled={disabled}>
      {children as string}
    </button>
  ),
}))

const policy: PrivacyPolicyView = {
  version: '2026-05',
  publishedOn: '2026-05-01',
  title: 'CareCircle 隐私政策',
  sections: [{ heading: '我们收集什么', body: '您的微信登录标识和昵称' }],
}
const agreed: ConsentStateView = {
  currentVersion: '2026-05',
  consentedVersion: '2026-05',
  consentedAt: '2026-05-03T02:15:00.000Z',
  withdrawnAt: null,
  required: false,
  history: [{ action: 'consent', version: '2026-05', channel: 'weapp', at: '2026-05-03T02:15:00.000Z' }],
}
const withdrawn: ConsentStateView = {
  ...agreed,
  consentedVersion: null,
  consentedAt: null,
  withdrawnAt: '2026-11-27T08:05:00.000Z',
  required: true,
  history: [{ action: 'withdraw', version: '2026-05', channel: 'h5', at: '2026-11-27T08:05:00.000Z' }, ...agreed.history],
}
const exported: PersonalDataExportView = {
  exportedAt: '2026-11-27T08:30:00.000Z',
  user: { id: 'u1', nickname: '王芳', roles: ['family'], createdAt: '2026-01-01T00:00:00.000Z' },
  households: [],
  orders: [],
  mealBookings: [],
  childcareBookings: [],
  consents: agreed.history,
  timebank: { balanceMinutes: 0, entries: [] },
}

function serve(consent: ConsentStateView, exportAnswer: () => Promise<unknown> = () => Promise.resolve(exported)) {
  ;(api.get as jest.Mock).mockImplementation((path: string) => {
    if (path === '/api/privacy/policy') return Promise.resolve(policy)
    if (path === '/api/me/consent') return Promise.resolve(consent)
    if (path === '/api/me/export') return exportAnswer()
    return Promise.reject(new Error(`unexpected GET ${path}`))
  })
}

describe('AccountPrivacyPage', () => {
  it('shows the policy version and when the person agreed, with the way to withdraw', async () => {
    serve(agreed)
    render(<AccountPrivacyPage />)
    expect(await screen.findByText('CareCircle 隐私政策 · 2026-05 版（2026-05-01 发布）')).toBeTruthy()
    expect(screen.getByText('已同意')).toBeTruthy()
    expect(screen.getByText('您于 2026年5月3日 10:15 同意了 2026-05 版。')).toBeTruthy()
    expect(screen.getByText('撤回同意')).toBeTruthy()
    expect(screen.queryByText('阅读并同意')).toBeNull()
  })

  it('withdraws only after the dialog saying what happens is confirmed, then shows the withdrawn state', async () => {
    serve(agreed)
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false }).mockResolvedValueOnce({ confirm: true })
    ;(api.post as jest.Mock).mockResolvedValue(withdrawn)
    render(<AccountPrivacyPage />)

    fireEvent.click(await screen.findByText('撤回同意'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    const dialog = (Taro.showModal as jest.Mock).mock.calls[0][0] as { title: string; content: string }
    expect(dialog.title).toBe('撤回同意')
    expect(dialog.content).toContain('不能下新的服务订单，直到您重新同意')
    expect(api.post).not.toHaveBeenCalled()

    fireEvent.click(screen.getByText('撤回同意'))
    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/api/me/consent/withdraw', { channel: 'h5' }))
    expect(await screen.findByText('已撤回')).toBeTruthy()
    expect(screen.getByText('您于 2026年11月27日 16:05 撤回了同意。重新同意前不能下新的服务订单。')).toBeTruthy()
    fireEvent.click(screen.getByText('阅读并同意'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/index?ask=1' })
  })

  it('exports the data as a downloaded JSON file and offers to copy it', async () => {
    serve(agreed)
    const downloads: { name: string; href: string }[] = []
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, href: this.href })
    })
    render(<AccountPrivacyPage />)
    fireEvent.click(await screen.findByText('导出我的数据', { selector: 'button' }))

    expect(await screen.findByText('2026年11月27日 16:30 导出：carecircle-mydata-20261127-1630.json')).toBeTruthy()
    expect(api.get).toHaveBeenCalledWith('/api/me/export')
    expect(downloads).toHaveLength(1)
    expect(downloads[0].name).toBe('carecircle-mydata-20261127-1630.json')
    expect(screen.getByText(/已下载到本机/)).toBeTruthy()
    expect(screen.queryByText('发送到聊天')).toBeNull()

    fireEvent.click(screen.getByText('复制全部内容'))
    await waitFor(() => expect(Taro.setClipboardData).toHaveBeenCalled())
    const copied = JSON.parse((Taro.setClipboardData as jest.Mock).mock.calls[0][0].data as string) as PersonalDataExportView
    expect(copied.user.nickname).toBe('王芳')
    click.mockRestore()
  })

  it('shows the server’s message when the hourly export limit is reached', async () => {
    serve(agreed, () =>
      Promise.reject(new ApiError({ statusCode: 429, error: 'TOO_MANY_REQUESTS', message: '每小时最多导出 3 次个人数据，请 42 分钟后再试', details: { retryAfterSeconds: 2500 } })),
    )
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    render(<AccountPrivacyPage />)
    fireEvent.click(await screen.findByText('导出我的数据', { selector: 'button' }))
    expect(await screen.findByText('每小时最多导出 3 次个人数据，请 42 分钟后再试')).toBeTruthy()
    expect(click).not.toHaveBeenCalled()
    expect(screen.queryByText('复制全部内容')).toBeNull()
    click.mockRestore()
  })

  it('opens 注销账号', async () => {
    serve(agreed)
    render(<AccountPrivacyPage />)
    fireEvent.click(await screen.findByText('注销账号', { selector: 'button' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/account/pages/delete/index' })
  })
})
