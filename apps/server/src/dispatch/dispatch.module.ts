import { Module } from '@nestjs/common';
import { OrderCoreModule } from '../orders/order-core.module.js';
import { ProvidersModule } from '../providers/providers.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { SubsidiesModule } from '../subsidies/subsidies.module.js';
import { DispatchController } from './dispatch.controller.js';
import { DispatchTimers } from './dispatch-timers.js';
import { Dispatcher } from './dispatcher.service.js';
import { OffersService } from './offers.service.js';

@Module({
  imports: [OrderCoreModule, ProvidersModule, SubsidiesModule, RegionsModule],
  controllers: [DispatchController],
  providers: [Dispatcher, OffersService, DispatchTimers],
  exports: [Dispatcher, OffersService],
})
export class DispatchModule {}
