import { jest } from '@jest/globals';
import type { Redis } from 'ioredis';
import { RealWechatClient } from './real-wechat.client.js';
import { WechatLoginError } from './wechat-client.js';

// WeChat's servers are outside our control: this is the one place they are stood in for.
describe(RealWechatClient.name, () => {
  const redis = { get: jest.fn(async () => null), set: jest.fn(async () => 'OK') } as unknown as Redis;
  const client = new RealWechatClient('wx-app', 'secret', redis);
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('returns the openid and keeps session_key to itself', async () => {
    const calls: string[] = [];
    globalThis.fetch = (async (url: string) => {
      calls.push(url);
      return new Response(JSON.stringify({ openid: 'o-123', session_key: 'SECRET-KEY', unionid: 'u-1' }));
    }) as typeof fetch;
    const session = await client.code2Session('the-code');
    expect(session).toEqual({ openid: 'o-123', unionid: 'u-1' });
    expect(JSON.stringify(session)).not.toContain('SECRET-KEY');
    expect(calls[0]).toContain('/sns/jscode2session?appid=wx-app&secret=secret&js_code=the-code&grant_type=authorization_code');
  });

  it('turns a WeChat refusal into a login error people can act on', async () => {
    globalThis.fetch = (async () => new Response(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }))) as typeof fetch;
    await expect(client.code2Session('bad')).rejects.toThrow(WechatLoginError);
    await expect(client.code2Session('bad')).rejects.toThrow('微信登录失败');
  });
});
