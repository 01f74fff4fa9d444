import { Logger } from '@nestjs/common';
import type { WechatClient } from '../auth/wechat/wechat-client.js';

export interface NotificationMessage {
  topic: string;
  title: string;
  body: string;
  /** Mini-program page the message opens. */
  page?: string;
}

export interface Recipient {
  userId: string;
  openid: string;
}

/**
 * Where messages to people go. `WechatNotifier` sends subscribe messages; `DevNotifier`
 * only logs. The choice follows WECHAT_MODE and is logged at start.
 */
export abstract class Notifier {
  abstract readonly channel: string;
  abstract send(recipient: Recipient, message: NotificationMessage): Promise<void>;
}

export class DevNotifier extends Notifier {
  readonly channel = 'dev';
  private readonly logger = new Logger('DevNotifier');

  async send(recipient: Recipient, message: NotificationMessage): Promise<void> {
    this.logger.log({ msg: 'notification (dev, logged only)', userId: recipient.userId, ...message });
  }
}

export class WechatNotifier extends Notifier {
  readonly channel = 'wechat';
  private readonly logger = new Logger('WechatNotifier');

  constructor(
    private readonly wechat: WechatClient,
    /** topic → subscribe-message template id, as registered in the WeChat admin console. */
    private readonly templates: Record<string, string>,
  ) {
    super();
  }

  async send(recipient: Recipient, message: NotificationMessage): Promise<void> {
    const templateId = this.templates[message.topic];
    if (!templateId) {
      this.logger.warn({ msg: 'no subscribe template for topic; not sent', topic: message.topic });
      return;
    }
    await this.wechat.sendSubscribeMessage({
      openid: recipient.openid,
      templateId,
      page: message.page,
      data: { thing1: { value: message.title.slice(0, 20) }, thing2: { value: message.body.slice(0, 20) } },
    });
  }
}
