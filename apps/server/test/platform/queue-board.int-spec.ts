import { QUEUE } from '@carecircle/shared';
import { Factories } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const BOARD = '/api/operator/queue-board';

describe('Bull Board behind operator auth', () => {
  let t: TestApp;
  let f: Factories;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factories(t);
  });
  afterAll(() => t.close());

  async function operatorCookie(): Promise<{ cookie: string; userId: string }> {
    const op = await f.login('队列运营');
    await t.dataSource.query(`UPDATE users SET roles = '["operator"]' WHERE id = ?`, [op.tokens.user.id]);
    const res = await t.http.post(`${BOARD}/session`).set(op.auth).expect(200);
    expect(res.body).toEqual({ url: `${BOARD}/`, expiresInSeconds: 1800 });
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const cookie = setCookie.find((c) => c.startsWith('cc_queue_board='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Path=\/api\/operator\/queue-board/);
    return { cookie: cookie.split(';')[0], userId: op.tokens.user.id };
  }

  it('refuses the board without a session, with a page that says where to come from', async () => {
    const res = await t.http.get(`${BOARD}/`).expect(401);
    expect(res.text).toContain('请从运营后台的「队列监控」进入');
    await t.http.get(`${BOARD}/api/queues`).set('cookie', 'cc_queue_board=forged.token.value').expect(401);
  });

  it('gives a session only to operators', async () => {
    const family = await f.login('普通家属');
    const res = await t.http.post(`${BOARD}/session`).set(family.auth).expect(403);
    expect(res.body.error).toBe('AUTH.FORBIDDEN_ROLE');
    await t.http.post(`${BOARD}/session`).expect(401);
  });

  it('shows every queue to an operator, and stops once the operator role is taken away', async () => {
    const { cookie, userId } = await operatorCookie();
    const page = await t.http.get(`${BOARD}/`).set('cookie', cookie).expect(200);
    expect(page.text).toContain('CareCircle 队列');
    expect(page.text).not.toContain('fonts.googleapis.com');
    const queues = (await t.http.get(`${BOARD}/api/queues`).set('cookie', cookie).expect(200)).body.queues as { name: string }[];
    expect(queues.map((q) => q.name).sort()).toEqual(Object.values(QUEUE).sort());

    await t.dataSource.query(`UPDATE users SET roles = '["family"]' WHERE id = ?`, [userId]);
    await t.http.get(`${BOARD}/api/queues`).set('cookie', cookie).expect(401);
  });
});
