import { Redis } from 'ioredis';
import { RepeatableJobs } from '../../src/repeatable-jobs.js';
import { CENTER, DispatchFixture, offset } from '../support/dispatch-fixture.js';
import { PrivateRedis } from '../support/private-redis.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const OFFER_TIMEOUT_S = 60;

/** Polls `read` until `done` holds of its value or `ms` pass; returns the last value read. */
async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

// Redis of its own (restarted here) and a worker in the same process; no process is restarted.
describe('losing Redis does not stop dispatch', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  let d: DispatchFixture;
  let admin: Redis;
  let near: { id: string };
  let far: { id: string };
  const savedEnv: Record<string, string | undefined> = {};

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    const env = { REDIS_PORT: String(redis.port), DISPATCH_SWEEP_MS: '1000', DISPATCH_OFFER_TIMEOUT_SECONDS: String(OFFER_TIMEOUT_S) };
    // createTestApp writes these into process.env; the next test file in this jest worker must not inherit them.
    for (const key of Object.keys(env)) savedEnv[key] = process.env[key];
    t = await createTestApp({ role: 'all', env });
    d = await new DispatchFixture(t).setup();
    near = await d.staff('近的', { at: offset(200, 0) });
    far = await d.staff('远的', { at: offset(900, 0) });
    admin = new Redis({ host: '127.0.0.1', port: redis.port, keyPrefix: `${t.redisPrefix}:` });
  });

  afterAll(async () => {
    admin?.disconnect();
    await t?.close();
    await redis?.stop();
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  const status = (orderId: string) => d.statusOf(orderId);
  const settled = (s: string) => s !== 'created' && s !== 'dispatching';
  const everEscalated = async (orderId: string) =>
    Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM order_events WHERE order_id = ? AND status = 'escalated'`, [orderId]))[0].n);

  it('after a Redis restart: a new order is offered, not escalated; the schedules come back; an offer whose expiry job was lost is moved on', async () => {
    const family = await d.family();
    const before = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    expect(await waitFor(() => status(before.id), settled)).toBe('offered');
    expect((await d.offersOf(before.id)).map((o) => [o.staff_id, o.status])).toEqual([[near.id, 'offered']]);

    // Its delayed expiry job, the repeatable jobs and the positions set all go with Redis' data.
    await redis.restart();

    const after = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    expect(await waitFor(() => status(after.id), settled)).toBe('offered');
    expect(await everEscalated(after.id)).toBe(0);

    const repeatable = t.get(RepeatableJobs);
    expect(await waitFor(() => repeatable.intact().catch(() => false), Boolean)).toBe(true);

    // Past its expiry by the database's clock; only the restored sweep can notice.
    t.clock.advance((OFFER_TIMEOUT_S + 1) * 1000);
    const moved = await waitFor(
      () => d.offersOf(before.id),
      (offers) => offers.some((o) => o.staff_id === far.id),
    );
    expect(moved.map((o) => [o.staff_id, o.status])).toEqual([
      [near.id, 'expired'],
      [far.id, 'offered'],
    ]);
    expect(await status(before.id)).toBe('offered');
  }, 60_000);

  it('notices Redis emptied with the connection still up (FLUSHALL) and restores the schedules and positions unasked', async () => {
    await admin.flushall();
    const repeatable = t.get(RepeatableJobs);
    // No order is placed meanwhile: only the periodic check can bring these back.
    expect(await waitFor(() => repeatable.intact().catch(() => false), Boolean)).toBe(true);
    const members = await waitFor(() => admin.zrange('geo:staff:on_duty', 0, -1), (m) => m.length === 2);
    expect(members.sort()).toEqual([near.id, far.id].sort());
  }, 60_000);

  it('a search that finds the positions set gone while staff are on duty rebuilds it instead of escalating', async () => {
    // The set alone, marker kept: the periodic check sees nothing wrong, so the search itself must.
    await admin.del('geo:staff:on_duty');
    const family = await d.family({ at: CENTER });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    expect(await waitFor(() => status(order.id), settled)).toBe('offered');
    expect(await everEscalated(order.id)).toBe(0);
    expect(await admin.zcard('geo:staff:on_duty')).toBe(2);
  }, 60_000);
});
