import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module.js';
import { SubsidiesService } from './subsidies.service.js';

@Module({ imports: [RegionsModule], providers: [SubsidiesService], exports: [SubsidiesService] })
export class SubsidiesModule {}
