import { HttpAdapterHost } from '@nestjs/core';
import { OutboxRelay } from '../../src/outbox/outbox.relay.js';
import { NotificationsService } from '../../src/notifications/notifications.service.js';
import { Factories } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('platform', () => {
  let t: TestApp;
  let f: Factories;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factories(t);
  });
  afterAll(() => t.close());

  it('reports MariaDB and Redis up on /health', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { mariadb: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('answers unknown routes with 404 JSON in the one error shape', async () => {
    const res = await t.http.get('/api/no-such-thing').expect(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'ROUTE_NOT_FOUND', message: '没有这个接口：GET /api/no-such-thing', requestId: expect.any(String) });
  });

  it('answers malformed JSON with a 400 naming the body, never a 500', async () => {
    const res = await t.http.post('/api/auth/wechat').set('content-type', 'application/json').send('{"code":').expect(400);
    expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED', details: { fields: [{ field: 'body' }] } });
  });

  it('answers an oversized body with 413', async () => {
    const res = await t.http.post('/api/auth/wechat').set('content-type', 'application/json').send(JSON.stringify({ code: 'x'.repeat(300_000) })).expect(413);
    expect(res.body.error).toBe('PAYLOAD_TOO_LARGE');
  });

  it('uses the caller’s request id, echoes it and puts it in error bodies', async () => {
    const res = await t.http.get('/api/me').set('x-request-id', 'trace-abc-123').expect(401);
    expect(res.headers['x-request-id']).toBe('trace-abc-123');
    expect(res.body.requestId).toBe('trace-abc-123');
  });

  it('sets security headers (helmet)', async () => {
    const res = await t.http.get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('documents every route in OpenAPI', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    const router = t.get(HttpAdapterHost).httpAdapter.getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
    const stack = (router.router ?? router._router)!.stack;
    // Nest also registers excluded-from-prefix paths (/health) for every method; those are not endpoints.
    const routes = stack
      .filter((l) => l.route && Object.keys(l.route.methods).length < 10)
      .flatMap((l) => Object.keys(l.route!.methods).map((m) => `${m.toUpperCase()} ${l.route!.path.replace(/:(\w+)/g, '{$1}')}`))
      .filter((r) => !r.includes('/api/docs'));
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('lets an operator publish a new policy version and refuses a family member', async () => {
    const regions = await t.dataSource.query(`INSERT INTO regions (id, code, name, level, center_lat, center_lng) VALUES (UUID(), 't-st', '测试街道', 'street', 31.385, 120.981)`).then(() =>
      t.dataSource.query(`SELECT id FROM regions WHERE code = 't-st'`),
    );
    const regionId = regions[0].id as string;
    const family = await f.login('家属甲');
    const op = await f.login('运营甲');
    await t.dataSource.query(`UPDATE users SET roles = '["operator"]' WHERE id = ?`, [op.tokens.user.id]);
    await t.dataSource.query('INSERT INTO operator_regions (user_id, region_id) VALUES (?, ?)', [op.tokens.user.id, regionId]);
    const body = { kind: 'subsidy', effectiveFrom: '2027-01-01T00:00:00+08:00', rules: { rules: [] } };
    const refused = await t.http.post(`/api/regions/${regionId}/policies`).set(family.auth).send(body).expect(403);
    expect(refused.body.error).toBe('AUTH.FORBIDDEN_ROLE');
    const v1 = await t.http.post(`/api/regions/${regionId}/policies`).set(op.auth).send(body).expect(201);
    const v2 = await t.http.post(`/api/regions/${regionId}/policies`).set(op.auth).send({ ...body, effectiveFrom: '2027-06-01T00:00:00+08:00' }).expect(201);
    expect([v1.body.version, v2.body.version]).toEqual([1, 2]);
    const listed = await t.http.get(`/api/regions/${regionId}/policies?kind=subsidy`).set(family.auth).expect(200);
    expect(listed.body.map((p: { version: number }) => p.version)).toEqual([2, 1]);
    const bad = await t.http.post(`/api/regions/${regionId}/policies`).set(op.auth).send({ kind: 'Bad Kind', effectiveFrom: 'tomorrow', rules: 3 }).expect(400);
    expect((bad.body.details.fields as { field: string }[]).map((x) => x.field).sort()).toEqual(['effectiveFrom', 'kind', 'rules']);
  });
});

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

describe('outbox relay and notifications (worker role)', () => {
  let t: TestApp;
  let f: Factories;

  beforeAll(async () => {
    t = await createTestApp({ role: 'all' });
    f = new Factories(t);
  });
  afterAll(() => t.close());

  it('notifies the household when a member joins, through outbox → Bull → notifier', async () => {
    const owner = await f.login('户主');
    const home = await f.household(owner.auth, '通知之家');
    const invite = (await t.http.post(`/api/households/${home.id}/invites`).set(owner.auth).expect(201)).body;
    const joiner = await f.login('新成员');
    await t.http.post('/api/households/join').set(joiner.auth).send({ code: invite.code }).expect(200);

    const deadline = Date.now() + 10_000;
    let notes: { topic: string; body: string }[] = [];
    while (Date.now() < deadline) {
      notes = (await t.http.get('/api/notifications').set(owner.auth).expect(200)).body;
      if (notes.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(notes).toEqual([expect.objectContaining({ topic: 'household.member_joined', body: '新成员 已加入「通知之家」' })]);
    expect((await t.http.get('/api/notifications').set(joiner.auth)).body).toEqual([]);
    const [{ pending }] = await t.dataSource.query('SELECT COUNT(*) AS pending FROM outbox WHERE published_at IS NULL');
    expect(Number(pending)).toBe(0);
  });

  it('relays a row exactly once even when two relays run at the same time', async () => {
    await t.dataSource.query(`INSERT INTO outbox (event, aggregate_id, payload) VALUES ('elder.added', UUID(), '{"householdId":"none"}')`);
    const relay = t.get(OutboxRelay);
    const counts = await Promise.all([relay.relayPending(), relay.relayPending(), relay.relayPending()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1);
    const [{ pending }] = await t.dataSource.query('SELECT COUNT(*) AS pending FROM outbox WHERE published_at IS NULL');
    expect(Number(pending)).toBe(0);
  });

  it('does not notify twice when the same delivery is processed again', async () => {
    const owner = await f.login('户主二');
    const home = await f.household(owner.auth, '重复之家');
    const other = await f.login('成员二');
    await t.dataSource.query(`INSERT INTO household_members (household_id, user_id, role) VALUES (?, ?, 'member')`, [home.id, other.tokens.user.id]);
    const delivery = { outboxId: '999999', event: 'elder.added', payload: { householdId: home.id, elderName: '老张', addedBy: owner.tokens.user.id } };
    const service = t.get(NotificationsService);
    expect(await service.deliver(delivery)).toBe(1);
    expect(await service.deliver(delivery)).toBe(0);
    expect((await t.http.get('/api/notifications').set(other.auth)).body).toHaveLength(1);
  });
});
