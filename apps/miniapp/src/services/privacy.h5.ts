import Taro from '@tarojs/taro'
import { routes } from './navigation'

/** H5: the guide is our own page. */
export function openPrivacyGuide(): void {
  Taro.navigateTo({ url: routes.privacy() })
}

/** Where consent is given, as the server records it. */
export const CONSENT_CHANNEL = 'h5' as const
