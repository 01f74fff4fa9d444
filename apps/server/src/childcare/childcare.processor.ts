import { JOB, QUEUE, shanghaiMonth } from '@carecircle/shared';
import { Process, Processor } from '@nestjs/bull';
import { ChildcareService } from './childcare.service.js';

@Processor(QUEUE.DISPATCH)
export class ChildcareProcessor {
  constructor(private readonly childcare: ChildcareService) {}

  /** Waitlist offers past their deadline pass to the next child. */
  @Process(JOB.CHILDCARE_SWEEP)
  expireOffers(): Promise<number> {
    return this.childcare.expireOffers();
  }

  /** Monthly, just after midnight on the 1st (Asia/Shanghai): children who grew up move class. */
  @Process(JOB.CHILDCARE_AGE_MOVES)
  moveUpAgeBands(): Promise<{ moved: number; waiting: number }> {
    return this.childcare.moveUpAgeBands(shanghaiMonth(new Date()));
  }
}
