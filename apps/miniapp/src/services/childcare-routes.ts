const CHILDCARE_ROOT = '/subpackages/childcare/pages'

function query(params: Record<string, string | null | undefined>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

/** Paths of the 托育 sub-package pages, with their query strings. */
export const childcareRoutes = {
  /** 为哪个孩子 → 托育机构 nearest first, classes that fit the child's age. */
  centres: (childId?: string | null) => `${CHILDCARE_ROOT}/centres/index${query({ childId })}`,
  /** A class: care types, prices, 入托月份 or a day, confirm; full → 加入轮候. */
  classDetail: (p: { centreId: string; classId: string; childId: string }) => `${CHILDCARE_ROOT}/class/index${query(p)}`,
  /** What the booking made: the place, or 排第 N 位 and why. */
  result: (p: { enrolmentId?: string | null; waitlistId?: string | null; accepted?: boolean }) =>
    `${CHILDCARE_ROOT}/result/index${query({ enrolmentId: p.enrolmentId, waitlistId: p.waitlistId, accepted: p.accepted ? '1' : null })}`,
  /** 我的托育: places, waitlist, pick-up persons. */
  mine: () => `${CHILDCARE_ROOT}/mine/index`,
  /** A child's authorised pick-up persons. */
  pickup: (childId: string) => `${CHILDCARE_ROOT}/pickup/index${query({ childId })}`,
  /** Centre staff and operators: roster with 签到/签退, the centre's waitlist. */
  centre: (centreId?: string | null) => `${CHILDCARE_ROOT}/centre/index${query({ centreId })}`,
}
