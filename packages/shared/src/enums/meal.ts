export const MealPeriod = { LUNCH: 'lunch', DINNER: 'dinner' } as const;
export type MealPeriod = (typeof MealPeriod)[keyof typeof MealPeriod];
export const MEAL_PERIODS: readonly MealPeriod[] = Object.values(MealPeriod);
export const MEAL_PERIOD_LABELS: Record<MealPeriod, string> = { lunch: '午餐', dinner: '晚餐' };

export const MealMode = { DINE_IN: 'dine_in', PICKUP: 'pickup', DELIVERY: 'delivery' } as const;
export type MealMode = (typeof MealMode)[keyof typeof MealMode];
export const MEAL_MODES: readonly MealMode[] = Object.values(MealMode);
export const MEAL_MODE_LABELS: Record<MealMode, string> = { dine_in: '堂食', pickup: '自取', delivery: '送餐上门' };

export const MealBookingStatus = {
  BOOKED: 'booked',
  CANCELLED: 'cancelled',
  SERVED: 'served',
  PICKED_UP: 'picked_up',
  DELIVERED: 'delivered',
} as const;
export type MealBookingStatus = (typeof MealBookingStatus)[keyof typeof MealBookingStatus];
export const MEAL_BOOKING_STATUS_LABELS: Record<MealBookingStatus, string> = {
  booked: '已预订',
  cancelled: '已取消',
  served: '已用餐',
  picked_up: '已取餐',
  delivered: '已送达',
};

/** Dish tags (低盐/低糖/软食/清真/素食) share their codes with elders' dietary needs. */
export type DishTag = 'low_salt' | 'low_sugar' | 'soft' | 'halal' | 'vegetarian';
