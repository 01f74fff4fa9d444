import { Module } from '@nestjs/common';
import { HouseholdsModule } from '../households/households.module.js';
import { SubsidiesModule } from '../subsidies/subsidies.module.js';
import { CatalogController } from './catalog.controller.js';
import { CatalogService } from './catalog.service.js';

@Module({ imports: [HouseholdsModule, SubsidiesModule], controllers: [CatalogController], providers: [CatalogService], exports: [CatalogService] })
export class CatalogModule {}
