import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { RedisClient } from './redis-client.js';

/** Something kept in Redis that can be put back from MariaDB. */
export interface RedisRestorer {
  /** For the log. */
  name: string;
  /** Whether it is still in Redis (cheap: a marker key, a small set). Throws when Redis is unreachable. */
  intact(): Promise<boolean>;
  /** Puts it back from MariaDB; safe to run twice or in several processes at once. */
  restore(): Promise<void>;
}

/** How often each process looks whether Redis still has what it should. */
export const RECOVERY_CHECK_MS = 2000;

/**
 * Redis may restart empty (no persistence here, a failover in production) without any process
 * restarting. Every process checks what it has registered — when its connection to Redis is
 * ready again and every RECOVERY_CHECK_MS (data lost without a dropped connection: FLUSHALL, a
 * replica promoted) — and restores from MariaDB whatever is missing.
 *
 * A timer in each process rather than a repeatable Bull job: the repeatable jobs are among the
 * things that vanish with Redis.
 */
@Injectable()
export class RedisRecovery implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RedisRecovery');
  private readonly restorers: RedisRestorer[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;

  private connected = true;

  constructor(private readonly redis: RedisClient) {
    this.redis.on('ready', () => {
      if (!this.connected) this.logger.warn({ msg: 'Redis connection back' });
      this.connected = true;
      void this.check();
    });
    // ioredis reconnects by itself and fails the commands meanwhile; one line per outage, not one per attempt.
    this.redis.on('error', (err: Error) => {
      if (this.connected) this.logger.warn({ msg: 'Redis connection lost; reconnecting', err: err.message });
      this.connected = false;
    });
  }

  register(restorer: RedisRestorer): void {
    this.restorers.push(restorer);
  }

  onApplicationBootstrap(): void {
    this.started = true;
    this.timer = setInterval(() => void this.check(), RECOVERY_CHECK_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    this.started = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Checks every restorer and restores what is missing. Concurrent calls share one run, plus one more after it. */
  check(): Promise<void> {
    if (!this.started) return Promise.resolve();
    if (this.running) {
      // A 'ready' while a check that began with Redis still down is running must not be lost.
      this.again = true;
      return this.running;
    }
    this.running = this.runChecks().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.check();
      }
    });
    return this.running;
  }

  private async runChecks(): Promise<void> {
    for (const restorer of this.restorers) {
      if (!this.started) return;
      try {
        if (await restorer.intact()) continue;
        this.logger.warn({ msg: 'missing in Redis; restoring it from MariaDB', what: restorer.name });
        await restorer.restore();
        this.logger.log({ msg: 'restored from MariaDB', what: restorer.name });
      } catch (err) {
        // Redis still unreachable: the next check (or its 'ready') tries again.
        this.logger.warn({ msg: 'Redis check failed; retrying', what: restorer.name, err: (err as Error).message });
      }
    }
  }
}
