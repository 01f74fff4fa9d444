import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A provider's own price for a service, when it differs from the catalog's base price. */
@Entity('provider_service_prices')
export class ProviderServicePriceEntity {
  @PrimaryColumn({ name: 'provider_id', type: 'char', length: 36 }) providerId!: string;
  @PrimaryColumn({ name: 'service_code', type: 'varchar', length: 32 }) serviceCode!: string;
  @Column({ name: 'price_fen', type: 'int' }) priceFen!: number;
}
