import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 家庭: family members, their elders and young children under one roof (一老一小). */
@Entity('households')
export class HouseholdEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 40 }) name!: string;
  @Column({ name: 'region_id', type: 'char', length: 36, nullable: true }) regionId!: string | null;
  @Column({ name: 'created_by', type: 'char', length: 36 }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
