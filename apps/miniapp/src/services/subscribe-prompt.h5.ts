/** H5: a browser has no WeChat subscriptions; messages arrive in 我的消息 only. */
export function promptSubscribe(_templateIds: string[]): void {}
