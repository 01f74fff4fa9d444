import { JOB, QUEUE } from '@carecircle/shared';
import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable } from '@nestjs/common';
import type { CronRepeatOptions, EveryRepeatOptions, Queue } from 'bull';
import { appConfig, dispatchConfig, type AppConfig, type DispatchConfig } from './config/configuration.js';

interface Schedule {
  queue: 'outbox' | 'dispatch';
  job: (typeof JOB)[keyof typeof JOB];
  id: string;
  repeat: EveryRepeatOptions | CronRepeatOptions;
}

/**
 * The periodic work: one schedule for all workers (a repeatable Bull job), not a timer in each
 * process. Registered at worker start and again whenever Redis has lost them.
 */
@Injectable()
export class RepeatableJobs {
  private readonly queues: Record<Schedule['queue'], Queue>;

  constructor(
    @InjectQueue(QUEUE.OUTBOX) outboxQueue: Queue,
    @InjectQueue(QUEUE.DISPATCH) dispatchQueue: Queue,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
    @Inject(dispatchConfig.KEY) private readonly dispatch: DispatchConfig,
  ) {
    this.queues = { outbox: outboxQueue, dispatch: dispatchQueue };
  }

  schedules(): Schedule[] {
    const shanghai = (cron: string) => ({ cron, tz: 'Asia/Shanghai' });
    return [
      { queue: 'outbox', job: JOB.RELAY_OUTBOX, id: 'outbox-relay-poll', repeat: { every: this.config.outboxPollMs } },
      { queue: 'dispatch', job: JOB.DISPATCH_SWEEP, id: 'dispatch-sweep', repeat: { every: this.dispatch.sweepMs } },
      { queue: 'dispatch', job: JOB.MEAL_CUTOFF_SWEEP, id: 'meal-cutoff-sweep', repeat: { every: this.dispatch.sweepMs } },
      { queue: 'dispatch', job: JOB.ELDER_SWEEP, id: 'elder-sweep', repeat: { every: 3000 } },
      { queue: 'dispatch', job: JOB.ASSESSMENT_REMINDERS, id: 'assessment-reminders', repeat: shanghai('20 9 * * *') },
      { queue: 'dispatch', job: JOB.ELIGIBILITY_REMINDERS, id: 'eligibility-reminders', repeat: shanghai('25 9 * * *') },
      { queue: 'dispatch', job: JOB.VISIT_PLANS, id: 'visit-plans', repeat: shanghai('10 0 * * *') },
      { queue: 'dispatch', job: JOB.CHILDCARE_AGE_MOVES, id: 'childcare-age-moves', repeat: shanghai('5 0 1 * *') },
      { queue: 'dispatch', job: JOB.CHILDCARE_SWEEP, id: 'childcare-sweep', repeat: { every: 60_000 } },
    ];
  }

  /** Adds every schedule; Bull keeps one per job id and repeat, so a second call changes nothing. */
  async register(): Promise<void> {
    for (const s of this.schedules()) {
      await this.queues[s.queue].add(s.job, {}, { jobId: s.id, repeat: s.repeat, removeOnComplete: true, removeOnFail: true });
    }
  }

  /**
   * After Redis lost the schedules, the catch-up jobs (the `every` ones: outbox poll, sweeps) run
   * once at once rather than at their next tick: the work they catch up on piled up meanwhile.
   */
  async catchUp(): Promise<void> {
    for (const s of this.schedules()) {
      if ('every' in s.repeat) await this.queues[s.queue].add(s.job, {}, { removeOnComplete: true, removeOnFail: true });
    }
  }

  /** Whether Redis still has every schedule. */
  async intact(): Promise<boolean> {
    const present = new Set<string>();
    for (const [name, queue] of Object.entries(this.queues)) {
      for (const r of await queue.getRepeatableJobs()) present.add(`${name}/${r.id}`);
    }
    return this.schedules().every((s) => present.has(`${s.queue}/${s.id}`));
  }
}
