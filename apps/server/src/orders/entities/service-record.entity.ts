import { Column, Entity, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from '../../common/typeorm.js';

/** What was done at the elder's home: check-in place and distance, check-out, tasks, duration. */
@Entity('service_records')
export class ServiceRecordEntity {
  @PrimaryColumn({ name: 'order_id', type: 'char', length: 36 }) orderId!: string;
  @Column({ name: 'staff_id', type: 'char', length: 36 }) staffId!: string;
  @Column({ name: 'check_in_at', type: 'datetime', precision: 3 }) checkInAt!: Date;
  @Column({ name: 'check_in_lat', type: 'decimal', precision: 10, scale: 7, transformer: decimalToNumber }) checkInLat!: number;
  @Column({ name: 'check_in_lng', type: 'decimal', precision: 10, scale: 7, transformer: decimalToNumber }) checkInLng!: number;
  @Column({ name: 'check_in_distance_m', type: 'int' }) checkInDistanceM!: number;
  @Column({ name: 'override_reason', type: 'varchar', length: 200, nullable: true }) overrideReason!: string | null;
  /** A check-in outside the geofence, accepted with a reason: the operator reviews these. */
  @Column({ type: 'boolean' }) flagged!: boolean;
  @Column({ name: 'check_out_at', type: 'datetime', precision: 3, nullable: true }) checkOutAt!: Date | null;
  @Column({ type: 'json', nullable: true }) tasks!: string[] | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) notes!: string | null;
  @Column({ name: 'duration_minutes', type: 'int', nullable: true }) durationMinutes!: number | null;
  /** Why the service was far shorter than booked (policy `statement_checks.shortServiceShare`); set means flagged for the operator. */
  @Column({ name: 'short_reason', type: 'varchar', length: 200, nullable: true }) shortReason!: string | null;
  /** 探访 visits: how the elder is, needs found, whether a follow-up is needed. */
  @Column({ name: 'visit_form', type: 'json', nullable: true }) visitForm!: { condition: string; needs: string[]; followUp: boolean; followUpNote?: string } | null;
}
