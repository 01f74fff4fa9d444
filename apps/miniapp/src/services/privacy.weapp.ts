import Taro from '@tarojs/taro'
import { routes } from './navigation'

/** weapp: WeChat's own page for the privacy guide configured in the mini-program admin; our page as a fallback. */
export function openPrivacyGuide(): void {
  const fallback = () => {
    Taro.navigateTo({ url: routes.privacy() })
  }
  if (typeof Taro.openPrivacyContract !== 'function') {
    fallback()
    return
  }
  try {
    Taro.openPrivacyContract({ fail: fallback })
  } catch {
    fallback()
  }
}

/** Where consent is given, as the server records it. */
export const CONSENT_CHANNEL = 'weapp' as const
