import { randomBytes } from 'node:crypto';
import { DEV_SECRETS, Env, loadEnv } from './env.js';

describe('loadEnv', () => {
  it('gives the documented defaults on an empty environment', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ DB_HOST: '127.0.0.1', DB_PORT: 3306, DB_USER: 'root', DB_PASSWORD: '', DB_NAME: 'carecircle', REDIS_PORT: 6379, WECHAT_MODE: 'dev', ROLE: 'all' });
  });

  it('stops with one line naming a wrong variable', () => {
    expect(() => loadEnv({ DB_PORT: 'abc' })).toThrow(/^Configuration error: DB_PORT .* \(got "abc"\)$/);
    expect(() => loadEnv({ ROLE: 'boss' })).toThrow(/ROLE/);
  });

  it('requires WeChat credentials in real mode and real secrets in production', () => {
    expect(() => loadEnv({ WECHAT_MODE: 'real' })).toThrow('WECHAT_APPID and WECHAT_SECRET are required');
    expect(() => loadEnv({ NODE_ENV: 'production', WECHAT_MODE: 'dev' })).toThrow('WECHAT_MODE=dev is not allowed');
    expect(() => loadEnv({ NODE_ENV: 'production', WECHAT_MODE: 'real', WECHAT_APPID: 'a', WECHAT_SECRET: 'b' })).toThrow('JWT_SECRET must be set');
  });

  it('reads the optional variables that have no default, and checks the subscribe templates are JSON', () => {
    expect(loadEnv({ WECHAT_SUBSCRIBE_TEMPLATES: '{"order.status_changed":"T1"}', H5_DIST_DIR: '/srv/h5' })).toMatchObject({ WECHAT_SUBSCRIBE_TEMPLATES: '{"order.status_changed":"T1"}', H5_DIST_DIR: '/srv/h5' });
    expect(() => loadEnv({ WECHAT_SUBSCRIBE_TEMPLATES: 'order=T1' })).toThrow(/WECHAT_SUBSCRIBE_TEMPLATES/);
  });

  describe('in production', () => {
    const key = () => randomBytes(32).toString('base64');
    const real = () => ({ NODE_ENV: 'production', WECHAT_MODE: 'real', WECHAT_APPID: 'a', WECHAT_SECRET: 'b', JWT_SECRET: key(), PII_ENCRYPTION_KEY: key(), PII_INDEX_KEY: key() });

    it('starts with real secrets', () => {
      expect(loadEnv(real()).NODE_ENV).toBe('production');
    });

    it.each(DEV_SECRETS)('refuses %s left at, or set to, its published development value', (name) => {
      const { [name]: _, ...withoutIt } = real();
      expect(() => loadEnv(withoutIt)).toThrow(`${name} must be set in production`);
      expect(() => loadEnv({ ...real(), [name]: new Env()[name] })).toThrow(`${name} must be set in production`);
    });

    it('lists every secret that has a development default', () => {
      const secretsWithDefault = Object.keys(new Env()).filter((k) => /SECRET|_KEY$/.test(k));
      expect(secretsWithDefault.sort()).toEqual([...DEV_SECRETS].sort());
    });
  });

  it('refuses a blind-index key shorter than 32 bytes', () => {
    expect(() => loadEnv({ PII_INDEX_KEY: Buffer.from('short-index-key').toString('base64') })).toThrow('PII_INDEX_KEY must be base64 of at least 32');
  });

  it('refuses an encryption key that is not 32 bytes', () => {
    expect(() => loadEnv({ PII_ENCRYPTION_KEY: Buffer.from('short').toString('base64') })).toThrow('exactly 32 bytes');
  });
});
