import type { DispatchCandidateView, DispatchSkipView } from '@carecircle/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One search for staff: who was found, how each scored, who was skipped and why. */
@Entity('dispatch_rounds')
export class DispatchRoundEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'order_id', type: 'char', length: 36 }) orderId!: string;
  @Column({ name: 'round_no', type: 'int' }) roundNo!: number;
  @Column({ name: 'radius_m', type: 'int' }) radiusM!: number;
  @Column({ type: 'json' }) candidates!: DispatchCandidateView[];
  @Column({ type: 'json' }) skipped!: DispatchSkipView[];
  @Column({ name: 'offered_to', type: 'json' }) offeredTo!: string[];
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
