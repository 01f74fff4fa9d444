import type { HouseholdSummaryView, HouseholdView, MeView } from '@carecircle/shared'
import { getMe } from './auth'
import { getHousehold, listHouseholds } from './households'
import { getCurrentHouseholdId, setCurrentHouseholdId } from './storage'

export interface HomeData {
  me: MeView
  households: HouseholdSummaryView[]
  /** The household shown on 首页: the one last chosen, else the first; null when the user has none. */
  household: HouseholdView | null
}

export async function loadHome(): Promise<HomeData> {
  const [me, households] = await Promise.all([getMe(), listHouseholds()])
  if (households.length === 0) return { me, households, household: null }
  const stored = getCurrentHouseholdId()
  const current = households.find((h) => h.id === stored) ?? households[0]
  setCurrentHouseholdId(current.id)
  const household = await getHousehold(current.id)
  return { me, households, household }
}
