import { Dispatcher } from '../../src/dispatch/dispatcher.service.js';
import { DispatchFixture, offset } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** PIPL: consent recorded with its version; art. 45 a copy of one's data; art. 47 deletion, keeping what settlement needs. */
describe('privacy consent, data export and account deletion', () => {
  let t: TestApp;
  let d: DispatchFixture;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-05-11T02:00:00Z') });
    d = await new DispatchFixture(t).setup();
  });
  afterAll(() => t.close());

  it('records consent to the server’s policy version, a withdrawal refuses new orders until consent is given again', async () => {
    const policy = (await t.http.get('/api/privacy/policy').expect(200)).body;
    expect(policy.version).toMatch(/^\d{4}-\d{2}$/);
    const family = await d.family({ at: offset(50_000, 0) });
    const stale = await t.http.post('/api/me/consent').set(family.auth).send({ version: '2019-01', channel: 'weapp' }).expect(409);
    expect(stale.body.message).toContain(policy.version);
    const given = (await t.http.post('/api/me/consent').set(family.auth).send({ version: policy.version, channel: 'weapp' }).expect(200)).body;
    expect(given).toMatchObject({ consentedVersion: policy.version, required: false, withdrawnAt: null });
    const [row] = await t.dataSource.query('SELECT action, policy_version, channel FROM privacy_consents WHERE user_id = ?', [family.userId]);
    expect(row).toEqual({ action: 'consent', policy_version: policy.version, channel: 'weapp' });

    const withdrawn = (await t.http.post('/api/me/consent/withdraw').set(family.auth).send({ channel: 'h5' }).expect(200)).body;
    expect(withdrawn).toMatchObject({ consentedVersion: null, required: true });
    expect(withdrawn.history.map((h: { action: string }) => h.action)).toEqual(['withdraw', 'consent']);
    const refused = await t.http.post('/api/orders').set(family.auth).set('Idempotency-Key', 'consent-001').send({ elderId: family.elder.id, serviceCode: 'cleaning' }).expect(409);
    expect(refused.body.message).toContain('重新同意后才能下新订单');
    expect(refused.body.details.reason).toBe('privacy_consent_required');

    await t.http.post('/api/me/consent').set(family.auth).send({ version: policy.version, channel: 'h5' }).expect(200);
    await t.http.post('/api/orders').set(family.auth).set('Idempotency-Key', 'consent-002').send({ elderId: family.elder.id, serviceCode: 'cleaning' }).expect(201);
  });

  it('exports the caller’s own data decrypted, with nothing of another household, audited and limited', async () => {
    const mine = await d.family({ at: offset(60_000, 0) });
    const other = await d.family({ at: offset(61_000, 0) });
    await t.dataSource.query("UPDATE elders SET name = '别家老人' WHERE id = ?", [other.elder.id]);
    const order = await d.order(mine.auth, { elderId: mine.elder.id, serviceCode: 'cleaning' });
    await d.order(other.auth, { elderId: other.elder.id, serviceCode: 'cleaning' });
    await t.http.post('/api/me/consent').set(mine.auth).send({ version: (await t.http.get('/api/privacy/policy')).body.version, channel: 'weapp' }).expect(200);

    const data = (await t.http.get('/api/me/export').set(mine.auth).expect(200)).body;
    expect(data.user.id).toBe(mine.userId);
    expect(data.households).toHaveLength(1);
    const [elder] = data.households[0].elders;
    expect(elder).toMatchObject({ id: mine.elder.id, phone: '13912345678', birthDate: '1948-05-12', healthNotes: '高血压，每日服药' });
    expect(elder.idNumber).toMatch(/^320583194805\d{5}[\dX]$/);
    expect(data.orders.map((o: { id: string }) => o.id)).toEqual([order.id]);
    expect(data.consents).toHaveLength(1);
    expect(data.timebank).toEqual({ balanceMinutes: 0, entries: [] });
    const text = JSON.stringify(data);
    expect(text).not.toContain(other.elder.id);
    expect(text).not.toContain('别家老人');
    const [audit] = await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'export' AND user_id = ?", [mine.userId]);
    expect(Number(audit.n)).toBe(1);

    await t.http.get('/api/me/export').set(mine.auth).expect(200);
    await t.http.get('/api/me/export').set(mine.auth).expect(200);
    const limited = await t.http.get('/api/me/export').set(mine.auth).expect(429);
    expect(limited.body.message).toMatch(/每小时最多导出 3 次/);
  });

  it('refuses deletion while an order is underway, then deletes: personal data anonymised, ledger and orders kept, tokens revoked', async () => {
    const home = offset(300_000, 300_000);
    const family = await d.family({ at: home, category: 'dibao' });
    const staff = await d.staff('注销测试', { at: offset(100, 0, home) });
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning', notes: '门口有台阶' });
    await t.get(Dispatcher).dispatch(order.id);
    const [offer] = await d.offersOf(order.id);
    await t.http.post(`/api/offers/${offer.id}/accept`).set(staff.auth).expect(200);

    await t.http.post('/api/me/delete').set(family.auth).send({ confirm: '好' }).expect(400);
    const busy = await t.http.post('/api/me/delete').set(family.auth).send({ confirm: '注销' }).expect(409);
    expect(busy.body.message).toContain('进行中的服务订单');
    const staffRefused = await t.http.post('/api/me/delete').set(staff.auth).send({ confirm: '注销' }).expect(409);
    expect(staffRefused.body.message).toContain('工作账号');

    await t.http.post(`/api/orders/${order.id}/depart`).set(staff.auth).expect(200);
    await t.http.post(`/api/orders/${order.id}/check-in`).set(staff.auth).send({ location: home }).expect(200);
    t.clock.advance(3 * 3600_000);
    await t.http.post(`/api/orders/${order.id}/check-out`).set(staff.auth).send({ tasks: ['打扫'] }).expect(200);
    const ledgerBefore = await t.dataSource.query('SELECT id, amount_fen FROM subsidy_ledger WHERE source_id = ? ORDER BY id', [order.id]);

    const [session] = await t.dataSource.query('SELECT token_hash FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL', [family.userId]);
    expect(session).toBeDefined();
    const res = (await t.http.post('/api/me/delete').set(family.auth).send({ confirm: '注销' }).expect(200)).body;
    expect(res.kept.map((k: { what: string }) => k.what).join()).toContain('订单记录');
    expect(res.kept.map((k: { what: string }) => k.what).join()).toContain('补贴台账');

    const [user] = await t.dataSource.query('SELECT openid, nickname, roles, deleted_at FROM users WHERE id = ?', [family.userId]);
    expect(user.openid).toBe(`deleted:${family.userId}`);
    expect(user.nickname).toBe('已注销用户');
    expect(user.deleted_at).not.toBeNull();
    const [elder] = await t.dataSource.query('SELECT name, id_number_hash, phone_enc, health_notes_enc, address, deleted_at FROM elders WHERE id = ?', [family.elder.id]);
    expect(elder).toMatchObject({ name: '（已注销）', id_number_hash: null, phone_enc: null, health_notes_enc: null, address: '（已注销）' });
    expect(elder.deleted_at).not.toBeNull();
    const [kept] = await t.dataSource.query('SELECT status, address, notes, price_fen FROM orders WHERE id = ?', [order.id]);
    expect(kept).toMatchObject({ status: 'completed', address: '（已注销）', notes: null });
    expect(await t.dataSource.query('SELECT id, amount_fen FROM subsidy_ledger WHERE source_id = ? ORDER BY id', [order.id])).toEqual(ledgerBefore);
    expect(ledgerBefore.length).toBeGreaterThan(0);

    const [open] = await t.dataSource.query('SELECT COUNT(*) AS n FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL', [family.userId]);
    expect(Number(open.n)).toBe(0);
    const gone = await t.http.get('/api/households').set(family.auth).expect(401);
    expect(gone.body.message).toContain('已注销');
  });
});
