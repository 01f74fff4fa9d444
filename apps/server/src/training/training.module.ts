import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module.js';
import { QualificationService } from './qualification.service.js';
import { TrainingAccess } from './training-access.service.js';
import { TrainingController } from './training.controller.js';
import { TrainingService } from './training.service.js';

/** Staff qualification: training sessions and attendance, 持证上岗率 and 岗前培训率 per provider. */
@Module({
  imports: [RegionsModule],
  controllers: [TrainingController],
  providers: [TrainingService, QualificationService, TrainingAccess],
  exports: [QualificationService],
})
export class TrainingModule {}
