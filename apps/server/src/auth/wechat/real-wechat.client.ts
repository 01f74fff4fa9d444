import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { WechatClient, WechatLoginError, type SubscribeMessage, type WechatSession } from './wechat-client.js';

const API = 'https://api.weixin.qq.com';

interface Code2SessionReply {
  openid?: string;
  unionid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

/** Talks to WeChat's servers. session_key stays here: it is never stored or returned. */
export class RealWechatClient extends WechatClient {
  readonly mode = 'real' as const;
  private readonly logger = new Logger('RealWechatClient');

  constructor(
    private readonly appId: string,
    private readonly secret: string,
    private readonly redis: Redis,
  ) {
    super();
  }

  async code2Session(code: string): Promise<WechatSession> {
    const url = `${API}/sns/jscode2session?appid=${encodeURIComponent(this.appId)}&secret=${encodeURIComponent(this.secret)}&js_code=${encodeURIComponent(code)}&grant_type=authorization_code`;
    const reply = (await this.getJson(url)) as Code2SessionReply;
    if (!reply.openid || reply.errcode) {
      this.logger.warn({ msg: 'code2Session refused', errcode: reply.errcode, errmsg: reply.errmsg });
      throw new WechatLoginError('微信登录失败，请重新打开小程序后再试');
    }
    return { openid: reply.openid, unionid: reply.unionid };
  }

  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    const token = await this.accessToken();
    const res = await fetch(`${API}/cgi-bin/message/subscribe/send?access_token=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ touser: message.openid, template_id: message.templateId, page: message.page, data: message.data }),
      signal: AbortSignal.timeout(5000),
    });
    const reply = (await res.json()) as { errcode?: number; errmsg?: string };
    // 43101: the user has not subscribed (or used up) this template; not an error worth retrying.
    if (reply.errcode && reply.errcode !== 43101) throw new Error(`subscribe message failed: ${reply.errcode} ${reply.errmsg}`);
  }

  /** The app-wide access token, shared by every process through Redis until it expires. */
  private async accessToken(): Promise<string> {
    const key = `wechat:access_token:${this.appId}`;
    const cached = await this.redis.get(key);
    if (cached) return cached;
    const reply = (await this.getJson(`${API}/cgi-bin/token?grant_type=client_credential&appid=${this.appId}&secret=${this.secret}`)) as {
      access_token?: string;
      expires_in?: number;
      errcode?: number;
    };
    if (!reply.access_token) throw new Error(`WeChat access token refused: ${reply.errcode}`);
    await this.redis.set(key, reply.access_token, 'EX', Math.max(60, (reply.expires_in ?? 7200) - 300));
    return reply.access_token;
  }

  private async getJson(url: string): Promise<unknown> {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new WechatLoginError(`微信服务暂时不可用（${res.status}），请稍后再试`);
    return res.json();
  }
}
