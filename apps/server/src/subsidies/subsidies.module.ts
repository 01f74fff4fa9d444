import { Module } from '@nestjs/common';
import { HouseholdsModule } from '../households/households.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { SubsidiesController } from './subsidies.controller.js';
import { SubsidiesService } from './subsidies.service.js';

@Module({ imports: [RegionsModule, HouseholdsModule], controllers: [SubsidiesController], providers: [SubsidiesService], exports: [SubsidiesService] })
export class SubsidiesModule {}
