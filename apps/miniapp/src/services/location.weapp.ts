import type { GeoPoint } from '@carecircle/shared'
import Taro from '@tarojs/taro'

/** weapp: WeChat's position in GCJ-02; null when refused (privacy guide not agreed, no permission) or unavailable. */
export async function getCurrentLocation(): Promise<GeoPoint | null> {
  try {
    const res = await Taro.getLocation({ type: 'gcj02' })
    return { lat: res.latitude, lng: res.longitude }
  } catch {
    return null
  }
}
