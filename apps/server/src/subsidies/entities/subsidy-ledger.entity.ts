import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every subsidy movement, both ways (补需方 at checkout, 补供方 to providers), with payer, payee
 * and funding source. A reversal is a negative row, never an edit, so the month's sum is the truth.
 */
@Entity('subsidy_ledger')
export class SubsidyLedgerEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  /** Who benefits: an elder (meals, home care) or a child (普惠 childcare places). */
  @Column({ name: 'elder_id', type: 'char', length: 36, nullable: true }) elderId!: string | null;
  @Column({ name: 'child_id', type: 'char', length: 36, nullable: true }) childId!: string | null;
  /** order | meal | childcare | settlement */
  @Column({ name: 'source_type', type: 'varchar', length: 16 }) sourceType!: string;
  @Column({ name: 'source_id', type: 'char', length: 36 }) sourceId!: string;
  /**
   * grant | reversal, or for supply-side settlements `<month>:<funding source>`: at most one of
   * each per source, so a replayed write is harmless (unique key).
   */
  @Column({ type: 'varchar', length: 16 }) entry!: string;
  @Column({ type: 'char', length: 7 }) month!: string;
  @Column({ type: 'varchar', length: 32 }) category!: string;
  @Column({ type: 'varchar', length: 32 }) service!: string;
  /** The rule row the amount counts against (`*` or a service key such as `meal`): caps are per rule. */
  @Column({ name: 'rule_key', type: 'varchar', length: 32 }) ruleKey!: string;
  @Column({ name: 'amount_fen', type: 'int' }) amountFen!: number;
  /** demand (补需方, reduces what the family pays) | supply (补供方, paid to the provider) */
  @Column({ type: 'varchar', length: 8 }) side!: 'demand' | 'supply';
  @Column({ type: 'varchar', length: 60 }) payer!: string;
  @Column({ type: 'varchar', length: 60 }) payee!: string;
  @Column({ name: 'payee_provider_id', type: 'char', length: 36, nullable: true }) payeeProviderId!: string | null;
  @Column({ name: 'funding_source', type: 'varchar', length: 60 }) fundingSource!: string;
  @Column({ name: 'policy_id', type: 'char', length: 36, nullable: true }) policyId!: string | null;
  @Column({ name: 'policy_version', type: 'int', nullable: true }) policyVersion!: number | null;
  /** Uses or minutes of a 基本养老服务清单 entitlement this row spends (negative on a reversal); null for fen entitlements and subsidy tables. */
  @Column({ type: 'int', nullable: true }) units!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
