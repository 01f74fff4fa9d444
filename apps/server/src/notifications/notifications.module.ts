import { Logger, Module } from '@nestjs/common';
import { WechatClient } from '../auth/wechat/wechat-client.js';
import { wechatConfig, type WechatConfig } from '../config/configuration.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { DevNotifier, Notifier, WechatNotifier } from './notifier.js';

@Module({
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    {
      provide: Notifier,
      inject: [wechatConfig.KEY, WechatClient],
      useFactory: (config: WechatConfig, wechat: WechatClient): Notifier => {
        const notifier = config.mode === 'real' ? new WechatNotifier(wechat, config.subscribeTemplates) : new DevNotifier();
        new Logger('Notifier').log(`Notifier: ${notifier.channel} (${notifier.constructor.name})`);
        return notifier;
      },
    },
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
