import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module.js';
import { AuthGuard } from './common/auth/auth.guard.js';
import { Clock } from './common/clock.js';
import { FieldCipher } from './common/crypto/field-cipher.js';
import { QueuesModule } from './common/queues.module.js';
import { RedisModule } from './common/redis/redis.module.js';
import { RateLimitGuard } from './common/redis/rate-limit.guard.js';
import { configurations, databaseConfig, type DatabaseConfig } from './config/configuration.js';
import { dataSourceOptions } from './database/data-source.js';
import { HealthModule } from './health/health.module.js';
import { HouseholdsModule } from './households/households.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OutboxModule } from './outbox/outbox.module.js';
import { RegionsModule } from './regions/regions.module.js';
import { WorkerModule } from './worker.module.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { DispatchModule } from './dispatch/dispatch.module.js';
import { OrdersModule } from './orders/orders.module.js';
import { MealsModule } from './meals/meals.module.js';
import { ChildcareModule } from './childcare/childcare.module.js';
import { CareModule } from './care/care.module.js';
import { TimebankModule } from './timebank/timebank.module.js';
import { AuditModule, RegulationModule } from './regulation/regulation.module.js';
import { ProvidersModule } from './providers/providers.module.js';
import { TrainingModule } from './training/training.module.js';
import { SupervisionModule } from './supervision/supervision.module.js';
import { QueueBoardModule } from './queue-board/queue-board.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';

@Global()
@Module({ providers: [Clock, FieldCipher], exports: [Clock, FieldCipher] })
class CoreModule {}

export interface AppModuleOptions {
  /** api: HTTP only; worker: queue processors only; all: both (pnpm start). */
  role: 'api' | 'worker' | 'all';
}

@Module({})
export class AppModule {
  static register({ role }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: configurations }),
        TypeOrmModule.forRootAsync({
          inject: [databaseConfig.KEY],
          useFactory: (db: DatabaseConfig) => ({ ...dataSourceOptions(db), migrationsRun: false, retryAttempts: 2, retryDelay: 500 }),
        }),
        CoreModule,
        RedisModule,
        QueuesModule,
        OutboxModule,
        AuthModule,
        RegionsModule,
        HouseholdsModule,
        NotificationsModule,
        CatalogModule,
        ProvidersModule,
        OrdersModule,
        DispatchModule,
        MealsModule,
        ChildcareModule,
        CareModule,
        TimebankModule,
        AuditModule,
        RegulationModule,
        TrainingModule,
        SupervisionModule,
        PrivacyModule,
        HealthModule,
        ...(role === 'worker' ? [] : [QueueBoardModule]),
        ...(role === 'api' ? [] : [WorkerModule]),
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
    };
  }
}
