import { Factories } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Auth = { Authorization: string };

/** Invite and elder-login codes: 10 tries per user and 30 per IP in 15 minutes (the defaults). */
describe('one-time code redemption is throttled per user and per IP', () => {
  let t: TestApp;
  let f: Factories;
  let family: Auth;
  let householdId: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factories(t);
    family = (await f.login('出码的家人')).auth;
    householdId = (await f.household(family, '出码家')).id;
  });
  afterAll(() => t.close());

  /** A well-formed code nobody was given. */
  const WRONG = 'ZZZZZZZZZZ';
  const join = (auth: Auth, code = WRONG) => t.http.post('/api/households/join').set(auth).send({ code });
  const claim = (auth: Auth, code = WRONG) => t.http.post('/api/elder-login/claim').set(auth).send({ code });

  it('issues 10-character codes for invites and elder logins', async () => {
    const invite = (await t.http.post(`/api/households/${householdId}/invites`).set(family).expect(201)).body;
    expect(invite.code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    const elder = await f.elder(family, householdId);
    const login = (await t.http.post(`/api/elders/${elder.id}/login-code`).set(family).expect(201)).body;
    expect(login.code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
  });

  it('answers the 11th guess of one user with 429 and when to retry, invites and elder-login codes counted together', async () => {
    const guesser = (await f.login('猜码的人')).auth;
    for (let i = 0; i < 6; i++) expect((await join(guesser)).status).toBe(404);
    for (let i = 0; i < 4; i++) expect((await claim(guesser)).status).toBe(404);
    const blocked = await join(guesser).expect(429);
    expect(blocked.body).toMatchObject({ error: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: expect.any(Number) } });
    expect(blocked.body.details.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(blocked.body.message).toBe('输入邀请码或绑定码的次数过多，请 15 分钟后再试');
    expect(Number(blocked.headers['retry-after'])).toBe(blocked.body.details.retryAfterSeconds);
    // Even the right code waits: the limit is on attempts, not on failures.
    const invite = (await t.http.post(`/api/households/${householdId}/invites`).set(family).expect(201)).body;
    expect((await join(guesser, invite.code)).status).toBe(429);
    expect((await claim(guesser)).status).toBe(429);

    // Another user on the same IP is not blocked by the first one's count.
    const neighbour = (await f.login('同一网络的邻居')).auth;
    expect((await join(neighbour, invite.code)).status).toBe(200);
  });

  it('answers 429 once an IP has used up its 30 tries in the window, whichever users sent them', async () => {
    // 14 tries so far from this IP (127.0.0.1) in this file; fresh users each stay under their own limit.
    for (let n = 14; n < 30; ) {
      const user = (await f.login(`换号猜码${n}`)).auth;
      for (let i = 0; i < 8 && n < 30; i++, n++) expect((await join(user)).status).toBe(404);
    }
    const fresh = (await f.login('新来的人')).auth;
    const blocked = await join(fresh).expect(429);
    expect(blocked.body.message).toMatch(/^输入邀请码或绑定码的次数过多，请 \d+ 分钟后再试$/);
    expect((await claim(fresh)).status).toBe(429);
  });
});
