import { MEAL_MODES, MEAL_PERIODS, type MealBookingStatus, type MealMode, type MealPeriod } from '@carecircle/shared';
import { ApiProperty } from '@nestjs/swagger';
import { GeoPointDto } from '../../households/dto/elder.dto.js';
import { CanteenPeriodDto, ModeCapacityDto } from './meal.dto.js';

export class CanteenResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ type: GeoPointDto }) location!: GeoPointDto;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '离老人住址（米）' }) distanceMeters!: number | null;
  @ApiProperty() deliversHere!: boolean;
  @ApiProperty({ type: [Number] }) openDays!: number[];
  @ApiProperty() deliveryFeeFen!: number;
  @ApiProperty({ type: [CanteenPeriodDto] }) periods!: CanteenPeriodDto[];
}

export class DishResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() priceFen!: number;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() isSetMeal!: boolean;
  @ApiProperty({ type: Number, nullable: true }) portionLimit!: number | null;
  @ApiProperty({ type: Number, nullable: true }) remaining!: number | null;
  @ApiProperty({ type: [String], description: '与老人饮食需求不符之处' }) clashes!: string[];
}

export class MealSlotResponse {
  @ApiProperty() id!: string;
  @ApiProperty() canteenId!: string;
  @ApiProperty() canteenName!: string;
  @ApiProperty() date!: string;
  @ApiProperty({ enum: MEAL_PERIODS }) period!: MealPeriod;
  @ApiProperty() serveStart!: string;
  @ApiProperty() serveEnd!: string;
  @ApiProperty({ format: 'date-time' }) cutoffAt!: string;
  @ApiProperty() open!: boolean;
  @ApiProperty() cancelled!: boolean;
  @ApiProperty({ type: ModeCapacityDto }) remaining!: Record<MealMode, number>;
  @ApiProperty({ type: [DishResponse] }) dishes!: DishResponse[];
}

class BookingItemResponse {
  @ApiProperty() dishId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() priceFen!: number;
}

class PriceResponse {
  @ApiProperty() priceFen!: number;
  @ApiProperty() subsidyFen!: number;
  @ApiProperty() payFen!: number;
  @ApiProperty() subsidyNote!: string;
}

class ClashResponse {
  @ApiProperty() dishName!: string;
  @ApiProperty({ type: [String] }) needs!: string[];
}

export class MealBookingResponse {
  @ApiProperty() id!: string;
  @ApiProperty() elderId!: string;
  @ApiProperty() elderName!: string;
  @ApiProperty() slotId!: string;
  @ApiProperty() canteenId!: string;
  @ApiProperty() canteenName!: string;
  @ApiProperty() date!: string;
  @ApiProperty({ enum: MEAL_PERIODS }) period!: MealPeriod;
  @ApiProperty({ enum: MEAL_MODES }) mode!: MealMode;
  @ApiProperty({ enum: ['booked', 'cancelled', 'served', 'picked_up', 'delivered'] }) status!: MealBookingStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ description: '取餐码' }) pickupCode!: string;
  @ApiProperty({ type: [BookingItemResponse] }) items!: BookingItemResponse[];
  @ApiProperty() deliveryFeeFen!: number;
  @ApiProperty({ type: PriceResponse }) price!: PriceResponse;
  @ApiProperty() refundFen!: number;
  @ApiProperty({ type: [ClashResponse] }) dietaryClashes!: ClashResponse[];
  @ApiProperty({ type: String, nullable: true }) deliveryOrderId!: string | null;
  @ApiProperty({ format: 'date-time' }) cutoffAt!: string;
  @ApiProperty() canChange!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CanteenDayResponse {
  @ApiProperty() canteenId!: string;
  @ApiProperty() date!: string;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: '每个餐次：菜品份数、堂食/自取/送餐名单' }) periods!: unknown[];
}

export class MealFiguresResponse {
  @ApiProperty() month!: string;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: '每个食堂：各餐次供餐数、名额使用率、本月补贴' }) canteens!: unknown[];
}

export class MealQuoteResponse {
  @ApiProperty({ description: '餐费 + 送餐费（分）' }) priceFen!: number;
  @ApiProperty() subsidyFen!: number;
  @ApiProperty() payFen!: number;
  @ApiProperty() subsidyNote!: string;
  @ApiProperty() deliveryFeeFen!: number;
  @ApiProperty({ type: [ClashResponse] }) dietaryClashes!: ClashResponse[];
}
