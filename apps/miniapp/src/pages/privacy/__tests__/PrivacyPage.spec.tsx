import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ConsentStateView, PrivacyPolicyView } from '@carecircle/shared'
import Taro, { useRouter } from '@tarojs/taro'
import { api } from '../../../services/request'
import { tokenStore } from '../../../services/storage'
import PrivacyPage from '..'

jest.mock('../../../services/request', () => ({
  api: { get: jest.fn(), post: jest.fn() },
}))
jest.mock('@tarojs/taro', () => {
  const stub = jest.requireActual('@tarojs/taro')
  const { useEffect: effect } = jest.requireActual('react')
  const Taro = { ...stub.default, showModal: jest.fn() }
  return {
    __esModule: true,
    default: Taro,
    useDidShow: (fn: () => void) => effect(() => fn(), []),
    useRouter: jest.fn(() => ({ params: {} })),
  }
})
jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, onClick }: { children: unknown; onClick: () => void }) => <button onClick={onClick}>{children as string}</button>,
}))

const policy: PrivacyPolicyView = {
  version: '2026-05',
  publishedOn: '2026-05-01',
  title: 'CareCircle 隐私政策',
  sections: [
    { heading: '我们收集什么', body: '您的微信登录标识和昵称' },
    { heading: '注销后保留什么', body: '订单和补贴台账会保留，但已匿名化' },
  ],
}
const olderConsent: ConsentStateView = {
  currentVersion: '2026-05',
  consentedVersion: '2025-09',
  consentedAt: '2025-09-10T02:00:00.000Z',
  withdrawnAt: null,
  required: false,
  history: [{ action: 'consent', version: '2025-09', channel: 'weapp', at: '2025-09-10T02:00:00.000Z' }],
}

function serve(consent: ConsentStateView) {
  ;(api.get as jest.Mock).mockImplementation((path: string) => {
    if (path === '/api/privacy/policy') return Promise.resolve(policy)
    if (path === '/api/me/consent') return Promise.resolve(consent)
    if (path === '/api/me') return Promise.resolve({ id: 'u1', nickname: '王芳', roles: ['family'], householdIds: [], elderId: null })
    return Promise.reject(new Error(`unexpected GET ${path}`))
  })
}

describe('PrivacyPage (the privacy guide)', () => {
  afterEach(() => tokenStore.clear())

  it('shows the server’s policy with its version, without asking, before login', async () => {
    serve(olderConsent)
    render(<PrivacyPage />)
    expect(await screen.findByText('CareCircle 隐私政策')).toBeTruthy()
    expect(screen.getByText('2026-05 版 · 2026-05-01 发布')).toBeTruthy()
    expect(screen.getByText('订单和补贴台账会保留，但已匿名化')).toBeTruthy()
    expect(screen.queryByText('同意并继续')).toBeNull()
    expect(api.get).not.toHaveBeenCalledWith('/api/me/consent')
  })

  it('asks again when the policy is newer than the consent, and records the agreement with its version', async () => {
    tokenStore.save({ accessToken: 'a', refreshToken: 'r' })
    ;(useRouter as jest.Mock).mockReturnValue({ params: { ask: '1' } })
    serve(olderConsent)
    ;(api.post as jest.Mock).mockResolvedValue({ ...olderConsent, consentedVersion: '2026-05', consentedAt: '2026-11-27T08:00:00.000Z' })
    ;(Taro.getCurrentPages as jest.Mock).mockReturnValue([{ route: 'pages/index/index' }, { route: 'pages/privacy/index' }])
    render(<PrivacyPage />)

    expect(await screen.findByText('隐私保护指引已更新')).toBeTruthy()
    expect(screen.getByText('您之前同意的是 2025-09 版。请阅读新版本，同意后继续使用。')).toBeTruthy()
    fireEvent.click(screen.getByText('同意并继续'))
    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/api/me/consent', { version: '2026-05', channel: 'h5' }))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
  })

  it('records a refusal as a withdrawal after saying what it means', async () => {
    tokenStore.save({ accessToken: 'a', refreshToken: 'r' })
    ;(useRouter as jest.Mock).mockReturnValue({ params: { ask: '1' } })
    serve({ ...olderConsent, consentedVersion: null, consentedAt: null, history: [] })
    ;(Taro.showModal as jest.Mock).mockResolvedValue({ confirm: true })
    ;(api.post as jest.Mock).mockResolvedValue({ ...olderConsent, consentedVersion: null, withdrawnAt: '2026-11-27T08:00:00.000Z', required: true })
    ;(Taro.getCurrentPages as jest.Mock).mockReturnValue([{ route: 'pages/index/index' }, { route: 'pages/privacy/index' }])
    render(<PrivacyPage />)

    expect(await screen.findByText('请阅读隐私保护指引')).toBeTruthy()
    fireEvent.click(screen.getByText('不同意'))
    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/api/me/consent/withdraw', { channel: 'h5' }))
    expect(((Taro.showModal as jest.Mock).mock.calls[0][0] as { content: string }).content).toContain('不能下新的服务订单')
    expect(api.post).not.toHaveBeenCalledWith('/api/me/consent', expect.anything())
  })
})
