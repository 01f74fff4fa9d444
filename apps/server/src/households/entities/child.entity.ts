import { Column, CreateDateColumn, DeleteDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('children')
export class ChildEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'household_id', type: 'char', length: 36 }) householdId!: string;
  @Column({ type: 'varchar', length: 40 }) name!: string;
  @Column({ name: 'birth_date', type: 'date' }) birthDate!: string;
  @Column({ name: 'id_number_enc', type: 'varchar', length: 200, nullable: true }) idNumberEnc!: string | null;
  @Column({ name: 'id_number_hash', type: 'char', length: 64, nullable: true, unique: true }) idNumberHash!: string | null;
  @Column({ name: 'created_by', type: 'char', length: 36 }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
  @DeleteDateColumn({ name: 'deleted_at', type: 'datetime', precision: 3, nullable: true }) deletedAt!: Date | null;
}
