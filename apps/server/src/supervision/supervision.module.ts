import { Module } from '@nestjs/common';
import { FilesModule } from '../common/files/files.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { CheckInOverridesService } from './check-in-overrides.service.js';
import { InspectionsService } from './inspections.service.js';
import { ProviderRecordService } from './provider-record.service.js';
import { SupervisionAccess } from './supervision-access.service.js';
import { SupervisionController } from './supervision.controller.js';

/** Provider supervision for operators (备案, 等级评定, evaluations, 双随机 inspections, credit). */
@Module({
  imports: [RegionsModule, FilesModule],
  controllers: [SupervisionController],
  providers: [SupervisionAccess, ProviderRecordService, InspectionsService, CheckInOverridesService],
})
export class SupervisionModule {}
