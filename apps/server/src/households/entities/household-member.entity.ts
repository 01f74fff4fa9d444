import type { HouseholdMemberRole } from '@carecircle/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('household_members')
@Index(['userId'])
export class HouseholdMemberEntity {
  @PrimaryColumn({ name: 'household_id', type: 'char', length: 36 }) householdId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'char', length: 36 }) userId!: string;
  @Column({ type: 'varchar', length: 16 }) role!: HouseholdMemberRole;
  @CreateDateColumn({ name: 'joined_at', type: 'datetime', precision: 3 }) joinedAt!: Date;
}
