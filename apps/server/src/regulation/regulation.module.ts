import { Global, Module } from '@nestjs/common';
import { CareModule } from '../care/care.module.js';
import { ChildcareModule } from '../childcare/childcare.module.js';
import { HouseholdsModule } from '../households/households.module.js';
import { MealsModule } from '../meals/meals.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { TrainingModule } from '../training/training.module.js';
import { AuditService } from './audit.service.js';
import { ComplaintsService } from './complaints.service.js';
import { CreditService } from './credit.service.js';
import { EligibilityService } from './eligibility.service.js';
import { KpiService } from './kpi.service.js';
import { KpiController } from './kpi.controller.js';
import { OfficialListService } from './official-list.service.js';
import { RegionFiguresService } from './region-figures.service.js';
import { ReportService } from './report.service.js';
import { WorklistsService } from './worklists.service.js';
import { OperatorScope } from './operator-scope.service.js';
import { RegulationController } from './regulation.controller.js';
import { StatementsService } from './statements.service.js';

@Module({
  imports: [HouseholdsModule, RegionsModule, CareModule, MealsModule, ChildcareModule, TrainingModule],
  controllers: [RegulationController, KpiController],
  exports: [EligibilityService],
  providers: [EligibilityService, ComplaintsService, StatementsService, KpiService, RegionFiguresService, WorklistsService, OfficialListService, ReportService],
})
export class RegulationModule {}

/**
 * Used from many domains: the audit log (a read of an elder's record, an approval) and the
 * operator's region scope (an operator sees only the regions assigned to them), and the one credit
 * deduction path (complaints, inspections, check-in overrides).
 */
@Global()
@Module({ imports: [RegionsModule], providers: [AuditService, OperatorScope, CreditService], exports: [AuditService, OperatorScope, CreditService] })
export class AuditModule {}
