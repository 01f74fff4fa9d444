import type { CertificateType, ServiceCode } from '@carecircle/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('service_types')
export class ServiceTypeEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 }) code!: ServiceCode;
  @Column({ type: 'varchar', length: 20 }) name!: string;
  @Column({ type: 'varchar', length: 200 }) description!: string;
  @Column({ name: 'duration_minutes', type: 'int' }) durationMinutes!: number;
  @Column({ name: 'base_price_fen', type: 'int' }) basePriceFen!: number;
  @Column({ name: 'required_skill', type: 'varchar', length: 32 }) requiredSkill!: ServiceCode;
  @Column({ name: 'required_certificate', type: 'varchar', length: 32, nullable: true }) requiredCertificate!: CertificateType | null;
  @Column({ type: 'boolean' }) urgent!: boolean;
  @Column({ type: 'int' }) sort!: number;
  /** False for jobs the system creates itself (meal delivery): not in the family's catalog. */
  @Column({ name: 'family_orderable', type: 'boolean' }) familyOrderable!: boolean;
}
