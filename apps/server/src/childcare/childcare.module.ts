import { Module } from '@nestjs/common';
import { HouseholdsModule } from '../households/households.module.js';
import { ProvidersModule } from '../providers/providers.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { ChildcareController } from './childcare.controller.js';
import { ChildcareService } from './childcare.service.js';

@Module({ imports: [HouseholdsModule, ProvidersModule, RegionsModule], controllers: [ChildcareController], providers: [ChildcareService], exports: [ChildcareService] })
export class ChildcareModule {}
