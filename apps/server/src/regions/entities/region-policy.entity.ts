import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A region's rules as data (subsidy table, basic-service list, KPI targets, …), versioned:
 * a new version starts at its effective date and earlier orders keep the version they used.
 */
@Entity('region_policies')
@Index(['regionId', 'kind', 'version'], { unique: true })
export class RegionPolicyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'region_id', type: 'char', length: 36 }) regionId!: string;
  @Column({ type: 'varchar', length: 40 }) kind!: string;
  @Column({ type: 'int' }) version!: number;
  @Column({ name: 'effective_from', type: 'datetime', precision: 3 }) effectiveFrom!: Date;
  @Column({ type: 'json' }) rules!: unknown;
  @Column({ name: 'created_by', type: 'char', length: 36, nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
