import type { GeoPoint } from '@carecircle/shared'
import { wgs84ToGcj02 } from '../utils/gcj02'

/** H5: the browser's position (WGS-84, converted to GCJ-02); null when denied or unavailable. */
export function getCurrentLocation(): Promise<GeoPoint | null> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null)
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (pos) => resolve(wgs84ToGcj02({ lat: pos.coords.latitude, lng: pos.coords.longitude })),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 10000, maximumAge: 15000 },
    )
  })
}
