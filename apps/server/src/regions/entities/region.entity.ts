import type { RegionLevel } from '@carecircle/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { decimalToNumber } from '../../common/typeorm.js';

/** 区 / 街道 / 社区: where elders live and whose policy table applies to them. */
@Entity('regions')
export class RegionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 32, unique: true }) code!: string;
  @Column({ type: 'varchar', length: 60 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) level!: RegionLevel;
  @Column({ name: 'parent_id', type: 'char', length: 36, nullable: true }) parentId!: string | null;
  @Column({ name: 'center_lat', type: 'decimal', precision: 10, scale: 7, transformer: decimalToNumber }) centerLat!: number;
  @Column({ name: 'center_lng', type: 'decimal', precision: 10, scale: 7, transformer: decimalToNumber }) centerLng!: number;
  /** Resident population, the denominator of per-1,000 KPIs. */
  @Column({ type: 'int', nullable: true }) population!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
