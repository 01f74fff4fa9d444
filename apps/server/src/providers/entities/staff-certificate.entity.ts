import type { CertificateType } from '@carecircle/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 持证上岗: a service that needs a certificate is only offered while one is valid on the service date. */
@Entity('staff_certificates')
export class StaffCertificateEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'staff_id', type: 'char', length: 36 }) staffId!: string;
  @Column({ type: 'varchar', length: 32 }) type!: CertificateType;
  @Column({ type: 'varchar', length: 64 }) number!: string;
  @Column({ name: 'expires_on', type: 'date' }) expiresOn!: string;
}
