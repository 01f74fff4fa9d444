import type { ElderListItemView, MeView } from '@carecircle/shared'
import Taro from '@tarojs/taro'
import { getMe } from '../../../services/auth'
import { getElder } from '../../../services/elders'
import { getHousehold, listHouseholds } from '../../../services/households'
import { getCurrentHouseholdId } from '../../../services/storage'

export interface WhoFor {
  me: MeView
  /** Every elder of every household I belong to (一老一小: the children are not listed here). */
  elders: ElderListItemView[]
  /** Where 添加老人 goes when there is nobody to order for yet. */
  householdId: string | null
}

export async function loadWhoFor(): Promise<WhoFor> {
  const [me, households] = await Promise.all([getMe(), listHouseholds()])
  const details = await Promise.all(households.map((h) => getHousehold(h.id)))
  const current = getCurrentHouseholdId()
  const elders = details.flatMap((h) => h.elders)
  // An elder's own login belongs to no household here: they order for themselves.
  if (me.elderId && !elders.some((e) => e.id === me.elderId)) elders.unshift(await getElder(me.elderId))
  return {
    me,
    elders,
    householdId: households.find((h) => h.id === current)?.id ?? households[0]?.id ?? null,
  }
}

const LAST_ELDER_KEY = 'cc.mealElderId'

/** The elder last ordered for: the next 订餐 starts with them (still checked against the list). */
export function lastMealElder(): string | null {
  try {
    const value: unknown = Taro.getStorageSync(LAST_ELDER_KEY)
    return typeof value === 'string' && value !== '' ? value : null
  } catch {
    return null
  }
}

export function rememberMealElder(elderId: string): void {
  try {
    Taro.setStorageSync(LAST_ELDER_KEY, elderId)
  } catch {
    // only a convenience
  }
}

/** Whom to preselect: the one asked for, else the elder's own login, else the last one, else the only one. */
export function initialElder(elders: readonly ElderListItemView[], asked: string | null, me: Pick<MeView, 'elderId'>, last: string | null): string | null {
  const known = (id: string | null) => (id && elders.some((e) => e.id === id) ? id : null)
  return known(asked) ?? known(me.elderId) ?? known(last) ?? (elders.length === 1 ? elders[0].id : null)
}
