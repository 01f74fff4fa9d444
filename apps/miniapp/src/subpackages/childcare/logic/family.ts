import { CHILDCARE_MAX_AGE_MONTHS, type ChildView, type GeoPoint, type HouseholdView, type MeView } from '@carecircle/shared'
import Taro from '@tarojs/taro'
import { getMe } from '../../../services/auth'
import { getElder } from '../../../services/elders'
import { getHousehold, listHouseholds } from '../../../services/households'
import { getCurrentHouseholdId } from '../../../services/storage'

export interface FamilyChild extends ChildView {
  householdName: string
}

export interface Family {
  me: MeView
  households: HouseholdView[]
  /** Every child of every household I belong to, the current household's first (一老一小). */
  children: FamilyChild[]
  /** Where 添加孩子 goes when there is no child yet. */
  householdId: string | null
}

export async function loadFamily(): Promise<Family> {
  const [me, summaries] = await Promise.all([getMe(), listHouseholds()])
  const households = await Promise.all(summaries.map((h) => getHousehold(h.id)))
  const current = getCurrentHouseholdId()
  const ordered = [...households].sort((a, b) => Number(b.id === current) - Number(a.id === current))
  return {
    me,
    households: ordered,
    children: ordered.flatMap((h) => h.children.map((c) => ({ ...c, householdName: h.name }))),
    householdId: ordered[0]?.id ?? null,
  }
}

/** 托育 is for children under three. */
export function isUnderThree(child: Pick<ChildView, 'ageMonths'>): boolean {
  return child.ageMonths < CHILDCARE_MAX_AGE_MONTHS
}

/** Whom to preselect: the one asked for, else the last one booked for, else the first child under three. */
export function initialChild(children: readonly ChildView[], asked: string | null, last: string | null): string | null {
  const known = (id: string | null) => (id && children.some((c) => c.id === id) ? id : null)
  return known(asked) ?? known(last) ?? children.find(isUnderThree)?.id ?? null
}

const LAST_CHILD_KEY = 'cc.childcareChildId'

export function lastChild(): string | null {
  try {
    const value: unknown = Taro.getStorageSync(LAST_CHILD_KEY)
    return typeof value === 'string' && value !== '' ? value : null
  } catch {
    return null
  }
}

export function rememberChild(childId: string): void {
  try {
    Taro.setStorageSync(LAST_CHILD_KEY, childId)
  } catch {
    // only a convenience
  }
}

export interface Origin {
  point: GeoPoint
  /** 按 王建国 家（同心路 8 号）/ 按您的当前位置 */
  label: string
}

/** The household's home: the first elder's address (the family's 一老一小 home), when there is one. */
export async function householdOrigin(household: HouseholdView | undefined): Promise<Origin | null> {
  const elder = household?.elders[0]
  if (!elder) return null
  try {
    const full = await getElder(elder.id)
    return { point: full.location, label: `按${household!.name}住址（${full.address}）计算距离` }
  } catch {
    return null
  }
}

/** A page query value: weapp hands `onLoad` options over still URL-encoded, H5 decoded. */
export function param(params: Record<string, string | undefined>, key: string): string | null {
  const raw = params[key]
  if (typeof raw !== 'string' || raw === '') return null
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
