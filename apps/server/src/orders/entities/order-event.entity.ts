import type { OrderActor, OrderStatus } from '@carecircle/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One step of an order's timeline, with who took it. */
@Entity('order_events')
export class OrderEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'order_id', type: 'char', length: 36 }) orderId!: string;
  @Column({ type: 'varchar', length: 16 }) status!: OrderStatus;
  @Column({ type: 'varchar', length: 16 }) actor!: OrderActor;
  @Column({ name: 'actor_id', type: 'char', length: 36, nullable: true }) actorId!: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) note!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
