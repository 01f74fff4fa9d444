import { JOB, QUEUE } from '@carecircle/shared';
import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { Dispatcher } from './dispatcher.service.js';

@Processor(QUEUE.DISPATCH)
export class DispatchProcessor {
  constructor(private readonly dispatcher: Dispatcher) {}

  @Process({ name: JOB.DISPATCH_ORDER, concurrency: 8 })
  dispatchOrder(job: Job<{ orderId: string }>): Promise<void> {
    return this.dispatcher.dispatch(job.data.orderId);
  }

  @Process({ name: JOB.OFFER_EXPIRY, concurrency: 8 })
  expireOffer(job: Job<{ offerId: string }>): Promise<void> {
    return this.dispatcher.expireOffer(job.data.offerId);
  }

  @Process(JOB.DISPATCH_SWEEP)
  sweep(): Promise<number> {
    return this.dispatcher.sweep();
  }
}
