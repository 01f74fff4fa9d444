import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('provider_admins')
export class ProviderAdminEntity {
  @PrimaryColumn({ name: 'provider_id', type: 'char', length: 36 }) providerId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'char', length: 36 }) userId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
