import Taro from '@tarojs/taro'

/** The few things the app keeps on the device. Tokens never leave this module unencrypted elsewhere. */
const KEYS = {
  access: 'cc.accessToken',
  refresh: 'cc.refreshToken',
  household: 'cc.currentHouseholdId',
  onDuty: 'cc.staffOnDuty',
} as const

export interface TokenPair {
  accessToken: string
  refreshToken: string
}

export interface TokenStore {
  getAccess(): string | null
  getRefresh(): string | null
  save(tokens: TokenPair): void
  clear(): void
}

function read(key: string): string | null {
  try {
    const value: unknown = Taro.getStorageSync(key)
    return typeof value === 'string' && value !== '' ? value : null
  } catch {
    return null
  }
}

export const tokenStore: TokenStore = {
  getAccess: () => read(KEYS.access),
  getRefresh: () => read(KEYS.refresh),
  save(tokens) {
    Taro.setStorageSync(KEYS.access, tokens.accessToken)
    Taro.setStorageSync(KEYS.refresh, tokens.refreshToken)
  },
  clear() {
    Taro.removeStorageSync(KEYS.access)
    Taro.removeStorageSync(KEYS.refresh)
    Taro.removeStorageSync(KEYS.household)
    Taro.removeStorageSync(KEYS.onDuty)
  },
}

export function hasSession(): boolean {
  return tokenStore.getAccess() !== null || tokenStore.getRefresh() !== null
}

/** The household the user last looked at (the 首页 shows it). */
export function getCurrentHouseholdId(): string | null {
  return read(KEYS.household)
}

export function setCurrentHouseholdId(id: string): void {
  Taro.setStorageSync(KEYS.household, id)
}

/** Whether this device's staff member went on duty here: location is then reported while the app is open. */
export function isOnDutyHere(): boolean {
  return read(KEYS.onDuty) === '1'
}

export function setOnDutyHere(onDuty: boolean): void {
  if (onDuty) Taro.setStorageSync(KEYS.onDuty, '1')
  else Taro.removeStorageSync(KEYS.onDuty)
}
