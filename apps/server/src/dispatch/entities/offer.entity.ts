import type { OfferStatus } from '@carecircle/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type { OfferStatus };

/** A job put to one staff member, open until its deadline. */
@Entity('offers')
export class OfferEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'order_id', type: 'char', length: 36 }) orderId!: string;
  @Column({ name: 'staff_id', type: 'char', length: 36 }) staffId!: string;
  @Column({ name: 'round_id', type: 'char', length: 36 }) roundId!: string;
  @Column({ type: 'varchar', length: 16 }) status!: OfferStatus;
  @Column({ name: 'distance_m', type: 'int' }) distanceM!: number;
  @Column({ name: 'offered_at', type: 'datetime', precision: 3 }) offeredAt!: Date;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt!: Date;
  @Column({ name: 'responded_at', type: 'datetime', precision: 3, nullable: true }) respondedAt!: Date | null;
}
