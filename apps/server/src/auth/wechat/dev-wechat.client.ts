import { Logger } from '@nestjs/common';
import { WechatClient, WechatLoginError, type SubscribeMessage, type WechatSession } from './wechat-client.js';

const DEV_CODE = /^dev:([\p{L}\p{N}_.-]{1,32})$/u;

/** Maps `dev:<name>` to the stable openid `dev:<name>`, so H5 and tests can log in without WeChat. */
export class DevWechatClient extends WechatClient {
  readonly mode = 'dev' as const;
  private readonly logger = new Logger('DevWechatClient');

  async code2Session(code: string): Promise<WechatSession> {
    const match = DEV_CODE.exec(code);
    if (!match) throw new WechatLoginError('开发模式下请使用 dev:<名字> 登录');
    return { openid: `dev:${match[1]}`, nickname: match[1] };
  }

  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    this.logger.log({ msg: 'subscribe message (dev, not sent)', openid: message.openid, templateId: message.templateId, data: message.data });
  }
}
