import { JwtService } from '@nestjs/jwt';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { Factories } from '../support/factories.js';

describe('auth', () => {
  let t: TestApp;
  let f: Factories;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factories(t);
  });
  afterAll(() => t.close());

  it('logs in a dev user with a stable identity and the family role', async () => {
    const first = await f.login('丁一');
    const second = await f.login('丁一');
    expect(second.tokens.user.id).toBe(first.tokens.user.id);
    expect(first.tokens.user).toMatchObject({ nickname: '丁一', roles: ['family'], householdIds: [], elderId: null });
    expect(first.tokens.expiresIn).toBe(900);
    expect(JSON.stringify(first.tokens)).not.toMatch(/session_key|openid/);
  });

  it('creates exactly one user when the same first login races', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => t.http.post('/api/auth/wechat').send({ code: 'dev:并发用户' })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(results.map((r) => r.body.user.id)).size).toBe(1);
    const [{ n }] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM users WHERE openid = 'dev:并发用户'`);
    expect(Number(n)).toBe(1);
  });

  it('refuses a code that is not a dev code, with a readable message', async () => {
    const res = await t.http.post('/api/auth/wechat').send({ code: 'abc' }).expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'AUTH.WECHAT_LOGIN_FAILED' });
    expect(res.body.message).toContain('dev:');
    expect(res.body.requestId).toEqual(expect.any(String));
  });

  it('names the missing field when the body is empty', async () => {
    const res = await t.http.post('/api/auth/wechat').send({}).expect(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
    expect(res.body.details.fields).toEqual([{ field: 'code', message: '缺少登录凭证 code' }]);
  });

  it('rotates refresh tokens and treats reuse of an old one as a leak', async () => {
    const { tokens } = await f.login('刷新');
    const refreshed = await t.http.post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(200);
    expect(refreshed.body.refreshToken).not.toBe(tokens.refreshToken);
    await t.http.get('/api/me').set({ Authorization: `Bearer ${refreshed.body.accessToken}` }).expect(200);

    const reuse = await t.http.post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
    expect(reuse.body.error).toBe('AUTH.REFRESH_TOKEN_INVALID');
    // The leak ended every session of the user, the newest one too.
    await t.http.post('/api/auth/refresh').send({ refreshToken: refreshed.body.refreshToken }).expect(401);
  });

  it('lets exactly one of two concurrent refreshes with the same token through', async () => {
    const { tokens } = await f.login('双刷');
    const results = await Promise.all([1, 2, 3].map(() => t.http.post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  });

  it('revokes the refresh token on logout', async () => {
    const { tokens, auth } = await f.login('退出');
    await t.http.post('/api/auth/logout').set(auth).send({ refreshToken: tokens.refreshToken }).expect(204);
    await t.http.post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
  });

  it('answers 401 JSON without a token, with a bad token and with an expired token', async () => {
    expect((await t.http.get('/api/me').expect(401)).body.error).toBe('AUTH.UNAUTHENTICATED');
    expect((await t.http.get('/api/me').set({ Authorization: 'Bearer nonsense' }).expect(401)).body.error).toBe('AUTH.UNAUTHENTICATED');
    const { tokens } = await f.login('过期');
    const expired = await t.get(JwtService).signAsync({ sub: tokens.user.id, typ: 'access' }, { expiresIn: -10 });
    const res = await t.http.get('/api/me').set({ Authorization: `Bearer ${expired}` }).expect(401);
    expect(res.body).toMatchObject({ error: 'AUTH.TOKEN_EXPIRED', message: '登录已过期，请重新登录' });
  });
});

describe('auth rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(() => t.close());

  it('answers 429 with a Chinese message once an IP exceeds the login limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await t.http.post('/api/auth/wechat').send({ code: 'dev:限流' })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const res = await t.http.post('/api/auth/wechat').send({ code: 'dev:限流' }).expect(429);
    expect(res.body).toMatchObject({ error: 'TOO_MANY_REQUESTS', message: '操作过于频繁，请稍后再试' });
  });
});
