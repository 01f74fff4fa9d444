import type { DishTag, MealBookingStatus, MealMode, MealPeriod } from '../enums/meal.js';
import type { GeoPoint } from '../rules/geo.js';
import type { PriceBreakdown } from '../rules/price-breakdown.js';

export interface CanteenPeriodInput {
  period: MealPeriod;
  /** HH:mm, Asia/Shanghai */
  serveStart: string;
  serveEnd: string;
  /** HH:mm the same day: bookings close then (e.g. 10:00 for lunch). */
  cutoff: string;
  capacity: Record<MealMode, number>;
}

export interface CanteenSettingsInput {
  /** ISO weekdays it opens, 1 = Monday … 7 = Sunday. */
  openDays: number[];
  deliveryRadiusMeters: number;
  deliveryFeeFen: number;
  periods: CanteenPeriodInput[];
}

export interface CanteenView {
  id: string;
  name: string;
  address: string;
  location: GeoPoint;
  phone: string | null;
  distanceMeters: number | null;
  /** Within the delivery radius of the point asked about. */
  deliversHere: boolean;
  openDays: number[];
  deliveryFeeFen: number;
  periods: CanteenPeriodInput[];
}

export interface DishInput {
  name: string;
  priceFen: number;
  tags: DishTag[];
  /** Portions available; omitted = limited only by the period's capacity. */
  portionLimit?: number;
  isSetMeal?: boolean;
}

export interface PublishMenuInput {
  date: string;
  period: MealPeriod;
  dishes: DishInput[];
}

export interface DishView {
  id: string;
  name: string;
  priceFen: number;
  tags: DishTag[];
  isSetMeal: boolean;
  portionLimit: number | null;
  remaining: number | null;
  /** For the elder asked about: which of their dietary needs this dish does not meet. */
  clashes: string[];
}

export interface MealSlotView {
  id: string;
  canteenId: string;
  canteenName: string;
  date: string;
  period: MealPeriod;
  serveStart: string;
  serveEnd: string;
  cutoffAt: string;
  open: boolean;
  cancelled: boolean;
  remaining: Record<MealMode, number>;
  dishes: DishView[];
}

export interface MealItemInput {
  dishId: string;
  quantity: number;
}

export interface CreateMealBookingInput {
  elderId: string;
  slotId: string;
  mode: MealMode;
  items: MealItemInput[];
}

export interface MealBookingView {
  id: string;
  elderId: string;
  elderName: string;
  slotId: string;
  canteenId: string;
  canteenName: string;
  date: string;
  period: MealPeriod;
  mode: MealMode;
  status: MealBookingStatus;
  statusLabel: string;
  /** 取餐码: a short number shown big, and as a QR code by the app. */
  pickupCode: string;
  items: { dishId: string; name: string; quantity: number; priceFen: number }[];
  deliveryFeeFen: number;
  price: PriceBreakdown;
  refundFen: number;
  dietaryClashes: { dishName: string; needs: string[] }[];
  deliveryOrderId: string | null;
  cutoffAt: string;
  canChange: boolean;
  createdAt: string;
}

export interface CanteenDayView {
  canteenId: string;
  date: string;
  periods: {
    slotId: string;
    period: MealPeriod;
    cancelled: boolean;
    dishCounts: { dishId: string; name: string; quantity: number }[];
    bookings: { id: string; elderName: string; mode: MealMode; status: MealBookingStatus; pickupCode: string; deliveryOrderStatus: string | null }[];
  }[];
}

export interface MealFiguresView {
  month: string;
  canteens: {
    canteenId: string;
    canteenName: string;
    periods: { period: MealPeriod; mealsServed: number; capacity: number; booked: number; capacityUse: number }[];
    mealsServedPerDay: number;
    subsidyFen: number;
  }[];
}
