import { Module } from '@nestjs/common';
import { ProvidersModule } from '../providers/providers.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { TimebankController } from './timebank.controller.js';
import { TimebankService } from './timebank.service.js';

@Module({ imports: [RegionsModule, ProvidersModule], controllers: [TimebankController], providers: [TimebankService], exports: [TimebankService] })
export class TimebankModule {}
