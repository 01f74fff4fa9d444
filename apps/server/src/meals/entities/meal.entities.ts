import type { CanteenPeriodInput, DishTag, MealBookingStatus, MealMode, MealPeriod } from '@carecircle/shared';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** How a canteen works: opening days, delivery radius and fee, and per meal period its times and capacity. */
@Entity('canteen_settings')
export class CanteenSettingsEntity {
  @PrimaryColumn({ name: 'provider_id', type: 'char', length: 36 }) providerId!: string;
  @Column({ name: 'open_days', type: 'json' }) openDays!: number[];
  @Column({ name: 'delivery_radius_m', type: 'int' }) deliveryRadiusM!: number;
  @Column({ name: 'delivery_fee_fen', type: 'int' }) deliveryFeeFen!: number;
  @Column({ type: 'json' }) periods!: CanteenPeriodInput[];
}

/** One canteen's lunch or dinner on one day: the capacity per mode that is never oversold. */
@Entity('meal_slots')
export class MealSlotEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'provider_id', type: 'char', length: 36 }) providerId!: string;
  @Column({ type: 'date' }) date!: string;
  @Column({ type: 'varchar', length: 8 }) period!: MealPeriod;
  @Column({ name: 'serve_start_at', type: 'datetime', precision: 3 }) serveStartAt!: Date;
  @Column({ name: 'serve_end_at', type: 'datetime', precision: 3 }) serveEndAt!: Date;
  @Column({ name: 'cutoff_at', type: 'datetime', precision: 3 }) cutoffAt!: Date;
  @Column({ name: 'cap_dine_in', type: 'int' }) capDineIn!: number;
  @Column({ name: 'cap_pickup', type: 'int' }) capPickup!: number;
  @Column({ name: 'cap_delivery', type: 'int' }) capDelivery!: number;
  @Column({ name: 'booked_dine_in', type: 'int' }) bookedDineIn!: number;
  @Column({ name: 'booked_pickup', type: 'int' }) bookedPickup!: number;
  @Column({ name: 'booked_delivery', type: 'int' }) bookedDelivery!: number;
  @Column({ name: 'cancelled_at', type: 'datetime', precision: 3, nullable: true }) cancelledAt!: Date | null;
  @Column({ name: 'cancel_reason', type: 'varchar', length: 200, nullable: true }) cancelReason!: string | null;
  /** Set when the cut-off turned this slot's deliveries into dispatch jobs (once). */
  @Column({ name: 'delivery_dispatched_at', type: 'datetime', precision: 3, nullable: true }) deliveryDispatchedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

@Entity('dishes')
export class DishEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'slot_id', type: 'char', length: 36 }) slotId!: string;
  @Column({ type: 'varchar', length: 40 }) name!: string;
  @Column({ name: 'price_fen', type: 'int' }) priceFen!: number;
  @Column({ type: 'json' }) tags!: DishTag[];
  @Column({ name: 'is_set_meal', type: 'boolean' }) isSetMeal!: boolean;
  @Column({ name: 'portion_limit', type: 'int', nullable: true }) portionLimit!: number | null;
  @Column({ name: 'booked_portions', type: 'int' }) bookedPortions!: number;
  @Column({ type: 'int' }) sort!: number;
}

@Entity('meal_bookings')
export class MealBookingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'household_id', type: 'char', length: 36 }) householdId!: string;
  @Column({ name: 'elder_id', type: 'char', length: 36 }) elderId!: string;
  @Column({ name: 'created_by', type: 'char', length: 36 }) createdBy!: string;
  @Column({ name: 'idempotency_key', type: 'varchar', length: 64 }) idempotencyKey!: string;
  @Column({ name: 'request_hash', type: 'char', length: 64 }) requestHash!: string;
  @Column({ name: 'slot_id', type: 'char', length: 36 }) slotId!: string;
  @Column({ type: 'varchar', length: 12 }) mode!: MealMode;
  @Column({ type: 'varchar', length: 12 }) status!: MealBookingStatus;
  @Column({ name: 'pickup_code', type: 'char', length: 6 }) pickupCode!: string;
  @Column({ name: 'price_fen', type: 'int' }) priceFen!: number;
  @Column({ name: 'delivery_fee_fen', type: 'int' }) deliveryFeeFen!: number;
  @Column({ name: 'subsidy_fen', type: 'int' }) subsidyFen!: number;
  @Column({ name: 'pay_fen', type: 'int' }) payFen!: number;
  @Column({ name: 'subsidy_note', type: 'varchar', length: 100 }) subsidyNote!: string;
  @Column({ name: 'policy_id', type: 'char', length: 36, nullable: true }) policyId!: string | null;
  @Column({ name: 'policy_version', type: 'int', nullable: true }) policyVersion!: number | null;
  @Column({ name: 'refund_fen', type: 'int' }) refundFen!: number;
  @Column({ name: 'dietary_clashes', type: 'json' }) dietaryClashes!: { dishName: string; needs: string[] }[];
  @Column({ name: 'delivery_order_id', type: 'char', length: 36, nullable: true }) deliveryOrderId!: string | null;
  @Column({ name: 'cancelled_at', type: 'datetime', precision: 3, nullable: true }) cancelledAt!: Date | null;
  @Column({ name: 'cancel_reason', type: 'varchar', length: 200, nullable: true }) cancelReason!: string | null;
  @Column({ name: 'fulfilled_at', type: 'datetime', precision: 3, nullable: true }) fulfilledAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

@Entity('meal_booking_items')
export class MealBookingItemEntity {
  @PrimaryColumn({ name: 'booking_id', type: 'char', length: 36 }) bookingId!: string;
  @PrimaryColumn({ name: 'dish_id', type: 'char', length: 36 }) dishId!: string;
  @Column({ type: 'int' }) quantity!: number;
  @Column({ name: 'price_fen', type: 'int' }) priceFen!: number;
}
