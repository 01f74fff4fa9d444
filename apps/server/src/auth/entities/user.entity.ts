import type { Role } from '@carecircle/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 64, unique: true }) openid!: string;
  @Column({ type: 'varchar', length: 40 }) nickname!: string;
  @Column({ type: 'json' }) roles!: Role[];
  /** Set when this login is an elder's own: the app opens in elder mode. */
  @Column({ name: 'elder_id', type: 'char', length: 36, nullable: true }) elderId!: string | null;
  /** Set when the person deleted the account (PIPL art. 47): the row stays for orders and ledgers, with nothing personal left. */
  @Column({ name: 'deleted_at', type: 'datetime', precision: 3, nullable: true }) deletedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
