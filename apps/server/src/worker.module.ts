import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { RedisRecovery } from './common/redis/redis-recovery.service.js';
import { DispatchModule } from './dispatch/dispatch.module.js';
import { DispatchProcessor } from './dispatch/dispatch.processor.js';
import { MealsModule } from './meals/meals.module.js';
import { ChildcareModule } from './childcare/childcare.module.js';
import { ChildcareProcessor } from './childcare/childcare.processor.js';
import { CareModule } from './care/care.module.js';
import { CareProcessor } from './care/care.processor.js';
import { OrdersModule } from './orders/orders.module.js';
import { MealsProcessor } from './meals/meals.processor.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ProvidersModule } from './providers/providers.module.js';
import { StaffPositions } from './providers/staff-positions.service.js';
import { NotifyProcessor } from './notifications/notify.processor.js';
import { OutboxProcessor } from './outbox/outbox.processor.js';
import { RegulationModule } from './regulation/regulation.module.js';
import { RegulationProcessor } from './regulation/regulation.processor.js';
import { RepeatableJobs } from './repeatable-jobs.js';

/** The worker role: Bull processors, and the periodic outbox relay that catches anything a kick missed. */
@Module({ imports: [NotificationsModule, DispatchModule, ProvidersModule, MealsModule, ChildcareModule, CareModule, OrdersModule, RegulationModule], providers: [RepeatableJobs, OutboxProcessor, NotifyProcessor, DispatchProcessor, MealsProcessor, ChildcareProcessor, CareProcessor, RegulationProcessor] })
export class WorkerModule implements OnApplicationBootstrap {
  constructor(
    private readonly repeatable: RepeatableJobs,
    private readonly positions: StaffPositions,
    private readonly recovery: RedisRecovery,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.repeatable.register();
    // Redis holds positions only as a cache of MariaDB: refill it in case Redis restarted empty.
    await this.positions.rebuild();
    // Redis may also lose them while this worker runs.
    this.recovery.register({
      name: 'repeatable jobs',
      intact: () => this.repeatable.intact(),
      restore: async () => {
        await this.repeatable.register();
        await this.repeatable.catchUp();
      },
    });
  }
}
