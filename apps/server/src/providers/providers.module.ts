import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module.js';
import { ProvidersController, StaffController } from './providers.controller.js';
import { ProvidersService } from './providers.service.js';
import { StaffPositions } from './staff-positions.service.js';
import { StaffService } from './staff.service.js';

@Module({
  imports: [RegionsModule],
  controllers: [ProvidersController, StaffController],
  providers: [ProvidersService, StaffService, StaffPositions],
  exports: [ProvidersService, StaffService, StaffPositions],
})
export class ProvidersModule {}
