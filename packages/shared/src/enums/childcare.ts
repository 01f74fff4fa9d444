/** 全日托 / 半日托 take a place by the month; 计时托 / 临时托 book a day. */
export const CareType = {
  FULL_DAY: 'full_day',
  HALF_DAY: 'half_day',
  HOURLY: 'hourly',
  OCCASIONAL: 'occasional',
} as const;
export type CareType = (typeof CareType)[keyof typeof CareType];
export const CARE_TYPES: readonly CareType[] = Object.values(CareType);
export const MONTHLY_CARE_TYPES: readonly CareType[] = ['full_day', 'half_day'];
export const DAILY_CARE_TYPES: readonly CareType[] = ['hourly', 'occasional'];
export const CARE_TYPE_LABELS: Record<CareType, string> = { full_day: '全日托', half_day: '半日托', hourly: '计时托', occasional: '临时托' };

export const EnrolmentStatus = { ACTIVE: 'active', WITHDRAWN: 'withdrawn' } as const;
export type EnrolmentStatus = (typeof EnrolmentStatus)[keyof typeof EnrolmentStatus];

export const WaitlistStatus = {
  WAITING: 'waiting',
  OFFERED: 'offered',
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
  EXPIRED: 'expired',
  CANCELLED: 'cancelled',
} as const;
export type WaitlistStatus = (typeof WaitlistStatus)[keyof typeof WaitlistStatus];
export const WAITLIST_STATUS_LABELS: Record<WaitlistStatus, string> = {
  waiting: '轮候中',
  offered: '已为您保留托位，请确认',
  accepted: '已入托',
  declined: '已放弃',
  expired: '逾期未确认',
  cancelled: '已退出轮候',
};
