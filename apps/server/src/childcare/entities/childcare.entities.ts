import type { AgeClass, CareType, EnrolmentStatus, WaitlistStatus } from '@carecircle/shared';
import { Column, CreateDateColumn, DeleteDateColumn, Entity, Generated, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity('childcare_centres')
export class ChildcareCentreEntity {
  @PrimaryColumn({ name: 'provider_id', type: 'char', length: 36 }) providerId!: string;
  /** 额定托位数: the classes' places together may not exceed it. */
  @Column({ name: 'licensed_places', type: 'int' }) licensedPlaces!: number;
  /** 开放时间 "HH:mm" (Asia/Shanghai): 计时托 is booked only within it. */
  @Column({ name: 'open_time', type: 'char', length: 5, default: '07:30' }) openTime!: string;
  @Column({ name: 'close_time', type: 'char', length: 5, default: '18:00' }) closeTime!: string;
}

@Entity('childcare_classes')
export class ChildcareClassEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'provider_id', type: 'char', length: 36 }) providerId!: string;
  @Column({ name: 'age_class', type: 'varchar', length: 12 }) ageClass!: AgeClass;
  @Column({ type: 'varchar', length: 40 }) name!: string;
  @Column({ type: 'int' }) capacity!: number;
  @Column({ type: 'boolean' }) puhui!: boolean;
  @Column({ type: 'json' }) prices!: Partial<Record<CareType, number>>;
  @Column({ name: 'daily_quota', type: 'int' }) dailyQuota!: number;
  /** Places taken by monthly enrolments and by waitlist offers still open: never above capacity. */
  @Column({ type: 'int' }) enrolled!: number;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

@Entity('enrolments')
export class EnrolmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'household_id', type: 'char', length: 36 }) householdId!: string;
  @Column({ name: 'child_id', type: 'char', length: 36 }) childId!: string;
  @Column({ name: 'class_id', type: 'char', length: 36 }) classId!: string;
  @Column({ name: 'care_type', type: 'varchar', length: 12 }) careType!: CareType;
  @Column({ name: 'start_month', type: 'char', length: 7, nullable: true }) startMonth!: string | null;
  @Column({ type: 'date', nullable: true }) date!: string | null;
  @Column({ name: 'start_time', type: 'char', length: 5, nullable: true }) startTime!: string | null;
  @Column({ name: 'end_time', type: 'char', length: 5, nullable: true }) endTime!: string | null;
  @Column({ type: 'varchar', length: 12 }) status!: EnrolmentStatus;
  @Column({ name: 'price_fen', type: 'int' }) priceFen!: number;
  @Column({ type: 'boolean' }) puhui!: boolean;
  @Column({ name: 'created_by', type: 'char', length: 36 }) createdBy!: string;
  @Column({ name: 'idempotency_key', type: 'varchar', length: 64 }) idempotencyKey!: string;
  @Column({ name: 'request_hash', type: 'char', length: 64 }) requestHash!: string;
  @Column({ name: 'withdrawn_at', type: 'datetime', precision: 3, nullable: true }) withdrawnAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

/** 轮候: served by score (priority rules of the region), then arrival order (seq). */
@Entity('waitlist_entries')
export class WaitlistEntryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'bigint' }) @Generated('increment') seq!: string;
  @Column({ name: 'class_id', type: 'char', length: 36 }) classId!: string;
  @Column({ name: 'child_id', type: 'char', length: 36 }) childId!: string;
  @Column({ name: 'household_id', type: 'char', length: 36 }) householdId!: string;
  @Column({ name: 'created_by', type: 'char', length: 36 }) createdBy!: string;
  @Column({ name: 'care_type', type: 'varchar', length: 12 }) careType!: CareType;
  @Column({ name: 'start_month', type: 'char', length: 7 }) startMonth!: string;
  @Column({ type: 'int' }) score!: number;
  @Column({ type: 'json' }) reasons!: string[];
  @Column({ type: 'varchar', length: 12 }) status!: WaitlistStatus;
  @Column({ name: 'offered_at', type: 'datetime', precision: 3, nullable: true }) offeredAt!: Date | null;
  @Column({ name: 'offer_expires_at', type: 'datetime', precision: 3, nullable: true }) offerExpiresAt!: Date | null;
  @Column({ name: 'responded_at', type: 'datetime', precision: 3, nullable: true }) respondedAt!: Date | null;
  /** The month the place starts in once confirmed, and why it is not the month asked for. */
  @Column({ name: 'confirmed_month', type: 'char', length: 7, nullable: true }) confirmedMonth!: string | null;
  @Column({ name: 'month_note', type: 'varchar', length: 200, nullable: true }) monthNote!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

@Entity('waitlist_log')
export class WaitlistLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'entry_id', type: 'char', length: 36 }) entryId!: string;
  @Column({ type: 'varchar', length: 24 }) event!: string;
  @Column({ type: 'varchar', length: 300, nullable: true }) note!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

@Entity('pickup_persons')
export class PickupPersonEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'child_id', type: 'char', length: 36 }) childId!: string;
  @Column({ type: 'varchar', length: 40 }) name!: string;
  @Column({ name: 'phone_enc', type: 'varchar', length: 200 }) phoneEnc!: string;
  @Column({ type: 'varchar', length: 20 }) relation!: string;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @DeleteDateColumn({ name: 'deleted_at', type: 'datetime', precision: 3, nullable: true }) deletedAt!: Date | null;
}

@Entity('attendance')
export class AttendanceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'child_id', type: 'char', length: 36 }) childId!: string;
  @Column({ name: 'class_id', type: 'char', length: 36 }) classId!: string;
  @Column({ type: 'date' }) date!: string;
  @Column({ name: 'check_in_at', type: 'datetime', precision: 3 }) checkInAt!: Date;
  @Column({ name: 'check_out_at', type: 'datetime', precision: 3, nullable: true }) checkOutAt!: Date | null;
  @Column({ name: 'pickup_person_id', type: 'char', length: 36, nullable: true }) pickupPersonId!: string | null;
}
