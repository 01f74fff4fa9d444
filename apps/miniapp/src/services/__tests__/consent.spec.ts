import type { ConsentStateView } from '@carecircle/shared'
import Taro from '@tarojs/taro'
import { askConsentAtStart, consentAfterLogin } from '../consent'
import { api } from '../request'
import { tokenStore } from '../storage'

jest.mock('../request', () => ({
  api: { get: jest.fn(), post: jest.fn() },
}))

const none: ConsentStateView = { currentVersion: '2026-05', consentedVersion: null, consentedAt: null, withdrawnAt: null, required: false, history: [] }
const current: ConsentStateView = { ...none, consentedVersion: '2026-05', consentedAt: '2026-05-03T02:00:00.000Z' }
const older: ConsentStateView = { ...none, consentedVersion: '2025-09', consentedAt: '2025-09-10T02:00:00.000Z' }
const withdrawn: ConsentStateView = { ...none, withdrawnAt: '2026-11-01T02:00:00.000Z', required: true }

function consentIs(state: ConsentStateView) {
  ;(api.get as jest.Mock).mockImplementation((path: string) =>
    path === '/api/me/consent' ? Promise.resolve(state) : Promise.reject(new Error(`unexpected GET ${path}`)),
  )
  ;(api.post as jest.Mock).mockResolvedValue(current)
}

describe('consent after login', () => {
  it('records a first consent with the version the login page showed', async () => {
    consentIs(none)
    await expect(consentAfterLogin('2026-05')).resolves.toBe('done')
    expect(api.post).toHaveBeenCalledWith('/api/me/consent', { version: '2026-05', channel: 'h5' })
  })

  it('asks on the guide when the person agreed to an older version', async () => {
    consentIs(older)
    await expect(consentAfterLogin('2026-05')).resolves.toBe('ask')
    expect(api.post).not.toHaveBeenCalled()
  })

  it('asks when the login page showed no version or another one', async () => {
    consentIs(none)
    await expect(consentAfterLogin(null)).resolves.toBe('ask')
    await expect(consentAfterLogin('2025-09')).resolves.toBe('ask')
    expect(api.post).not.toHaveBeenCalled()
  })

  it('leaves a withdrawal and a current consent as they are', async () => {
    consentIs(withdrawn)
    await expect(consentAfterLogin('2026-05')).resolves.toBe('done')
    consentIs(current)
    await expect(consentAfterLogin('2026-05')).resolves.toBe('done')
    expect(api.post).not.toHaveBeenCalled()
  })
})

describe('consent at start', () => {
  afterEach(() => tokenStore.clear())

  it('opens the guide in asking mode for a saved login without consent to the current version', async () => {
    tokenStore.save({ accessToken: 'a', refreshToken: 'r' })
    consentIs(older)
    await askConsentAtStart()
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/index?ask=1' })
  })

  it('does nothing when consent is current or when nobody is logged in', async () => {
    tokenStore.save({ accessToken: 'a', refreshToken: 'r' })
    consentIs(current)
    await askConsentAtStart()
    tokenStore.clear()
    consentIs(none)
    await askConsentAtStart()
    expect(api.get).toHaveBeenCalledTimes(1)
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })
})
