import { JOB, QUEUE } from '@carecircle/shared';
import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { NotificationsService, type OutboxDelivery } from './notifications.service.js';

@Processor(QUEUE.NOTIFY)
export class NotifyProcessor {
  constructor(private readonly notifications: NotificationsService) {}

  @Process(JOB.SEND_NOTIFICATION)
  send(job: Job<OutboxDelivery>): Promise<number> {
    return this.notifications.deliver(job.data);
  }
}
