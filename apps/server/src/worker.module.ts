import { JOB, QUEUE } from '@carecircle/shared';
import { InjectQueue } from '@nestjs/bull';
import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { appConfig, type AppConfig } from './config/configuration.js';
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
import { dispatchConfig, type DispatchConfig } from './config/configuration.js';
import { NotifyProcessor } from './notifications/notify.processor.js';
import { OutboxProcessor } from './outbox/outbox.processor.js';
import { RegulationModule } from './regulation/regulation.module.js';
import { RegulationProcessor } from './regulation/regulation.processor.js';

const RELAY_REPEAT_ID = 'outbox-relay-poll';
const SWEEP_REPEAT_ID = 'dispatch-sweep';
const MEAL_CUTOFF_REPEAT_ID = 'meal-cutoff-sweep';
const CHILDCARE_REPEAT_ID = 'childcare-sweep';

/** The worker role: Bull processors, and the periodic outbox relay that catches anything a kick missed. */
@Module({ imports: [NotificationsModule, DispatchModule, ProvidersModule, MealsModule, ChildcareModule, CareModule, OrdersModule, RegulationModule], providers: [OutboxProcessor, NotifyProcessor, DispatchProcessor, MealsProcessor, ChildcareProcessor, CareProcessor, RegulationProcessor] })
export class WorkerModule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUE.OUTBOX) private readonly outboxQueue: Queue,
    @InjectQueue(QUEUE.DISPATCH) private readonly dispatchQueue: Queue,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
    @Inject(dispatchConfig.KEY) private readonly dispatch: DispatchConfig,
    private readonly positions: StaffPositions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // A repeatable job is one schedule for all workers, not a timer inside each process.
    await this.outboxQueue.add(JOB.RELAY_OUTBOX, {}, { jobId: RELAY_REPEAT_ID, repeat: { every: this.config.outboxPollMs }, removeOnComplete: true, removeOnFail: true });
    await this.dispatchQueue.add(JOB.DISPATCH_SWEEP, {}, { jobId: SWEEP_REPEAT_ID, repeat: { every: this.dispatch.sweepMs }, removeOnComplete: true, removeOnFail: true });
    await this.dispatchQueue.add(JOB.MEAL_CUTOFF_SWEEP, {}, { jobId: MEAL_CUTOFF_REPEAT_ID, repeat: { every: this.dispatch.sweepMs }, removeOnComplete: true, removeOnFail: true });
    await this.dispatchQueue.add(JOB.ELDER_SWEEP, {}, { jobId: 'elder-sweep', repeat: { every: 3000 }, removeOnComplete: true, removeOnFail: true });
    await this.dispatchQueue.add(JOB.ASSESSMENT_REMINDERS, {}, { jobId: 'assessment-reminders', repeat: { cron: '20 9 * * *', tz: 'Asia/Shanghai' }, removeOnComplete: true, removeOnFail: true });
    await this.dispatchQueue.add(JOB.ELIGIBILITY_REMINDERS, {}, { jobId: 'eligibility-reminders', repeat: { cron: '25 9 * * *', tz: 'Asia/Shanghai' }, removeOnComplete: true, removeOnFail: true });
    await this.dispatchQueue.add(JOB.VISIT_PLANS, {}, { jobId: 'visit-plans', repeat: { cron: '10 0 * * *', tz: 'Asia/Shanghai' }, removeOnComplete: true, removeOnFail: true });
    await this.dispatchQueue.add(JOB.CHILDCARE_AGE_MOVES, {}, { jobId: 'childcare-age-moves', repeat: { cron: '5 0 1 * *', tz: 'Asia/Shanghai' }, removeOnComplete: true, removeOnFail: true });
    await this.dispatchQueue.add(JOB.CHILDCARE_SWEEP, {}, { jobId: CHILDCARE_REPEAT_ID, repeat: { every: 60_000 }, removeOnComplete: true, removeOnFail: true });
    // Redis holds positions only as a cache of MariaDB: refill it in case Redis restarted empty.
    await this.positions.rebuild();
  }
}
