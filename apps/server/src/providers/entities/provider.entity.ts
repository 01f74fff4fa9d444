import type { ProviderKind, ProviderStatus } from '@carecircle/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { decimalToNumber } from '../../common/typeorm.js';


/** 服务机构: a home-care company, a canteen or a childcare centre, approved by the operator. */
@Entity('providers')
@Index(['kind', 'status'])
export class ProviderEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: ProviderKind;
  @Column({ type: 'varchar', length: 80 }) name!: string;
  @Column({ name: 'licence_no', type: 'varchar', length: 64 }) licenceNo!: string;
  @Column({ name: 'region_id', type: 'char', length: 36 }) regionId!: string;
  @Column({ type: 'varchar', length: 200 }) address!: string;
  @Column({ type: 'decimal', precision: 10, scale: 7, transformer: decimalToNumber }) lat!: number;
  @Column({ type: 'decimal', precision: 10, scale: 7, transformer: decimalToNumber }) lng!: number;
  @Column({ name: 'service_radius_m', type: 'int' }) serviceRadiusM!: number;
  @Column({ type: 'varchar', length: 16 }) status!: ProviderStatus;
  @Column({ type: 'varchar', length: 20, nullable: true }) phone!: string | null;
  @Column({ name: 'cancel_after_accept_fee_fen', type: 'int' }) cancelAfterAcceptFeeFen!: number;
  @Column({ name: 'cancel_after_departure_percent', type: 'int' }) cancelAfterDeparturePercent!: number;
  /** On the region's 推荐清单: government-paid (subsidised) orders go only to these. */
  @Column({ type: 'boolean' }) recommended!: boolean;
  @Column({ name: 'created_by', type: 'char', length: 36, nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
