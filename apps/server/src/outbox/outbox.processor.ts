import { JOB, QUEUE } from '@carecircle/shared';
import { Process, Processor } from '@nestjs/bull';
import { OutboxRelay } from './outbox.relay.js';
import { OutboxService } from './outbox.service.js';

@Processor(QUEUE.OUTBOX)
export class OutboxProcessor {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly outbox: OutboxService,
  ) {}

  @Process(JOB.RELAY_OUTBOX)
  async handleRelay(): Promise<number> {
    await this.outbox.kickTaken();
    return this.relay.relayPending();
  }
}
