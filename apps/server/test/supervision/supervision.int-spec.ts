import { drawInspection } from '@carecircle/shared';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Dispatcher } from '../../src/dispatch/dispatcher.service.js';
import { DispatchFixture, offset, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const NOW = new Date('2026-11-27T02:00:00Z');
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('营业执照副本 '.repeat(200)), Buffer.from('\n%%EOF')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const CHECKLIST = {
  items: [
    { code: 'fire_safety', label: '消防安全', critical: true },
    { code: 'records', label: '服务记录完整' },
    { code: 'hygiene', label: '环境卫生' },
    { code: 'certificates', label: '持证上岗' },
  ],
  maxMinorFailures: 1,
  failCreditPoints: 25,
};
const CRITERIA = {
  items: [
    { code: 'facility', label: '设施设备', maxPoints: 30 },
    { code: 'staff', label: '人员配备', maxPoints: 30 },
    { code: 'service', label: '服务质量', maxPoints: 40 },
  ],
  levels: [
    { level: '五星', minScore: 90 },
    { level: '四星', minScore: 80 },
    { level: '三星', minScore: 70 },
  ],
};

describe('provider supervision', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let op: Auth;
  let otherOp: Auth;
  let filesDir: string;

  const policy = (kind: string, rules: unknown) =>
    t.dataSource.query(`INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, ?, 1, '2020-01-01', ?)`, [d.regionId, kind, JSON.stringify(rules)]);

  beforeAll(async () => {
    filesDir = mkdtempSync(join(tmpdir(), 'cc-files-'));
    t = await createTestApp({ now: NOW, env: { FILES_DIR: filesDir } });
    d = await new DispatchFixture(t).setup();
    const a = await d.f.login('本街道监管');
    const b = await d.f.login('外街道监管');
    const otherStreet = randomUUID();
    await t.dataSource.query(`INSERT INTO regions (id, code, name, level, center_lat, center_lng) VALUES (?, 'other-sv', '别的街道', 'street', 31, 121)`, [otherStreet]);
    await d.makeOperator(a.tokens.user.id);
    await d.makeOperator(b.tokens.user.id, otherStreet);
    await policy('credit', { suspendBelow: 60, checkInOverridePoints: 5 });
    await policy('grading_criteria', CRITERIA);
    await policy('inspection_checklist', CHECKLIST);
    op = a.auth;
    otherOp = b.auth;
  });
  afterAll(async () => {
    await t.close();
    rmSync(filesDir, { recursive: true, force: true });
  });

  /** A draw in its two steps (hash published, then executed); `providerCount: 'all'` draws the whole pool. */
  const drawNow = async (body: { providerKind: string; providerCount: number | 'all'; inspectorCount: number }) => {
    const pool = (await t.http.get(`/api/supervision/draw-pool?regionId=${d.regionId}&providerKind=${body.providerKind}`).set(op).expect(200)).body;
    const providerCount = body.providerCount === 'all' ? pool.providers.length : body.providerCount;
    const prepared = (await t.http.post('/api/supervision/draws').set(op).send({ regionId: d.regionId, ...body, providerCount }).expect(201)).body;
    return (await t.http.post(`/api/supervision/draws/${prepared.id}/execute`).set(op).expect(200)).body;
  };

  it('keeps the history of every 备案 change and hides the record from another street', async () => {
    const provider = await d.provider({ name: '备案机构' });
    const first = (await t.http.put(`/api/supervision/providers/${provider}/filing`).set(op).send({ licenceNo: 'KS-MZ-2026-001', licenceAuthority: '昆山市民政局', insurer: '人保财险' }).expect(200)).body;
    expect(first).toMatchObject({ licenceNo: 'KS-MZ-2026-001', licenceAuthority: '昆山市民政局', insurer: '人保财险', insurancePolicyNo: null });
    await t.http.put(`/api/supervision/providers/${provider}/filing`).set(op).send({ licenceNo: 'KS-MZ-2026-001', licenceAuthority: '昆山市民政局', insurer: '太保财险', insuranceExpiresOn: '2027-06-30' }).expect(200);
    await t.http.put(`/api/supervision/providers/${provider}/filing`).set(op).send({ licenceNo: 'KS-MZ-2026-001', licenceAuthority: '昆山市民政局', insurer: '太保财险', insuranceExpiresOn: '2027-06-30' }).expect(200);

    const record = (await t.http.get(`/api/supervision/providers/${provider}`).set(op).expect(200)).body;
    expect(record.filing).toMatchObject({ licenceNo: 'KS-MZ-2026-001', insurer: '太保财险', insuranceExpiresOn: '2027-06-30' });
    expect(record.filingHistory).toHaveLength(2);
    expect(record.filingHistory[0].changes).toEqual([
      { field: 'insurer', label: '保险公司', from: '人保财险', to: '太保财险' },
      { field: 'insuranceExpiresOn', label: '保险到期日', from: null, to: '2027-06-30' },
    ]);
    expect(record.filingHistory[1].changes.map((c: { field: string }) => c.field)).toEqual(['licenceNo', 'licenceAuthority', 'insurer']);
    expect(record.filingHistory[1].changes[0].from).toMatch(/^LIC-/);
    expect(record.filingHistory[0].changedByName).toBe('本街道监管');

    const other = await d.provider();
    await t.http.put(`/api/supervision/providers/${other}/filing`).set(op).send({ licenceNo: 'KS-MZ-2026-001', licenceAuthority: '昆山市民政局' }).expect(409);
    await t.http.put(`/api/supervision/providers/${provider}/filing`).set(op).send({ licenceNo: '', licenceAuthority: '昆山市民政局' }).expect(400);
    await t.http.get(`/api/supervision/providers/${provider}`).set(otherOp).expect(404);
    await t.http.put(`/api/supervision/providers/${provider}/filing`).set(otherOp).send({ licenceNo: 'X-1', licenceAuthority: 'x' }).expect(404);
  });

  it('stores uploaded documents under a generated key and gives them back only to the right people', async () => {
    const provider = await d.provider({ name: '材料机构' });
    const admin = await d.f.login('材料机构管理员');
    await t.dataSource.query(`UPDATE users SET roles = '["provider_admin"]' WHERE id = ?`, [admin.tokens.user.id]);
    await t.dataSource.query('INSERT INTO provider_admins (provider_id, user_id) VALUES (?, ?)', [provider, admin.tokens.user.id]);
    const stranger = await d.f.login('别家管理员');
    await t.dataSource.query(`UPDATE users SET roles = '["provider_admin"]' WHERE id = ?`, [stranger.tokens.user.id]);

    const doc = (
      await t.http.post(`/api/supervision/providers/${provider}/documents`).set(op).field('kind', 'licence').field('title', '营业执照副本')
        .attach('file', PDF, { filename: '../../etc/营业执照.pdf', contentType: 'application/pdf' }).expect(201)
    ).body;
    expect(doc).toMatchObject({ kind: 'licence', kindLabel: '营业执照/许可证', title: '营业执照副本', mimeType: 'application/pdf', sizeBytes: PDF.length });
    expect(doc.fileName).not.toContain('/');
    const stored = readdirSync(filesDir, { recursive: true }).map(String);
    expect(stored.some((f) => f.endsWith('.pdf') && !f.includes('营业执照'))).toBe(true);

    const binary = (req: import('supertest').Test) => req.buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    const got = await binary(t.http.get(`/api/supervision/providers/${provider}/documents/${doc.id}/download`).set(op)).expect(200);
    expect(Buffer.compare(got.body as Buffer, PDF)).toBe(0);
    expect(got.headers['content-type']).toContain('application/pdf');
    expect(decodeURIComponent(got.headers['content-disposition'])).toContain('营业执照.pdf');
    const byAdmin = await binary(t.http.get(`/api/supervision/providers/${provider}/documents/${doc.id}/download`).set(admin.auth)).expect(200);
    expect(Buffer.compare(byAdmin.body as Buffer, PDF)).toBe(0);
    const png = (await t.http.post(`/api/supervision/providers/${provider}/documents`).set(admin.auth).field('kind', 'insurance').field('title', '保单').attach('file', PNG, 'policy.png').expect(201)).body;
    expect(png.mimeType).toBe('image/png');

    await t.http.get(`/api/supervision/providers/${provider}/documents/${doc.id}/download`).set(otherOp).expect(404);
    await t.http.get(`/api/supervision/providers/${provider}/documents/${doc.id}/download`).set(stranger.auth).expect(404);
    await t.http.post(`/api/supervision/providers/${provider}/documents`).set(otherOp).field('kind', 'licence').field('title', 'x').attach('file', PDF, 'a.pdf').expect(404);
    const other = await d.provider();
    await t.http.get(`/api/supervision/providers/${other}/documents/${doc.id}/download`).set(op).expect(404);

    const exe = await t.http.post(`/api/supervision/providers/${provider}/documents`).set(op).field('kind', 'licence').field('title', '伪装文件')
      .attach('file', Buffer.from('MZ\x90\x00 this is a program'), { filename: 'licence.pdf', contentType: 'application/pdf' }).expect(400);
    expect(exe.body.details.fields[0].field).toBe('file');
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024)]);
    await t.http.post(`/api/supervision/providers/${provider}/documents`).set(op).field('kind', 'licence').field('title', '太大').attach('file', big, 'big.pdf').expect(413);
    await t.http.post(`/api/supervision/providers/${provider}/documents`).set(op).field('kind', 'licence').field('title', '没有文件').expect(400);
    await t.http.post(`/api/supervision/providers/${provider}/documents`).set(op).field('kind', 'poster').field('title', '类型不对').attach('file', PDF, 'a.pdf').expect(400);
    const listed = (await t.http.get(`/api/supervision/providers/${provider}/documents`).set(op).expect(200)).body;
    expect(listed.map((x: { id: string }) => x.id).sort()).toEqual([doc.id, png.id].sort());
  });

  it('grades a provider from the region’s criteria and records evaluations', async () => {
    const provider = await d.provider({ name: '评级机构' });
    expect((await t.http.get(`/api/supervision/providers/${provider}/grading-criteria`).set(op).expect(200)).body).toEqual({ policyVersion: 1, criteria: CRITERIA });
    await t.http.get(`/api/supervision/providers/${provider}/grading-criteria`).set(otherOp).expect(404);
    const grading = (await t.http.post(`/api/supervision/providers/${provider}/gradings`).set(op).send({ scores: { facility: 27, staff: 26, service: 32 }, note: '年度评定' }).expect(201)).body;
    expect(grading).toMatchObject({ totalScore: 85, maxScore: 100, level: '四星', policyVersion: 1 });
    expect(grading.scores[2]).toEqual({ code: 'service', label: '服务质量', points: 32, maxPoints: 40 });
    const low = (await t.http.post(`/api/supervision/providers/${provider}/gradings`).set(op).send({ scores: { facility: 20, staff: 20, service: 20 } }).expect(201)).body;
    expect(low.level).toBeNull();
    const bad = await t.http.post(`/api/supervision/providers/${provider}/gradings`).set(op).send({ scores: { facility: 31, service: 30 } }).expect(400);
    expect(bad.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['scores.facility', 'scores.staff']);
    await t.http.post(`/api/supervision/providers/${provider}/gradings`).set(otherOp).send({ scores: { facility: 1, staff: 1, service: 1 } }).expect(404);

    await t.http.post(`/api/supervision/providers/${provider}/evaluations`).set(op).send({ kind: 'satisfaction', evaluator: '街道回访组', score: 96, sampleSize: 120, summary: '满意度高', evaluatedOn: '2026-11-20' }).expect(201);
    await t.http.post(`/api/supervision/providers/${provider}/evaluations`).set(op).send({ kind: 'third_party', evaluator: '苏州社会组织评估中心', score: 101, summary: 'x', evaluatedOn: '2026-11-20' }).expect(400);
    const record = (await t.http.get(`/api/supervision/providers/${provider}`).set(op).expect(200)).body;
    expect(record.gradings.map((g: { level: string | null }) => g.level)).toContain('四星');
    expect(record.evaluations).toEqual([expect.objectContaining({ kind: 'satisfaction', kindLabel: '满意度调查', score: 96, sampleSize: 120, evaluatedOn: '2026-11-20' })]);
  });

  it('draws providers and inspectors reproducibly from the revealed seed; each draw gets a seed of its own', async () => {
    for (let i = 0; i < 6; i++) await d.provider({ name: `抽查池${i}` });
    for (const name of ['钱检查', '孙检查', '李检查', '周检查']) {
      await t.http.post('/api/supervision/inspectors').set(op).send({ regionId: d.regionId, name, organisation: '昆山市民政局' }).expect(201);
    }
    await t.http.post('/api/supervision/inspectors').set(otherOp).send({ regionId: d.regionId, name: '越权', organisation: 'x' }).expect(404);
    const roster = (await t.http.get(`/api/supervision/inspectors?regionId=${d.regionId}`).set(op).expect(200)).body;
    expect(roster).toHaveLength(4);
    await t.http.get(`/api/supervision/inspectors?regionId=${d.regionId}`).set(otherOp).expect(404);

    const first = await drawNow({ providerKind: 'home_care', providerCount: 2, inspectorCount: 2 });
    expect(first.providers).toHaveLength(2);
    expect(first.inspectors).toHaveLength(2);
    expect(first.inspectionIds).toHaveLength(2);
    expect(first.drawnByName).toBe('本街道监管');
    const recomputed = drawInspection({ seed: first.seed, providerPool: first.providerPool, inspectorPool: first.inspectorPool, providerCount: 2, inspectorCount: 2 });
    expect(recomputed.providerIds).toEqual(first.providers.map((p: { id: string }) => p.id));
    expect((await t.http.post(`/api/supervision/draws/${first.id}/verify`).set(op).expect(200)).body).toMatchObject({ reproduced: true, providerIds: recomputed.providerIds });

    const others = [];
    for (let i = 0; i < 4; i++) others.push(await drawNow({ providerKind: 'home_care', providerCount: 2, inspectorCount: 2 }));
    expect(new Set([first, ...others].map((o) => o.seed)).size).toBe(5);
    expect(others.some((o) => JSON.stringify(o.providers) !== JSON.stringify(first.providers))).toBe(true);
    expect(first.seed).toMatch(/^[0-9a-f]{64}$/);

    const log = (await t.http.get(`/api/supervision/draws?regionId=${d.regionId}`).set(op).expect(200)).body;
    expect(log.map((x: { id: string }) => x.id)).toContain(first.id);
    await t.http.get(`/api/supervision/draws/${first.id}`).set(otherOp).expect(404);
    await t.http.post(`/api/supervision/draws/${first.id}/verify`).set(otherOp).expect(404);
    await t.http.post('/api/supervision/draws').set(otherOp).send({ regionId: d.regionId, providerKind: 'home_care', providerCount: 1, inspectorCount: 1 }).expect(404);
    expect((await t.http.get('/api/supervision/inspections').set(otherOp).expect(200)).body).toEqual([]);
  });

  it('takes credit off for failed inspections once published, and a provider below the threshold is suspended and skipped by dispatch', async () => {
    const home = offset(0, 60_000);
    const provider = await d.provider({ name: '抽查不合格机构', at: home });
    const staff = await d.staff('不合格机构员工', { at: offset(100, 0, home), providerId: provider });
    if ((await t.http.get(`/api/supervision/inspectors?regionId=${d.regionId}`).set(op)).body.length === 0) {
      await t.http.post('/api/supervision/inspectors').set(op).send({ regionId: d.regionId, name: '吴检查', organisation: '昆山市市场监管局' }).expect(201);
    }

    const failOnce = async () => {
      const draw = await drawNow({ providerKind: 'home_care', providerCount: 'all', inspectorCount: 1 });
      const list = (await t.http.get(`/api/supervision/inspections?regionId=${d.regionId}&status=planned`).set(op).expect(200)).body;
      const mine = list.find((i: { drawId: string; providerId: string }) => i.drawId === draw.id && i.providerId === provider);
      expect(mine.checklist.map((c: { code: string }) => c.code)).toEqual(CHECKLIST.items.map((c) => c.code));
      await t.http.post(`/api/supervision/inspections/${mine.id}/publish`).set(op).expect(409);
      await t.http.put(`/api/supervision/inspections/${mine.id}/result`).set(op).send({ results: [{ code: 'fire_safety', passed: false }], summary: '缺项' }).expect(400);
      await t.http.put(`/api/supervision/inspections/${mine.id}/result`).set(otherOp).send({ results: [], summary: 'x' }).expect(400);
      const recorded = (await t.http.put(`/api/supervision/inspections/${mine.id}/result`).set(op).send({
        results: [{ code: 'fire_safety', passed: false, note: '消防通道堆放杂物' }, { code: 'records', passed: true }, { code: 'hygiene', passed: true }, { code: 'certificates', passed: true }],
        summary: '消防通道堵塞',
      }).expect(200)).body;
      expect(recorded).toMatchObject({ status: 'recorded', passed: false, creditPoints: 0 });
      await t.http.post(`/api/supervision/inspections/${mine.id}/publish`).set(otherOp).expect(404);
      const published = (await t.http.post(`/api/supervision/inspections/${mine.id}/publish`).set(op).expect(200)).body;
      expect(published).toMatchObject({ status: 'published', statusLabel: '已公示', passed: false, creditPoints: 25 });
      await t.http.post(`/api/supervision/inspections/${mine.id}/publish`).set(op).expect(409);
      await t.http.put(`/api/supervision/inspections/${mine.id}/result`).set(op).send({ results: recorded.results, summary: '改' }).expect(409);
      return mine.id as string;
    };

    await failOnce();
    await drawNow({ providerKind: 'home_care', providerCount: 'all', inspectorCount: 1 });
    let credit = (await t.http.get(`/api/supervision/providers/${provider}/credit`).set(op).expect(200)).body;
    expect(credit).toMatchObject({ score: 75, suspendBelow: 60 });
    expect(credit.events[0].reason).toContain('双随机抽查不合格');
    expect((await t.dataSource.query('SELECT status FROM providers WHERE id = ?', [provider]))[0].status).toBe('approved');

    // A pass with one minor failure costs nothing.
    const draw = await drawNow({ providerKind: 'home_care', providerCount: 'all', inspectorCount: 1 });
    const passId = (await t.http.get(`/api/supervision/inspections?regionId=${d.regionId}`).set(op).expect(200)).body.find((i: { drawId: string; providerId: string }) => i.drawId === draw.id && i.providerId === provider).id;
    await t.http.put(`/api/supervision/inspections/${passId}/result`).set(op).send({
      results: CHECKLIST.items.map((c) => ({ code: c.code, passed: c.code !== 'hygiene' })), summary: '基本合格',
    }).expect(200);
    expect((await t.http.post(`/api/supervision/inspections/${passId}/publish`).set(op).expect(200)).body).toMatchObject({ passed: true, creditPoints: 0 });

    await failOnce();
    credit = (await t.http.get(`/api/supervision/providers/${provider}/credit`).set(op).expect(200)).body;
    expect(credit.score).toBe(50);
    expect((await t.dataSource.query('SELECT status, recommended FROM providers WHERE id = ?', [provider]))[0]).toEqual({ status: 'suspended', recommended: 0 });
    await t.http.get(`/api/supervision/providers/${provider}/credit`).set(otherOp).expect(404);

    const fam = await d.family({ at: home });
    const order = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'cleaning' });
    await t.get(Dispatcher).dispatch(order.id);
    expect((await d.offersOf(order.id)).map((o) => o.staff_id)).not.toContain(staff.id);
    const rounds = (await t.http.get(`/api/orders/${order.id}/dispatch-rounds`).set(op).expect(200)).body;
    const skipped = rounds.flatMap((r: { skipped: { staffId: string; reason: string }[] }) => r.skipped);
    expect(skipped.find((s: { staffId: string }) => s.staffId === staff.id)?.reason).toContain('暂停');

    const record = (await t.http.get(`/api/supervision/providers/${provider}`).set(op).expect(200)).body;
    expect(record.provider).toMatchObject({ status: 'suspended', recommended: false });
    expect(record.inspections.filter((i: { status: string }) => i.status === 'published')).toHaveLength(3);

    const audit = (await t.http.get(`/api/operator/audit?entityId=${provider}`).set(op).expect(200)).body;
    expect(audit.map((e: { actionLabel: string }) => e.actionLabel)).toContain('公示抽查结果');

    // The provider's own admin sees its record with published results only, and cannot grade itself.
    const admin = await d.f.login('不合格机构管理员');
    await t.dataSource.query(`UPDATE users SET roles = '["provider_admin"]' WHERE id = ?`, [admin.tokens.user.id]);
    await t.dataSource.query('INSERT INTO provider_admins (provider_id, user_id) VALUES (?, ?)', [provider, admin.tokens.user.id]);
    const planned = await drawNow({ providerKind: 'home_care', providerCount: 'all', inspectorCount: 1 });
    expect(planned.providers.map((p: { id: string }) => p.id)).not.toContain(provider); // suspended providers are out of the pool
    expect(record.inspections.map((i: { status: string }) => i.status).sort()).toEqual(['planned', 'published', 'published', 'published']);
    const own = (await t.http.get(`/api/supervision/providers/${provider}`).set(admin.auth).expect(200)).body;
    expect(own.inspections.map((i: { status: string }) => i.status)).toEqual(['published', 'published', 'published']);
    expect(own.credit.score).toBe(50);
    await t.http.post(`/api/supervision/providers/${provider}/gradings`).set(admin.auth).send({ scores: { facility: 30, staff: 30, service: 40 } }).expect(403);
  });

  it('takes credit off the staff member and the provider for a check-in override marked 无正当理由, once', async () => {
    const home = offset(0, 70_000);
    const provider = await d.provider({ name: '签到机构', at: home });
    const staff = await d.staff('超范围签到员', { at: offset(100, 0, home), providerId: provider });
    const fam = await d.family({ at: home });

    const checkedInFar = async () => {
      const order = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'cleaning' });
      await t.get(Dispatcher).dispatch(order.id);
      const [offer] = await d.offersOf(order.id);
      expect(offer.staff_id).toBe(staff.id);
      await t.http.post(`/api/offers/${offer.id}/accept`).set(staff.auth).expect(200);
      await t.http.post(`/api/orders/${order.id}/check-in`).set(staff.auth).send({ location: offset(600, 0, home), overrideReason: '定位不准' }).expect(200);
      await t.http.post(`/api/orders/${order.id}/check-out`).set(staff.auth).send({ tasks: ['打扫'], shortReason: '测试：签到后即签退' }).expect(200);
      return order.id;
    };
    const unjustified = await checkedInFar();
    const justified = await checkedInFar();

    const queue = (await t.http.get(`/api/supervision/check-in-overrides?providerId=${provider}`).set(op).expect(200)).body;
    expect(queue.map((q: { orderId: string }) => q.orderId).sort()).toEqual([unjustified, justified].sort());
    expect(queue[0]).toMatchObject({ staffName: '超范围签到员', reason: '定位不准', review: null });
    expect((await t.http.get('/api/supervision/check-in-overrides').set(otherOp).expect(200)).body).toEqual([]);
    await t.http.post(`/api/supervision/check-in-overrides/${unjustified}/review`).set(otherOp).send({ justified: false, note: 'x' }).expect(404);
    await t.http.post(`/api/supervision/check-in-overrides/${unjustified}/review`).set(op).send({ justified: false }).expect(400);

    const reviewed = (await t.http.post(`/api/supervision/check-in-overrides/${unjustified}/review`).set(op).send({ justified: false, note: '电话核实未到现场' }).expect(200)).body;
    expect(reviewed.review).toMatchObject({ justified: false, creditPoints: 5, reviewedByName: '本街道监管' });
    await t.http.post(`/api/supervision/check-in-overrides/${unjustified}/review`).set(op).send({ justified: true, note: '再审' }).expect(409);
    await t.http.post(`/api/supervision/check-in-overrides/${justified}/review`).set(op).send({ justified: true, note: '小区内定位漂移，已核实' }).expect(200);

    const staffCredit = (await t.http.get(`/api/supervision/staff/${staff.id}/credit`).set(op).expect(200)).body;
    expect(staffCredit).toMatchObject({ subjectType: 'staff', name: '超范围签到员', score: 95 });
    expect(staffCredit.events).toEqual([expect.objectContaining({ points: 5, sourceId: unjustified })]);
    expect(staffCredit.events[0].reason).toContain('无正当理由');
    expect((await t.http.get(`/api/supervision/providers/${provider}/credit`).set(op).expect(200)).body.score).toBe(95);
    await t.http.get(`/api/supervision/staff/${staff.id}/credit`).set(otherOp).expect(404);
    expect((await t.http.get(`/api/supervision/check-in-overrides?providerId=${provider}`).set(op).expect(200)).body).toEqual([]);
    expect((await t.http.get(`/api/supervision/check-in-overrides?providerId=${provider}&status=reviewed`).set(op).expect(200)).body).toHaveLength(2);
    const record = (await t.http.get(`/api/supervision/providers/${provider}`).set(op).expect(200)).body;
    expect(record.staffCredit).toEqual([{ staffId: staff.id, name: '超范围签到员', score: 95 }]);
  });
});
