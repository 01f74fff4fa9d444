import type { AuthTokensView, DevLoginView, MeView } from '@carecircle/shared'
import { expectList, expectRecord } from './guards'
import { api } from './request'
import { tokenStore } from './storage'

export async function listDevLogins(): Promise<DevLoginView[]> {
  return expectList<DevLoginView>(await api.request({ method: 'GET', path: '/api/auth/dev-logins', auth: false }))
}

/** Exchanges a wx.login code (or `dev:<name>` on a dev server) for tokens, and keeps them. */
export async function loginWithCode(code: string): Promise<AuthTokensView> {
  const tokens = expectRecord<AuthTokensView>(
    await api.request({ method: 'POST', path: '/api/auth/wechat', data: { code }, auth: false }),
    ['accessToken', 'refreshToken', 'user'],
  )
  tokenStore.save(tokens)
  return tokens
}

/** Ends the session on the server (best effort) and forgets it here. */
export async function logout(): Promise<void> {
  const refreshToken = tokenStore.getRefresh()
  try {
    if (refreshToken) {
      await api.request<void>({ method: 'POST', path: '/api/auth/logout', data: { refreshToken }, auth: false })
    }
  } finally {
    tokenStore.clear()
  }
}

export async function getMe(): Promise<MeView> {
  return expectRecord<MeView>(await api.get('/api/me'), ['id', 'nickname', 'roles', 'householdIds'])
}
