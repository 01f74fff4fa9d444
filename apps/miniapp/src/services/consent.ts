import type { ConsentStateView } from '@carecircle/shared'
import Taro from '@tarojs/taro'
import { getConsent, recordConsent } from './account'
import { accountRoutes } from './account-routes'
import { CONSENT_CHANNEL } from './privacy'
import { hasSession } from './storage'

/**
 * Whether to show the privacy guide with 同意 / 不同意: no consent on the server to the version in
 * force. A person who withdrew is not asked on every start; they agree again in 我的 → 隐私与数据
 * (ordering sends them there).
 */
export function needsConsent(state: ConsentStateView): boolean {
  return state.withdrawnAt === null && state.consentedVersion !== state.currentVersion
}

/** The policy changed since the person last agreed (WeChat asks again in that case). */
export function policyUpdatedSince(state: ConsentStateView): boolean {
  return state.consentedVersion !== null && state.consentedVersion !== state.currentVersion
}

export type ConsentAfterLogin = 'done' | 'ask'

/**
 * Right after login. The login page said 登录即表示同意 the guide of `shownVersion`: a first consent is
 * recorded with that version. Someone who agreed to an older version, or who saw no version (the
 * policy did not load), is shown the guide and asked.
 */
export async function consentAfterLogin(shownVersion: string | null): Promise<ConsentAfterLogin> {
  const state = await getConsent()
  if (!needsConsent(state)) return 'done'
  if (state.consentedVersion === null && shownVersion === state.currentVersion) {
    await recordConsent({ version: shownVersion, channel: CONSENT_CHANNEL })
    return 'done'
  }
  return 'ask'
}

export function agreeToPolicy(version: string): Promise<ConsentStateView> {
  return recordConsent({ version, channel: CONSENT_CHANNEL })
}

/** At start with a saved login: ask when the server has no consent to the policy in force. */
export async function askConsentAtStart(): Promise<void> {
  if (!hasSession()) return
  try {
    if (needsConsent(await getConsent())) await Taro.navigateTo({ url: accountRoutes.askConsent() })
  } catch {
    // Offline or logged out: asked at the next start or login.
  }
}
