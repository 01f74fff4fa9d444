import type { ServiceCode } from '@carecircle/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { decimalToNumber } from '../../common/typeorm.js';

/** 护理员 / 服务人员 / 配送员 of a provider, linked to their own login when they have one. */
@Entity('provider_staff')
export class ProviderStaffEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'provider_id', type: 'char', length: 36 }) providerId!: string;
  @Column({ name: 'user_id', type: 'char', length: 36, nullable: true, unique: true }) userId!: string | null;
  @Column({ type: 'varchar', length: 40 }) name!: string;
  @Column({ name: 'phone_enc', type: 'varchar', length: 200, nullable: true }) phoneEnc!: string | null;
  @Column({ type: 'json' }) skills!: ServiceCode[];
  @Column({ name: 'home_lat', type: 'decimal', precision: 10, scale: 7, transformer: decimalToNumber }) homeLat!: number;
  @Column({ name: 'home_lng', type: 'decimal', precision: 10, scale: 7, transformer: decimalToNumber }) homeLng!: number;
  @Column({ name: 'max_concurrent_jobs', type: 'int' }) maxConcurrentJobs!: number;
  /** Average rating × 100 (4.85 → 485), so it stays an integer. */
  @Column({ name: 'rating_x100', type: 'int' }) ratingX100!: number;
  @Column({ name: 'on_duty', type: 'boolean' }) onDuty!: boolean;
  /** Volunteers earn time-bank hours for completed jobs. */
  @Column({ name: 'is_volunteer', type: 'boolean' }) isVolunteer!: boolean;
  @Column({ name: 'birth_year', type: 'smallint', nullable: true }) birthYear!: number | null;
  @Column({ name: 'last_lat', type: 'decimal', precision: 10, scale: 7, nullable: true, transformer: decimalToNumber }) lastLat!: number | null;
  @Column({ name: 'last_lng', type: 'decimal', precision: 10, scale: 7, nullable: true, transformer: decimalToNumber }) lastLng!: number | null;
  @Column({ name: 'last_seen_at', type: 'datetime', precision: 3, nullable: true }) lastSeenAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
