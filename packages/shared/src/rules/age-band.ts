/** Whole months from birth to the given date (both YYYY-MM-DD), as childcare age classes count them. */
export function ageInMonths(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  let months = (y - by) * 12 + (m - bm);
  if (d < bd) months -= 1;
  return months;
}

export function ageInYears(birthDate: string, onDate: string): number {
  return Math.floor(ageInMonths(birthDate, onDate) / 12);
}

/**
 * The age shown to people (今年 N 岁): the age reached in the current calendar year. It changes
 * only on 1 January, so watching it day by day does not reveal the birthday (a 周岁 that ticks
 * over on the birthday would, and with it most of an ID number). Rules use `ageInYears`.
 */
export function displayAge(birthDate: string, onDate: string): number {
  return Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
}

/** 托育 serves children under three: 0–36 months. */
export const CHILDCARE_MAX_AGE_MONTHS = 36;

export const AgeClass = {
  INFANT: 'infant',
  TODDLER: 'toddler',
  PRESCHOOL: 'preschool',
} as const;
export type AgeClass = (typeof AgeClass)[keyof typeof AgeClass];

/** Age classes and their caps per class as the national childcare standards set them. */
export const AGE_CLASSES: Record<AgeClass, { label: string; minMonths: number; maxMonths: number; maxChildren: number }> = {
  infant: { label: '乳儿班', minMonths: 6, maxMonths: 12, maxChildren: 10 },
  toddler: { label: '托小班', minMonths: 12, maxMonths: 24, maxChildren: 15 },
  preschool: { label: '托大班', minMonths: 24, maxMonths: 36, maxChildren: 20 },
};

/** The class a child of this age belongs in, or null when too young or too old for 托育. */
export function ageClassFor(months: number): AgeClass | null {
  for (const [cls, band] of Object.entries(AGE_CLASSES) as [AgeClass, (typeof AGE_CLASSES)[AgeClass]][]) {
    if (months >= band.minMonths && months < band.maxMonths) return cls;
  }
  return null;
}
