import type { RegionView } from '@carecircle/shared'
import { RegionLevel } from '@carecircle/shared'

export interface StreetGroup {
  street: RegionView
  communities: RegionView[]
}

/** Streets with their communities, in the order the server lists them. */
export function groupRegions(regions: readonly RegionView[]): StreetGroup[] {
  return regions
    .filter((r) => r.level === RegionLevel.STREET)
    .map((street) => ({
      street,
      communities: regions.filter((r) => r.level === RegionLevel.COMMUNITY && r.parentId === street.id),
    }))
}

/** The street a region belongs to (itself when it is a street), or null. */
export function streetOf(regions: readonly RegionView[], regionId: string | null): string | null {
  const region = regionId ? regions.find((r) => r.id === regionId) : undefined
  if (!region) return null
  if (region.level === RegionLevel.STREET) return region.id
  if (region.level === RegionLevel.COMMUNITY) return region.parentId
  return null
}

/** 玉山镇 / 朝阳社区 */
export function regionPath(regions: readonly RegionView[], regionId: string): string | null {
  const region = regions.find((r) => r.id === regionId)
  if (!region) return null
  const parent = region.level === RegionLevel.COMMUNITY && region.parentId ? regions.find((r) => r.id === region.parentId) : undefined
  return parent ? `${parent.name} / ${region.name}` : region.name
}
