import { JOB, QUEUE } from '@carecircle/shared';
import { Process, Processor } from '@nestjs/bull';
import { OutboxRelay } from './outbox.relay.js';

@Processor(QUEUE.OUTBOX)
export class OutboxProcessor {
  constructor(private readonly relay: OutboxRelay) {}

  @Process(JOB.RELAY_OUTBOX)
  handleRelay(): Promise<number> {
    return this.relay.relayPending();
  }
}
