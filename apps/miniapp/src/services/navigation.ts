import Taro from '@tarojs/taro'

export const LOGIN_PAGE = '/pages/login/index'
export const HOME_PAGE = '/pages/index/index'
export const ORDERS_PAGE = '/pages/orders/index'

const HOUSEHOLD_ROOT = '/subpackages/household/pages'
const ORDERS_ROOT = '/subpackages/orders/pages'
const STAFF_ROOT = '/subpackages/staff/pages'
const OPERATOR_ROOT = '/subpackages/operator/pages'
const TIMEBANK_ROOT = '/subpackages/timebank/pages'

function query(params: Record<string, string | null | undefined>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

/** Paths of the household sub-package pages, with their query strings. */
export const routes = {
  household: (id?: string) => `${HOUSEHOLD_ROOT}/detail/index${id ? `?id=${encodeURIComponent(id)}` : ''}`,
  createHousehold: () => `${HOUSEHOLD_ROOT}/detail/index?mode=create`,
  addElder: (householdId: string) => `${HOUSEHOLD_ROOT}/elder-form/index?householdId=${encodeURIComponent(householdId)}`,
  editElder: (elderId: string) => `${HOUSEHOLD_ROOT}/elder-form/index?id=${encodeURIComponent(elderId)}`,
  elder: (elderId: string) => `${HOUSEHOLD_ROOT}/elder-detail/index?id=${encodeURIComponent(elderId)}`,
  addChild: (householdId: string) => `${HOUSEHOLD_ROOT}/child-form/index?householdId=${encodeURIComponent(householdId)}`,
  editChild: (childId: string) => `${HOUSEHOLD_ROOT}/child-form/index?id=${encodeURIComponent(childId)}`,
  invite: (householdId: string) => `${HOUSEHOLD_ROOT}/invite/index?householdId=${encodeURIComponent(householdId)}`,
  join: () => `${HOUSEHOLD_ROOT}/join/index`,
  privacy: () => '/pages/privacy/index',
  services: (elderId?: string | null) => `${ORDERS_ROOT}/services/index${query({ elderId })}`,
  orderForm: (serviceCode: string, elderId?: string | null) => `${ORDERS_ROOT}/form/index${query({ serviceCode, elderId })}`,
  order: (orderId: string) => `${ORDERS_ROOT}/detail/index${query({ id: orderId })}`,
  /** 投诉 about one order. */
  complaint: (orderId: string) => `${ORDERS_ROOT}/complaint/index${query({ orderId })}`,
  /** 我的投诉: every complaint of my households, with the 街道's replies. */
  complaints: () => `${ORDERS_ROOT}/complaints/index`,
  /** 申报补贴类别 for an elder. */
  eligibility: (elderId: string) => `${HOUSEHOLD_ROOT}/eligibility/index${query({ elderId })}`,
  staffWorkbench: () => `${STAFF_ROOT}/workbench/index`,
  staffJob: (orderId: string) => `${STAFF_ROOT}/job/index${query({ id: orderId })}`,
  operatorDispatch: () => `${OPERATOR_ROOT}/dispatch/index`,
  operatorProviders: () => `${OPERATOR_ROOT}/providers/index`,
  timebank: () => `${TIMEBANK_ROOT}/index/index`,
}

function currentRoute(): string {
  try {
    const pages = Taro.getCurrentPages()
    return pages[pages.length - 1]?.route ?? ''
  } catch {
    return ''
  }
}

let redirecting = false

/** Back to the login page (once, even when several requests fail together). */
export function redirectToLogin(): void {
  if (redirecting || currentRoute().includes('pages/login/index')) return
  redirecting = true
  Taro.reLaunch({ url: LOGIN_PAGE }).finally(() => {
    redirecting = false
  })
}

export function goHome(): void {
  Taro.switchTab({ url: HOME_PAGE })
}

export function navigate(url: string): void {
  Taro.navigateTo({ url })
}

/** Back to the previous page, or to `fallback` (a tab page) when this page was opened directly. */
export function goBackOr(fallback: string = HOME_PAGE): void {
  if (Taro.getCurrentPages().length > 1) {
    Taro.navigateBack()
  } else {
    Taro.switchTab({ url: fallback })
  }
}

/** Scrolls to the first field showing an error, after React has rendered it. */
export function scrollToFirstError(): void {
  setTimeout(() => {
    Taro.pageScrollTo({ selector: '.cc-field--error', offsetTop: -80, duration: 200 }).catch(() => undefined)
  }, 50)
}

/** Replaces the current page (a finished form by its result). */
export function replace(url: string): void {
  Taro.redirectTo({ url })
}

export function goOrders(): void {
  Taro.switchTab({ url: ORDERS_PAGE })
}

/** Back to the previous page, or to `url` (a non-tab page) when this page was opened directly. */
export function backTo(url: string): void {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
  else Taro.redirectTo({ url })
}
