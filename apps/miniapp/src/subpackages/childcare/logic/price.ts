import { CARE_TYPES, CARE_TYPE_LABELS, MONTHLY_CARE_TYPES, formatFen, type CareType, type ChildcareClassView } from '@carecircle/shared'

/** 全日托/半日托 are priced by the month, 计时托 by the hour, 临时托 by the day. */
export const PRICE_UNITS: Record<CareType, string> = { full_day: '月', half_day: '月', hourly: '小时', occasional: '天' }

export function isMonthly(careType: CareType): boolean {
  return MONTHLY_CARE_TYPES.includes(careType)
}

/** ¥1600.00/月 · ¥25.00/小时 · ¥120.00/天 */
export function priceText(careType: CareType, fen: number): string {
  return `${formatFen(fen)}/${PRICE_UNITS[careType]}`
}

export interface CareTypeOffer {
  careType: CareType
  label: string
  fen: number
  price: string
}

/** The care types a class offers (those it has a price for), in the usual order. */
export function careTypeOffers(prices: ChildcareClassView['prices']): CareTypeOffer[] {
  return CARE_TYPES.filter((t) => typeof prices[t] === 'number').map((t) => ({
    careType: t,
    label: CARE_TYPE_LABELS[t],
    fen: prices[t] as number,
    price: priceText(t, prices[t] as number),
  }))
}

/** 全日托 ¥1600.00/月 · 计时托 ¥25.00/小时 — one line for a class card. */
export function pricesLine(prices: ChildcareClassView['prices']): string {
  return careTypeOffers(prices)
    .map((o) => `${o.label} ${o.price}`)
    .join(' · ')
}

/** Whole hours, rounded up, as the server charges 计时托. */
export function hoursBetween(start: string, end: string): number {
  const [sh, sm] = start.split(':').map(Number)
  const [eh, em] = end.split(':').map(Number)
  return Math.ceil((eh * 60 + em - sh * 60 - sm) / 60)
}

export interface BookingPrice {
  totalFen: number
  /** What the total is made of, in words. */
  detail: string
  /** The line under the amount (按月缴纳 …). */
  note: string
}

/** What the parent will pay for this booking, the way the server prices it. */
export function bookingPrice(careType: CareType, unitFen: number, startTime?: string | null, endTime?: string | null): BookingPrice {
  if (careType === 'hourly') {
    const hours = startTime && endTime ? Math.max(0, hoursBetween(startTime, endTime)) : 0
    return { totalFen: unitFen * hours, detail: `${hours} 小时 × ${priceText(careType, unitFen)}`, note: '不足 1 小时按 1 小时计' }
  }
  if (careType === 'occasional') {
    return { totalFen: unitFen, detail: `1 天 × ${priceText(careType, unitFen)}`, note: '当天托育' }
  }
  return { totalFen: unitFen, detail: `${CARE_TYPE_LABELS[careType]} ${priceText(careType, unitFen)}`, note: '按月缴纳，从入托月份起算' }
}

/** The amount on an enrolment line: ¥1600.00/月 for a monthly place, ¥75.00 for a day. */
export function enrolmentPriceText(careType: CareType, priceFen: number): string {
  return isMonthly(careType) ? priceText(careType, priceFen) : formatFen(priceFen)
}
