import { Module } from '@nestjs/common';
import { DispatchModule } from '../dispatch/dispatch.module.js';
import { HouseholdsModule } from '../households/households.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { AssessmentsService } from './assessments.service.js';
import { CareController } from './care.controller.js';
import { ElderAccountService } from './elder-account.service.js';
import { ElderHomeService } from './elder-home.service.js';
import { SosService } from './sos.service.js';
import { VisitsService } from './visits.service.js';

@Module({
  imports: [HouseholdsModule, OrdersModule, DispatchModule, RegionsModule],
  controllers: [CareController],
  providers: [ElderAccountService, ElderHomeService, SosService, AssessmentsService, VisitsService],
  exports: [SosService, VisitsService, AssessmentsService],
})
export class CareModule {}
