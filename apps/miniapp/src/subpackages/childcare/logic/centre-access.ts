import { ProviderKind, Role, shanghaiClock, type ChildcareCentreView, type MeView, type PickupPersonView } from '@carecircle/shared'
import { getMe } from '../../../services/auth'
import { listCentres, type RosterChild } from '../../../services/childcare'
import { listProviders } from '../../../services/operator'
import { getStaffMe } from '../../../services/staff'

/** Roles that may open the centre page. */
export const CENTRE_ROLES: readonly Role[] = [Role.OPERATOR, Role.PROVIDER_ADMIN, Role.PROVIDER_STAFF]

export function canRunCentre(me: Pick<MeView, 'roles'>): boolean {
  return me.roles.some((r) => CENTRE_ROLES.includes(r))
}

export interface CentreAccess {
  me: MeView
  centres: ChildcareCentreView[]
}

/**
 * The childcare centres this account works for: every centre for an operator; a provider admin's own
 * centres; a staff member's centre. (The server checks membership again on every call.)
 */
export async function loadMyCentres(): Promise<CentreAccess> {
  const [me, all] = await Promise.all([getMe(), listCentres()])
  if (me.roles.includes(Role.OPERATOR)) return { me, centres: all }
  const ids = new Set<string>()
  if (me.roles.includes(Role.PROVIDER_ADMIN)) {
    const providers = await listProviders().catch(() => [])
    providers.filter((p) => p.kind === ProviderKind.CHILDCARE).forEach((p) => ids.add(p.id))
  }
  if (me.roles.includes(Role.PROVIDER_STAFF)) {
    const staff = await getStaffMe().catch(() => null)
    if (staff) ids.add(staff.providerId)
  }
  return { me, centres: all.filter((c) => ids.has(c.id)) }
}

/** 未到 / 在园（09:02 签到）/ 已离园（17:30 由 李奶奶（奶奶）接走） */
export type AttendanceState = 'absent' | 'in' | 'out'

export function attendanceState(child: Pick<RosterChild, 'checkedInAt' | 'checkedOutAt'>): AttendanceState {
  if (child.checkedOutAt) return 'out'
  if (child.checkedInAt) return 'in'
  return 'absent'
}

function hhmm(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return shanghaiClock(d)
}

export function attendanceText(child: Pick<RosterChild, 'checkedInAt' | 'checkedOutAt' | 'pickedUpBy'>): string {
  switch (attendanceState(child)) {
    case 'out':
      return `${hhmm(child.checkedOutAt as string)} 离园${child.pickedUpBy ? `，由 ${child.pickedUpBy} 接走` : ''}`
    case 'in':
      return `${hhmm(child.checkedInAt as string)} 签到，在园`
    default:
      return '未到'
  }
}

export type PickupChoices = { persons: PickupPersonView[]; unavailable: null } | { persons: []; unavailable: string }

/** Whom the child may go home with: the authorised list the roster carries for each child. */
export async function pickupChoices(child: RosterChild): Promise<PickupChoices> {
  if (child.pickupPersons.length > 0) return { persons: child.pickupPersons, unavailable: null }
  return { persons: [], unavailable: '家长还没有登记授权接送人，请联系家长在「我的托育」中添加；不在名单上的人，系统会拒绝交接。' }
}
