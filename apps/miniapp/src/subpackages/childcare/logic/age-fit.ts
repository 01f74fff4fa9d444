import { AGE_CLASSES, ageClassFor, ageInMonths, type AgeClass } from '@carecircle/shared'

/** The child facts the age rule needs (a ChildView has them). */
export interface ChildAge {
  name: string
  birthDate: string
}

export interface AgeFit {
  fits: boolean
  /** Whole months on the day asked about, counted as the server counts them. */
  months: number
  /** The class the child belongs in on that day (null: under 6 months or 3 and over). */
  suitable: AgeClass | null
}

/** Does the child fit this age class on `onDate` (YYYY-MM-DD)? The shared rule the server checks with. */
export function ageFit(child: ChildAge, ageClass: AgeClass, onDate: string): AgeFit {
  const months = ageInMonths(child.birthDate.slice(0, 10), onDate)
  const suitable = ageClassFor(months)
  return { fits: suitable === ageClass, months, suitable }
}

/** 应入托小班 / 未满 6 个月，暂不能入托 / 已满 3 周岁，超出托育年龄 — the server's words. */
export function whereInstead(fit: Pick<AgeFit, 'months' | 'suitable'>): string {
  if (fit.suitable) return `应入${AGE_CLASSES[fit.suitable].label}`
  return fit.months < AGE_CLASSES.infant.minMonths ? '未满 6 个月，暂不能入托' : '已满 3 周岁，超出托育年龄'
}

/** 乳儿班收 6–12 个月的幼儿 */
export function bandText(ageClass: AgeClass): string {
  const band = AGE_CLASSES[ageClass]
  return `${band.label}收 ${band.minMonths}–${band.maxMonths} 个月的幼儿`
}

/** Why a class is greyed out for this child today: 李小宝现在 18 个月，乳儿班收 6–12 个月的幼儿，应入托小班 */
export function mismatchReason(child: ChildAge, ageClass: AgeClass, today: string): string | null {
  const fit = ageFit(child, ageClass, today)
  if (fit.fits) return null
  return `${child.name}现在 ${fit.months} 个月，${bandText(ageClass)}，${whereInstead(fit)}`
}

/** The class row's reason, the band being shown next to it: 李小宝现在 18 个月，应入托小班 */
export function mismatchShort(child: ChildAge, ageClass: AgeClass, today: string): string | null {
  const fit = ageFit(child, ageClass, today)
  return fit.fits ? null : `${child.name}现在 ${fit.months} 个月，${whereInstead(fit)}`
}

/** Short reason on a greyed month or day chip: 届时 12 个月，应入托小班 */
export function shortMismatch(fit: AgeFit): string {
  if (fit.suitable) return `届时 ${fit.months} 个月，应入${AGE_CLASSES[fit.suitable].label}`
  return fit.months < AGE_CLASSES.infant.minMonths ? `届时 ${Math.max(0, fit.months)} 个月，未满 6 个月` : '届时已满 3 周岁'
}

/** The child's class today, in words for the child picker: 18 个月 · 适合托小班 */
export function childClassText(child: ChildAge, today: string): string {
  const months = ageInMonths(child.birthDate.slice(0, 10), today)
  const cls = ageClassFor(months)
  if (cls) return `${months} 个月 · 适合${AGE_CLASSES[cls].label}`
  if (months < AGE_CLASSES.infant.minMonths) return `${Math.max(0, months)} 个月 · 满 6 个月后可入托`
  return `${months} 个月 · 已超出托育年龄`
}
