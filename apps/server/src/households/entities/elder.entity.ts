import type { DietaryNeed, LivingSituation, SubsidyCategory, SubsidyVerification } from '@carecircle/shared';
import { Column, CreateDateColumn, DeleteDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { decimalToNumber } from '../../common/typeorm.js';

/**
 * An elder's profile. ID number, phone, emergency contacts and health notes are personal
 * information under PIPL: stored only encrypted (`*_enc`), found by a keyed hash.
 */
@Entity('elders')
export class ElderEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'household_id', type: 'char', length: 36 }) householdId!: string;
  @Column({ type: 'varchar', length: 40 }) name!: string;
  @Column({ type: 'varchar', length: 8 }) gender!: 'male' | 'female';
  @Column({ name: 'birth_date', type: 'date' }) birthDate!: string;
  @Column({ name: 'id_number_enc', type: 'varchar', length: 200 }) idNumberEnc!: string;
  /** Cleared when the elder is removed, so the same person can be added again. */
  @Column({ name: 'id_number_hash', type: 'char', length: 64, nullable: true, unique: true }) idNumberHash!: string | null;
  @Column({ name: 'phone_enc', type: 'varchar', length: 200, nullable: true }) phoneEnc!: string | null;
  @Column({ type: 'varchar', length: 200 }) address!: string;
  @Column({ type: 'decimal', precision: 10, scale: 7, transformer: decimalToNumber }) lat!: number;
  @Column({ type: 'decimal', precision: 10, scale: 7, transformer: decimalToNumber }) lng!: number;
  @Column({ name: 'region_id', type: 'char', length: 36, nullable: true }) regionId!: string | null;
  @Column({ name: 'emergency_contacts_enc', type: 'text' }) emergencyContactsEnc!: string;
  @Column({ name: 'health_notes_enc', type: 'text', nullable: true }) healthNotesEnc!: string | null;
  @Column({ name: 'dietary_needs', type: 'json' }) dietaryNeeds!: DietaryNeed[];
  @Column({ name: 'living_situation', type: 'varchar', length: 20 }) livingSituation!: LivingSituation;
  @Column({ name: 'subsidy_category', type: 'varchar', length: 32 }) subsidyCategory!: SubsidyCategory;
  /** A declared category gives no subsidy until an operator verifies it. */
  @Column({ name: 'subsidy_verification', type: 'varchar', length: 16 }) subsidyVerification!: SubsidyVerification;
  /** Proxy orders wait for the elder's 确认 / 不需要 when the elder has their own login. */
  @Column({ name: 'confirm_orders', type: 'boolean' }) confirmOrders!: boolean;
  @Column({ name: 'confirm_timeout_minutes', type: 'int' }) confirmTimeoutMinutes!: number;
  /** What happens when the elder does not answer in time: the family's order stands, or is dropped. */
  @Column({ name: 'on_confirm_timeout', type: 'varchar', length: 8 }) onConfirmTimeout!: 'proceed' | 'cancel';
  @Column({ name: 'ability_grade', type: 'varchar', length: 12, nullable: true }) abilityGrade!: string | null;
  @Column({ name: 'assessment_valid_until', type: 'date', nullable: true }) assessmentValidUntil!: string | null;
  /** A verified category gives subsidy until this date (re-check); null = no end set. */
  @Column({ name: 'subsidy_valid_until', type: 'date', nullable: true }) subsidyValidUntil!: string | null;
  @Column({ name: 'eligibility_evidence', type: 'varchar', length: 300, nullable: true }) eligibilityEvidence!: string | null;
  @Column({ name: 'eligibility_declared_at', type: 'datetime', precision: 3, nullable: true }) eligibilityDeclaredAt!: Date | null;
  @Column({ name: 'eligibility_note', type: 'varchar', length: 300, nullable: true }) eligibilityNote!: string | null;
  @Column({ name: 'created_by', type: 'char', length: 36 }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
  @DeleteDateColumn({ name: 'deleted_at', type: 'datetime', precision: 3, nullable: true }) deletedAt!: Date | null;
}
