import type { OrderStatus, ServiceCode } from '@carecircle/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { decimalToNumber } from '../../common/typeorm.js';

/** A home-care order: who it is for, what, where, when, what it costs and who does it. */
@Entity('orders')
export class OrderEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'household_id', type: 'char', length: 36 }) householdId!: string;
  @Column({ name: 'elder_id', type: 'char', length: 36 }) elderId!: string;
  @Column({ name: 'created_by', type: 'char', length: 36 }) createdBy!: string;
  @Column({ name: 'idempotency_key', type: 'varchar', length: 64 }) idempotencyKey!: string;
  /** Hash of the request body: the same key with a different body is refused, not silently replayed. */
  @Column({ name: 'request_hash', type: 'char', length: 64 }) requestHash!: string;
  @Column({ name: 'service_code', type: 'varchar', length: 32 }) serviceCode!: ServiceCode;
  @Column({ type: 'varchar', length: 16 }) status!: OrderStatus;
  @Column({ type: 'boolean' }) urgent!: boolean;
  @Column({ name: 'window_start', type: 'datetime', precision: 3, nullable: true }) windowStart!: Date | null;
  @Column({ name: 'window_end', type: 'datetime', precision: 3, nullable: true }) windowEnd!: Date | null;
  /** When dispatch starts: now for as-soon-as-possible, a lead time before the window otherwise. */
  @Column({ name: 'dispatch_at', type: 'datetime', precision: 3 }) dispatchAt!: Date;
  @Column({ type: 'varchar', length: 200 }) address!: string;
  @Column({ type: 'decimal', precision: 10, scale: 7, transformer: decimalToNumber }) lat!: number;
  @Column({ type: 'decimal', precision: 10, scale: 7, transformer: decimalToNumber }) lng!: number;
  @Column({ name: 'region_id', type: 'char', length: 36, nullable: true }) regionId!: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) notes!: string | null;
  @Column({ name: 'duration_minutes', type: 'int' }) durationMinutes!: number;
  @Column({ name: 'price_fen', type: 'int' }) priceFen!: number;
  @Column({ name: 'subsidy_fen', type: 'int' }) subsidyFen!: number;
  @Column({ name: 'pay_fen', type: 'int' }) payFen!: number;
  @Column({ name: 'subsidy_note', type: 'varchar', length: 100 }) subsidyNote!: string;
  @Column({ name: 'policy_id', type: 'char', length: 36, nullable: true }) policyId!: string | null;
  @Column({ name: 'policy_version', type: 'int', nullable: true }) policyVersion!: number | null;
  @Column({ name: 'provider_id', type: 'char', length: 36, nullable: true }) providerId!: string | null;
  @Column({ name: 'staff_id', type: 'char', length: 36, nullable: true }) staffId!: string | null;
  @Column({ name: 'dispatch_radius_m', type: 'int' }) dispatchRadiusM!: number;
  @Column({ name: 'cancel_fee_fen', type: 'int' }) cancelFeeFen!: number;
  @Column({ name: 'cancel_reason', type: 'varchar', length: 200, nullable: true }) cancelReason!: string | null;
  @Column({ name: 'accepted_at', type: 'datetime', precision: 3, nullable: true }) acceptedAt!: Date | null;
  @Column({ name: 'checked_in_at', type: 'datetime', precision: 3, nullable: true }) checkedInAt!: Date | null;
  @Column({ name: 'completed_at', type: 'datetime', precision: 3, nullable: true }) completedAt!: Date | null;
  @Column({ name: 'rating_stars', type: 'tinyint', nullable: true }) ratingStars!: number | null;
  @Column({ name: 'rating_tags', type: 'json', nullable: true }) ratingTags!: string[] | null;
  @Column({ name: 'rating_comment', type: 'varchar', length: 500, nullable: true }) ratingComment!: string | null;
  @Column({ name: 'elder_confirm_deadline', type: 'datetime', precision: 3, nullable: true }) elderConfirmDeadline!: Date | null;
  /** The elder's confirmation settings in force when the order was placed: the timeout acts on these, not on later changes. */
  @Column({ name: 'confirm_timeout_minutes', type: 'int', nullable: true }) confirmTimeoutMinutes!: number | null;
  @Column({ name: 'on_confirm_timeout', type: 'varchar', length: 8, nullable: true }) onConfirmTimeout!: 'proceed' | 'cancel' | null;
  /** A certificate the elder's ability grade demands for this service (policy table), beyond the catalog's. */
  @Column({ name: 'required_certificate', type: 'varchar', length: 32, nullable: true }) requiredCertificate!: string | null;
  @Column({ name: 'timebank_minutes', type: 'int' }) timebankMinutes!: number;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
