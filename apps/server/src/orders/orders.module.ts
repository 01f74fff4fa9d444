import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { DispatchModule } from '../dispatch/dispatch.module.js';
import { HouseholdsModule } from '../households/households.module.js';
import { ProvidersModule } from '../providers/providers.module.js';
import { SubsidiesModule } from '../subsidies/subsidies.module.js';
import { TimebankModule } from '../timebank/timebank.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { OrderCoreModule } from './order-core.module.js';
import { OrdersController } from './orders.controller.js';
import { OrdersService } from './orders.service.js';
import { StreamTickets } from './stream-tickets.service.js';

@Module({
  imports: [OrderCoreModule, HouseholdsModule, CatalogModule, SubsidiesModule, ProvidersModule, DispatchModule, TimebankModule, RegionsModule],
  controllers: [OrdersController],
  providers: [OrdersService, StreamTickets],
  exports: [OrdersService],
})
export class OrdersModule {}
