import type { RegionView } from '@carecircle/shared'
import { expectList } from './guards'
import { api } from './request'

let cache: Promise<RegionView[]> | null = null

/** Streets and communities of the district; they change rarely, so one fetch per app run. */
export function listRegions(): Promise<RegionView[]> {
  if (!cache) {
    cache = api
      .get('/api/regions')
      .then((data) => expectList<RegionView>(data))
      .catch((err: unknown) => {
        cache = null
        throw err
      })
  }
  return cache
}
