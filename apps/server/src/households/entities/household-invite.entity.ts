import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A one-time code a member passes on (e.g. by WeChat message) so a sibling can join. */
@Entity('household_invites')
export class HouseholdInviteEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'household_id', type: 'char', length: 36 }) householdId!: string;
  @Column({ type: 'varchar', length: 12, unique: true }) code!: string;
  @Column({ name: 'created_by', type: 'char', length: 36 }) createdBy!: string;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt!: Date;
  @Column({ name: 'used_by', type: 'char', length: 36, nullable: true }) usedBy!: string | null;
  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true }) usedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
