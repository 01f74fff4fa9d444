import Taro from '@tarojs/taro'
import { ErrorCode } from '@carecircle/shared'
import { getMe, loginWithCode, logout } from '../auth'
import { updateElder } from '../elders'
import { listHouseholds } from '../households'
import { ApiError } from '../request'
import { tokenStore } from '../storage'
import { transport as weappTransport } from '../transport.weapp'

type Stub = typeof Taro & { request: jest.Mock; __resetStorage: () => void }
const taro = Taro as Stub

function respond(statusCode: number, data: unknown) {
  return Promise.resolve({ statusCode, data, header: {}, errMsg: 'request:ok' })
}

beforeEach(() => {
  taro.__resetStorage()
  taro.request.mockReset()
})

describe('the app wiring over Taro.request', () => {
  it('logs in, keeps the tokens in Taro storage and sends them on later requests', async () => {
    taro.request
      .mockImplementationOnce(() => respond(200, { accessToken: 'a1', refreshToken: 'r1', expiresIn: 900, user: { id: 'u1' } }))
      .mockImplementationOnce(() => respond(200, { id: 'u1', nickname: '王芳', roles: ['family'], householdIds: [], elderId: null }))

    await loginWithCode('dev:wangfang')
    expect(taro.request.mock.calls[0][0]).toMatchObject({ url: 'https://api.test/api/auth/wechat', method: 'POST', data: { code: 'dev:wangfang' } })
    expect(tokenStore.getAccess()).toBe('a1')

    await expect(getMe()).resolves.toMatchObject({ nickname: '王芳' })
    expect(taro.request.mock.calls[1][0].header.Authorization).toBe('Bearer a1')
  })

  it('sends PATCH as PATCH on H5', async () => {
    tokenStore.save({ accessToken: 'a1', refreshToken: 'r1' })
    taro.request.mockImplementation(() => respond(200, { id: 'e1' }))
    await updateElder('e1', { name: '王建国' })
    expect(taro.request.mock.calls[0][0]).toMatchObject({ url: 'https://api.test/api/elders/e1', method: 'PATCH', data: { name: '王建国' } })
  })

  it('sends PATCH as POST + X-HTTP-Method-Override on weapp, where wx.request has no PATCH', async () => {
    taro.request.mockImplementation(() => respond(200, {}))
    await weappTransport({ url: 'https://api.test/api/elders/e1', method: 'PATCH', data: { name: 'x' }, header: { Authorization: 'Bearer a' } })
    expect(taro.request.mock.calls[0][0]).toMatchObject({
      method: 'POST',
      header: { Authorization: 'Bearer a', 'X-HTTP-Method-Override': 'PATCH' },
    })
  })

  it('goes back to the login page once the session cannot be refreshed', async () => {
    tokenStore.save({ accessToken: 'old', refreshToken: 'bad' })
    taro.request.mockImplementation((opts: { url: string }) =>
      opts.url.endsWith('/api/auth/refresh')
        ? respond(401, { statusCode: 401, error: ErrorCode.REFRESH_TOKEN_INVALID, message: '请重新登录', requestId: 'r' })
        : respond(401, { statusCode: 401, error: ErrorCode.TOKEN_EXPIRED, message: '登录已过期', requestId: 'r' }),
    )
    await expect(listHouseholds()).rejects.toBeInstanceOf(ApiError)
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
    expect(tokenStore.getAccess()).toBeNull()
    expect(tokenStore.getRefresh()).toBeNull()
  })

  it('turns a network failure into a readable ApiError', async () => {
    taro.request.mockImplementation(() => Promise.reject(new Error('Failed to fetch')))
    await expect(listHouseholds()).rejects.toMatchObject({ error: 'NETWORK', message: '网络连接失败，请检查网络后重试' })
  })

  it('rejects a 2xx body of the wrong shape instead of handing it to the screens', async () => {
    tokenStore.save({ accessToken: 'a1', refreshToken: 'r1' })
    taro.request.mockImplementation(() => respond(200, { households: [] }))
    await expect(listHouseholds()).rejects.toMatchObject({ error: 'INVALID_RESPONSE' })
  })

  it('logout tells the server and forgets the session even if the server call fails', async () => {
    tokenStore.save({ accessToken: 'a1', refreshToken: 'r1' })
    taro.request.mockImplementation(() => Promise.reject(new Error('offline')))
    await expect(logout()).rejects.toBeInstanceOf(ApiError)
    expect(taro.request.mock.calls[0][0]).toMatchObject({ url: 'https://api.test/api/auth/logout', data: { refreshToken: 'r1' } })
    expect(tokenStore.getRefresh()).toBeNull()
  })
})
