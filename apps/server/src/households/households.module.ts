import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module.js';
import { ChildrenService } from './children.service.js';
import { EldersService } from './elders.service.js';
import { ChildrenController, EldersController, HouseholdsController } from './households.controller.js';
import { HouseholdsService } from './households.service.js';
import { HouseholdAccess } from './household-access.service.js';
import { PersonalDataMapper } from './personal-data.mapper.js';
import { RegistrationConflictsController } from './registration-conflicts.controller.js';
import { RegistrationConflicts } from './registration-conflicts.service.js';

@Module({
  imports: [RegionsModule],
  controllers: [HouseholdsController, EldersController, ChildrenController, RegistrationConflictsController],
  providers: [HouseholdsService, EldersService, ChildrenService, HouseholdAccess, PersonalDataMapper, RegistrationConflicts],
  exports: [HouseholdAccess, PersonalDataMapper, EldersService],
})
export class HouseholdsModule {}
