import type { GeoPoint } from '@carecircle/shared'
import { getCurrentLocation } from '../../../../services/location'
import { withinMs } from '../../logic/within'

/** The browser's position when it gives one quickly; otherwise the server uses the home address. */
export function locateForSos(timeoutMs: number): Promise<GeoPoint | null> {
  return withinMs(getCurrentLocation(), timeoutMs, null)
}
