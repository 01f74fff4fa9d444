import { JOB, QUEUE } from '@carecircle/shared';
import { InjectQueue } from '@nestjs/bull';
import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { appConfig, type AppConfig } from './config/configuration.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { NotifyProcessor } from './notifications/notify.processor.js';
import { OutboxProcessor } from './outbox/outbox.processor.js';

const RELAY_REPEAT_ID = 'outbox-relay-poll';

/** The worker role: Bull processors, and the periodic outbox relay that catches anything a kick missed. */
@Module({ imports: [NotificationsModule], providers: [OutboxProcessor, NotifyProcessor] })
export class WorkerModule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUE.OUTBOX) private readonly outboxQueue: Queue,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // A repeatable job is one schedule for all workers, not a timer inside each process.
    await this.outboxQueue.add(JOB.RELAY_OUTBOX, {}, { jobId: RELAY_REPEAT_ID, repeat: { every: this.config.outboxPollMs }, removeOnComplete: true, removeOnFail: true });
  }
}
