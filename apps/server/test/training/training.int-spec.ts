import { randomUUID } from 'node:crypto';
import { Dispatcher } from '../../src/dispatch/dispatcher.service.js';
import { QualificationService } from '../../src/training/qualification.service.js';
import { DispatchFixture, offset, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const NOW = new Date('2026-11-27T02:00:00Z'); // 2026-11-27 10:00 in Shanghai

describe('staff qualification: training, gating, rates', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let op: Auth;
  let opUserId: string;
  let otherOp: Auth;
  let dispatcher: Dispatcher;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    d = await new DispatchFixture(t).setup();
    dispatcher = t.get(Dispatcher);
    const a = await d.f.login('本街道运营');
    const b = await d.f.login('外街道运营');
    const otherStreet = randomUUID();
    await t.dataSource.query(`INSERT INTO regions (id, code, name, level, center_lat, center_lng) VALUES (?, 'other', '别的街道', 'street', 31, 121)`, [otherStreet]);
    await d.makeOperator(a.tokens.user.id);
    await d.makeOperator(b.tokens.user.id, otherStreet);
    op = a.auth;
    opUserId = a.tokens.user.id;
    otherOp = b.auth;
  });
  afterAll(() => t.close());

  async function skippedOf(orderId: string): Promise<{ staffId: string; reason: string; qualified: boolean }[]> {
    const rounds: { skipped: string | object }[] = await t.dataSource.query('SELECT skipped FROM dispatch_rounds WHERE order_id = ? ORDER BY round_no', [orderId]);
    return rounds.flatMap((r) => (typeof r.skipped === 'string' ? JSON.parse(r.skipped) : r.skipped));
  }

  it('skips untrained staff with the reason logged, refuses a manual assignment, and offers once they passed a 岗前培训', async () => {
    const home = offset(0, 40_000);
    const novice = await d.staff('新员工', { at: offset(100, 0, home), preJobTrained: false });
    expect((await t.http.get('/api/staff/me').set(novice.auth).expect(200)).body.preJobTrainingPending).toBe(true);
    const fam = await d.family({ at: home });
    const first = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'cleaning' });
    await dispatcher.dispatch(first.id);
    expect(await d.offersOf(first.id)).toEqual([]);
    expect(await d.statusOf(first.id)).toBe('escalated');
    const skipped = (await skippedOf(first.id)).filter((s) => s.staffId === novice.id);
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.every((s) => s.reason === '未完成岗前培训' && s.qualified === false)).toBe(true);
    const refused = await t.http.post(`/api/orders/${first.id}/assign`).set(op).send({ staffId: novice.id });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(refused.body.message).toContain('未完成岗前培训');
    expect(await d.statusOf(first.id)).toBe('escalated');

    const session = (await t.http.post('/api/training/sessions').set(op).send({ title: '11 月岗前培训', kind: 'pre_job', heldOn: '2026-11-25', hours: 16, organiserRegionId: d.regionId }).expect(201)).body;
    expect(session.attendees.map((a: { staffId: string }) => a.staffId)).toContain(novice.id);
    expect(session.attendees.find((a: { staffId: string }) => a.staffId === novice.id).passed).toBeNull();
    const failed = (await t.http.put(`/api/training/sessions/${session.id}/attendance`).set(op).send({ records: [{ staffId: novice.id, passed: false }] }).expect(200)).body;
    expect(failed).toMatchObject({ attended: 1, passed: 0 });
    const stillNo = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'cleaning' });
    await dispatcher.dispatch(stillNo.id);
    expect(await d.offersOf(stillNo.id)).toEqual([]);

    const passed = (await t.http.put(`/api/training/sessions/${session.id}/attendance`).set(op).send({ records: [{ staffId: novice.id, passed: true }] }).expect(200)).body;
    expect(passed).toMatchObject({ attended: 1, passed: 1 });
    const audit = (await t.http.get(`/api/operator/audit?entityId=${d.regionId}`).set(op).expect(200)).body as { actionLabel: string }[];
    expect(audit.map((a) => a.actionLabel)).toEqual(expect.arrayContaining(['登记培训', '登记培训签到与考核']));
    expect((await t.http.get('/api/staff/me').set(novice.auth).expect(200)).body.preJobTrainingPending).toBe(false);
    const second = await d.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'cleaning' });
    await dispatcher.dispatch(second.id);
    expect((await d.offersOf(second.id)).map((o) => o.staff_id)).toEqual([novice.id]);
    await t.http.post(`/api/orders/${first.id}/assign`).set(op).send({ staffId: novice.id }).expect(204);
  });

  it('does not require the training where the region’s staff_rules say so, and never of time-bank volunteers', async () => {
    const lax = await new DispatchFixture(t).setup();
    await t.dataSource.query(
      `INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, 'staff_rules', 1, '2020-01-01', '{"preJobTrainingRequired": false}')`,
      [lax.regionId],
    );
    const home = offset(0, 60_000);
    const untrained = await lax.staff('未培训', { at: offset(100, 0, home), preJobTrained: false });
    expect((await t.http.get('/api/staff/me').set(untrained.auth).expect(200)).body.preJobTrainingPending).toBe(false);
    const fam = await lax.family({ at: home });
    const order = await lax.order(fam.auth, { elderId: fam.elder.id, serviceCode: 'cleaning' });
    await dispatcher.dispatch(order.id);
    expect((await lax.offersOf(order.id)).map((o) => o.staff_id)).toEqual([untrained.id]);

    const home2 = offset(0, 80_000);
    const volunteer = await d.staff('志愿者', { at: offset(100, 0, home2), preJobTrained: false });
    await t.dataSource.query('UPDATE provider_staff SET is_volunteer = 1 WHERE id = ?', [volunteer.id]);
    const fam2 = await d.family({ at: home2 });
    const order2 = await d.order(fam2.auth, { elderId: fam2.elder.id, serviceCode: 'cleaning' });
    await dispatcher.dispatch(order2.id);
    expect((await d.offersOf(order2.id)).map((o) => o.staff_id)).toEqual([volunteer.id]);
  });

  describe('rates and who may see them', () => {
    let q: DispatchFixture;
    let homeCare: string;
    let canteen: string;
    let admin: Auth;
    const names: Record<string, string> = {};

    beforeAll(async () => {
      q = await new DispatchFixture(t).setup();
      await q.makeOperator(opUserId);
      homeCare = q.providerId;
      canteen = randomUUID();
      await t.dataSource.query(
        `INSERT INTO providers (id, kind, name, licence_no, region_id, address, lat, lng, service_radius_m, status, recommended) VALUES (?, 'canteen', '幸福食堂', ?, ?, '食堂', 31.9, 120.5, 3000, 'approved', 1)`,
        [canteen, `JY-${canteen.slice(0, 8)}`, q.regionId],
      );
      const pending = await q.provider({ name: '待审机构', status: 'pending' });
      const far = offset(0, 200_000);
      const add = async (name: string, options: Parameters<DispatchFixture['staff']>[1]) => {
        const s = await q.staff(name, { at: far, onDuty: false, ...options });
        names[name] = s.id;
        return s;
      };
      await add('持证甲', { certificates: [{ type: 'elder_care', expiresOn: '2027-06-30' }] });
      await add('将到期', { certificates: [{ type: 'nursing', expiresOn: '2026-12-07' }] });
      await add('证过期', { certificates: [{ type: 'elder_care', expiresOn: '2026-11-26' }], preJobTrained: false });
      await add('只有电工证', { certificates: [{ type: 'electrician', expiresOn: '2029-01-01' }] });
      const vol = await add('志愿者乙', { preJobTrained: false });
      await t.dataSource.query('UPDATE provider_staff SET is_volunteer = 1 WHERE id = ?', [vol.id]);
      await add('配送员一', { providerId: canteen });
      await add('配送员二', { providerId: canteen, preJobTrained: false });
      await add('待审员工', { providerId: pending, preJobTrained: false });
      const a = await q.f.login('机构管理员');
      await t.dataSource.query('INSERT INTO provider_admins (provider_id, user_id) VALUES (?, ?)', [homeCare, a.tokens.user.id]);
      admin = a.auth;
      await t.dataSource.query(
        `INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, 'kpi_targets', 1, '2020-01-01', '{"certified_rate": 0.93, "pre_job_training_rate": 1}')`,
        [q.regionId],
      );
    });

    it('computes 持证上岗率 and 岗前培训率 per provider with the totals', async () => {
      const rates = await t.get(QualificationService).rates([q.regionId], '2026-11-27');
      const byId = new Map(rates.providers.map((p) => [p.providerId, p]));
      expect(byId.get(homeCare)).toMatchObject({ careStaff: 4, certified: 2, certifiedRate: 0.5, staff: 4, preJobTrained: 3, preJobTrainedRate: 0.75 });
      expect(byId.get(canteen)).toMatchObject({ careStaff: 0, certified: 0, certifiedRate: null, staff: 2, preJobTrained: 1, preJobTrainedRate: 0.5 });
      expect(rates.providers).toHaveLength(2); // the pending provider does not count yet
      expect(rates.totals).toEqual({ careStaff: 4, certified: 2, certifiedRate: 0.5, staff: 6, preJobTrained: 4, preJobTrainedRate: 0.6667 });
      // A week later the nursing certificate has lapsed.
      expect((await t.get(QualificationService).rates([q.regionId], '2026-12-08')).totals).toMatchObject({ certified: 1, certifiedRate: 0.25 });
      // Before the fixture's training was held nobody had passed.
      expect((await t.get(QualificationService).rates([q.regionId], '2019-12-31')).totals).toMatchObject({ preJobTrained: 0, preJobTrainedRate: 0 });
    });

    it('shows the operator the figures against targets, certificates expiring within 30 days, and the drill-down', async () => {
      const summary = (await t.http.get(`/api/operator/qualification?regionId=${q.regionId}`).set(op).expect(200)).body;
      expect(summary).toMatchObject({ onDate: '2026-11-27', targets: { certifiedRate: 0.93, preJobTrainedRate: 1 }, totals: { certifiedRate: 0.5, preJobTrainedRate: 0.6667 } });
      expect(summary.expiring).toEqual([expect.objectContaining({ staffId: names['将到期'], type: 'nursing', typeLabel: '护士执业证', expiresOn: '2026-12-07', daysLeft: 10 })]);

      const detail = (await t.http.get(`/api/training/providers/${homeCare}/qualification`).set(op).expect(200)).body;
      expect(detail.row).toMatchObject({ careStaff: 4, certified: 2, preJobTrained: 3 });
      expect(detail.missingCertificate.map((s: { staffName: string }) => s.staffName).sort()).toEqual(['只有电工证', '证过期']);
      expect(detail.missingPreJobTraining.map((s: { staffName: string }) => s.staffName)).toEqual(['证过期']);
      expect(detail.staff.find((s: { staffName: string }) => s.staffName === '志愿者乙')).toMatchObject({ isVolunteer: true, careStaff: false });
      expect(detail.expiring.map((e: { staffName: string }) => e.staffName)).toEqual(['将到期']);

      await t.http.get(`/api/operator/qualification?regionId=${q.regionId}`).set(op).query({ date: '2026-02-30' }).expect(400);
      await t.http.get('/api/operator/qualification').set(op).expect(400);
    });

    it('keeps another 街道’s operator out: 404 on the region, the provider and the sessions, nothing in lists', async () => {
      const session = (await t.http.post('/api/training/sessions').set(op).send({ title: '在岗培训', kind: 'on_job', heldOn: '2026-11-20', hours: 4, organiserRegionId: q.regionId }).expect(201)).body;
      await t.http.get(`/api/operator/qualification?regionId=${q.regionId}`).set(otherOp).expect(404);
      await t.http.get(`/api/training/providers/${homeCare}/qualification`).set(otherOp).expect(404);
      await t.http.get(`/api/training/sessions/${session.id}`).set(otherOp).expect(404);
      await t.http.put(`/api/training/sessions/${session.id}/attendance`).set(otherOp).send({ records: [{ staffId: names['持证甲'], passed: true }] }).expect(404);
      await t.http.post('/api/training/sessions').set(otherOp).send({ title: '越权', kind: 'pre_job', heldOn: '2026-11-20', hours: 4, organiserRegionId: q.regionId }).expect(404);
      await t.http.post('/api/training/sessions').set(otherOp).send({ title: '越权', kind: 'pre_job', heldOn: '2026-11-20', hours: 4, organiserProviderId: homeCare }).expect(404);
      expect((await t.http.get('/api/training/sessions').set(otherOp).expect(200)).body).toEqual([]);
      expect((await t.http.get('/api/training/sessions').set(op).expect(200)).body.map((s: { id: string }) => s.id)).toContain(session.id);
      expect((await t.http.get(`/api/training/sessions/${session.id}`).set(op).expect(200)).body.attendees.length).toBeGreaterThanOrEqual(8);
    });

    it('lets a provider admin run training for their own staff only and see their own figures', async () => {
      await t.http.get(`/api/operator/qualification?regionId=${q.regionId}`).set(admin).expect(403);
      await t.http.get(`/api/training/providers/${canteen}/qualification`).set(admin).expect(404);
      const own = (await t.http.get(`/api/training/providers/${homeCare}/qualification`).set(admin).expect(200)).body;
      expect(own.staff.map((s: { staffName: string }) => s.staffName).sort()).toEqual(['只有电工证', '将到期', '志愿者乙', '持证甲', '证过期']);
      await t.http.post('/api/training/sessions').set(admin).send({ title: '越权', kind: 'pre_job', heldOn: '2026-11-20', hours: 4, organiserRegionId: q.regionId }).expect(404);
      const both = await t.http.post('/api/training/sessions').set(admin).send({ title: '二选一', kind: 'pre_job', heldOn: '2026-11-20', hours: 4, organiserRegionId: q.regionId, organiserProviderId: homeCare }).expect(400);
      expect(both.body.details.fields[0].field).toBe('organiserRegionId');
      const session = (await t.http.post('/api/training/sessions').set(admin).send({ title: '机构岗前培训', kind: 'pre_job', heldOn: '2026-11-26', hours: 8, organiserProviderId: homeCare }).expect(201)).body;
      expect(session).toMatchObject({ organiserName: expect.stringContaining('测试机构'), kindLabel: '岗前培训', hours: 8 });
      expect(session.attendees).toHaveLength(5);
      expect(session.attendees.every((a: { providerId: string }) => a.providerId === homeCare)).toBe(true);
      const foreign = await t.http.put(`/api/training/sessions/${session.id}/attendance`).set(admin).send({ records: [{ staffId: names['配送员二'], passed: true }] }).expect(404);
      expect(foreign.body.details.staffIds).toEqual([names['配送员二']]);
      await t.http.put(`/api/training/sessions/${session.id}/attendance`).set(admin).send({ records: [{ staffId: names['证过期'], passed: true }] }).expect(200);
      expect((await t.http.get(`/api/training/providers/${homeCare}/qualification`).set(admin).expect(200)).body.missingPreJobTraining).toEqual([]);
      // The operator of the street sees the provider's session too; the admin sees no region session their staff did not attend.
      expect((await t.http.get('/api/training/sessions').set(op).expect(200)).body.map((s: { id: string }) => s.id)).toContain(session.id);
      const adminList = (await t.http.get('/api/training/sessions').set(admin).expect(200)).body as { id: string; organiserProviderId: string | null; title: string }[];
      expect(adminList.map((s) => s.id)).toContain(session.id);
      expect(adminList.find((s) => s.title === '在岗培训')).toBeUndefined();

      const future = (await t.http.post('/api/training/sessions').set(admin).send({ title: '下月培训', kind: 'pre_job', heldOn: '2026-12-20', hours: 8, organiserProviderId: homeCare }).expect(201)).body;
      await t.http.put(`/api/training/sessions/${future.id}/attendance`).set(admin).send({ records: [{ staffId: names['持证甲'], passed: true }] }).expect(409);
      await t.http.put(`/api/training/sessions/${future.id}/attendance`).set(admin).send({ records: [] }).expect(400);
      await t.http.post('/api/training/sessions').set(admin).send({ title: '', kind: 'later', heldOn: 'x', hours: -1 }).expect(400);
    });
  });
});
