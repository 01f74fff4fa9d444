import { JOB, QUEUE, shanghaiMonth } from '@carecircle/shared';
import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { OrdersService } from '../orders/orders.service.js';
import { SosService } from './sos.service.js';
import { AssessmentsService } from './assessments.service.js';
import { VisitsService } from './visits.service.js';

@Processor(QUEUE.DISPATCH)
export class CareProcessor {
  constructor(
    private readonly sos: SosService,
    private readonly orders: OrdersService,
    private readonly visits: VisitsService,
    private readonly assessments: AssessmentsService,
  ) {}

  @Process(JOB.SOS_BROADCAST)
  broadcast(job: Job<{ sosId: string }>): Promise<void> {
    return this.sos.broadcast(job.data.sosId);
  }

  /** Every few seconds: SOS broadcasts and red alerts, and proxy orders whose elder did not answer in time. */
  @Process(JOB.ELDER_SWEEP)
  async sweep(): Promise<void> {
    await this.sos.sweep();
    await this.orders.applyConfirmationTimeouts();
  }

  /** Daily: families hear before an ability assessment runs out. */
  @Process(JOB.ASSESSMENT_REMINDERS)
  remindAssessments(): Promise<number> {
    return this.assessments.remindExpiring();
  }

  /** Daily: the month's visits for every elder on a visiting plan (idempotent). */
  @Process(JOB.VISIT_PLANS)
  generateVisits(): Promise<number> {
    return this.visits.generate(shanghaiMonth(new Date()));
  }
}
