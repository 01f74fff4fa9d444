import Taro from '@tarojs/taro'

export const LOGIN_PAGE = '/pages/login/index'
export const HOME_PAGE = '/pages/index/index'

const HOUSEHOLD_ROOT = '/subpackages/household/pages'

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
