export interface WechatSession {
  openid: string;
  unionid?: string;
  /** A display name when the edge knows one (dev logins do; WeChat no longer gives nicknames). */
  nickname?: string;
}

export interface SubscribeMessage {
  openid: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
}

/**
 * The edge to WeChat's servers. `RealWechatClient` calls them; `DevWechatClient` stands in
 * for them under WECHAT_MODE=dev (pnpm start, tests). Nothing else knows which one it has.
 */
export abstract class WechatClient {
  abstract readonly mode: 'dev' | 'real';
  abstract code2Session(code: string): Promise<WechatSession>;
  abstract sendSubscribeMessage(message: SubscribeMessage): Promise<void>;
}

export class WechatLoginError extends Error {}
