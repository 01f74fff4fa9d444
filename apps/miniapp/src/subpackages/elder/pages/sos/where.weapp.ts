import type { GeoPoint } from '@carecircle/shared'
import Taro from '@tarojs/taro'
import { getCurrentLocation } from '../../../../services/location'
import { withinMs } from '../../logic/within'

/**
 * Where the elder is, for the staff on their way. Asked only when the privacy guide is already
 * agreed: an emergency is no moment for a consent pop-up, and without a position the server uses
 * the home address.
 */
export async function locateForSos(timeoutMs: number): Promise<GeoPoint | null> {
  if (await needsPrivacyConsent()) return null
  return withinMs(getCurrentLocation(), timeoutMs, null)
}

function needsPrivacyConsent(): Promise<boolean> {
  return new Promise((resolve) => {
    if (typeof Taro.getPrivacySetting !== 'function') {
      resolve(false)
      return
    }
    try {
      Taro.getPrivacySetting({
        success: (res) => resolve(res.needAuthorization),
        fail: () => resolve(true),
      })
    } catch {
      resolve(true)
    }
  })
}
