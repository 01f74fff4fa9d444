import { Module } from '@nestjs/common';
import { DispatchModule } from '../dispatch/dispatch.module.js';
import { HouseholdsModule } from '../households/households.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { ProvidersModule } from '../providers/providers.module.js';
import { SubsidiesModule } from '../subsidies/subsidies.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { MealsController } from './meals.controller.js';
import { MealsService } from './meals.service.js';

@Module({
  imports: [HouseholdsModule, ProvidersModule, SubsidiesModule, OrdersModule, DispatchModule, RegionsModule],
  controllers: [MealsController],
  providers: [MealsService],
  exports: [MealsService],
})
export class MealsModule {}
