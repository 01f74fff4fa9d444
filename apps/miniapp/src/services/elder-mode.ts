import type { MeView } from '@carecircle/shared'
import Taro from '@tarojs/taro'
import { flashSuccess } from '../utils/feedback'
import { getMe } from './auth'
import { elderRoutes } from './elder-routes'
import { HOME_PAGE, goHome } from './navigation'

/**
 * 长辈版 on this device: which elder's big-button home opens when the app starts, set per device
 * (a parent's phone or tablet), not per account. It remembers who switched it on, so another account
 * logging in on the same device is not sent into someone else's 长辈版.
 */
const KEYS = {
  device: 'cc.elderMode',
  /** The elder's own login chose 普通版 on this device: do not force 长辈版 on them again. */
  optOut: 'cc.elderModeOff',
} as const

export interface DeviceElderMode {
  /** The account that switched it on. */
  userId: string
  elderId: string
  /** The elder's own login (no elderId in requests, and they may answer proxy orders). */
  self: boolean
}

function isMode(value: unknown): value is DeviceElderMode {
  const v = value as Partial<DeviceElderMode> | null
  return typeof v === 'object' && v !== null && typeof v.userId === 'string' && typeof v.elderId === 'string' && typeof v.self === 'boolean'
}

export function getDeviceElderMode(): DeviceElderMode | null {
  try {
    const raw: unknown = Taro.getStorageSync(KEYS.device)
    const value: unknown = typeof raw === 'string' && raw ? JSON.parse(raw) : raw
    return isMode(value) ? value : null
  } catch {
    return null
  }
}

export function setDeviceElderMode(mode: DeviceElderMode | null): void {
  if (mode) Taro.setStorageSync(KEYS.device, JSON.stringify(mode))
  else Taro.removeStorageSync(KEYS.device)
}

export function isElderOptOut(): boolean {
  try {
    return Taro.getStorageSync(KEYS.optOut) === '1'
  } catch {
    return false
  }
}

export function setElderOptOut(optOut: boolean): void {
  if (optOut) Taro.setStorageSync(KEYS.optOut, '1')
  else Taro.removeStorageSync(KEYS.optOut)
}

/** Whether this device should open in 长辈版 for `me`: their own elder login unless they chose 普通版, or a switch they set. */
export function elderModeFor(me: Pick<MeView, 'id' | 'elderId'>, stored: DeviceElderMode | null, optOut: boolean): DeviceElderMode | null {
  if (stored && stored.userId === me.id) return stored
  if (me.elderId && !optOut) return { userId: me.id, elderId: me.elderId, self: true }
  return null
}

/** The elder home URL for a device mode (the elder's own login sends no elderId). */
export function elderHomeUrl(mode: DeviceElderMode): string {
  return elderRoutes.home(mode.self ? {} : { elderId: mode.elderId })
}

/** After logging in: the elder's own account opens 长辈版 by default, everyone else 首页. */
export async function openHomeAfterLogin(): Promise<void> {
  let mode: DeviceElderMode | null = null
  try {
    const me = await getMe()
    mode = elderModeFor(me, getDeviceElderMode(), isElderOptOut())
  } catch {
    // 首页 shows its own error and retry.
  }
  if (mode) {
    // 长辈版 has no pop-ups (适老化): the elder home itself says who is logged in.
    setDeviceElderMode(mode)
    await Taro.reLaunch({ url: elderHomeUrl(mode) })
  } else {
    flashSuccess('登录成功')
    goHome()
  }
}

/**
 * On 首页: when this device is set to 长辈版, go there instead. The stored owner is checked by the
 * elder home itself (it clears a switch another account left behind).
 */
export function redirectIfElderMode(): boolean {
  const mode = getDeviceElderMode()
  if (!mode) return false
  Taro.reLaunch({ url: elderHomeUrl(mode) }).catch(() => undefined)
  return true
}

/** 切换到普通版 from the elder home. The elder's own login remembers the choice on this device. */
export async function leaveElderMode(): Promise<void> {
  const mode = getDeviceElderMode()
  if (mode?.self) setElderOptOut(true)
  setDeviceElderMode(null)
  await Taro.reLaunch({ url: HOME_PAGE })
}
