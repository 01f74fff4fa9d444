import { JOB, QUEUE } from '@carecircle/shared';
import { Process, Processor } from '@nestjs/bull';
import { EligibilityService } from './eligibility.service.js';

@Processor(QUEUE.DISPATCH)
export class RegulationProcessor {
  constructor(private readonly eligibility: EligibilityService) {}

  /** Daily: families hear before a verified subsidy category runs out. */
  @Process(JOB.ELIGIBILITY_REMINDERS)
  remindEligibility(): Promise<number> {
    return this.eligibility.remindExpiring();
  }
}
