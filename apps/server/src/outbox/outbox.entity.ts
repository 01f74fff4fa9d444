import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Flat JSON: ids, names and counts — enough for a consumer to load the rest itself. */
export type OutboxPayload = Record<string, string | number | boolean | null>;

/** Written in the same transaction as the change it announces; the relay moves it to Bull. */
@Entity('outbox')
@Index(['publishedAt', 'id'])
export class OutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'varchar', length: 64 }) event!: string;
  @Column({ name: 'aggregate_id', type: 'char', length: 36 }) aggregateId!: string;
  @Column({ type: 'json' }) payload!: OutboxPayload;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true }) publishedAt!: Date | null;
}
