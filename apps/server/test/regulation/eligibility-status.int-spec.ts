import { NotificationsService } from '../../src/notifications/notifications.service.js';
import { EligibilityService } from '../../src/regulation/eligibility.service.js';
import { DispatchFixture, offset, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const NOW = new Date('2026-11-27T02:00:00Z');

describe('a family follows its subsidy declaration', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let op: Auth;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    d = await new DispatchFixture(t).setup();
    op = await d.operator('核验运营');
  });
  afterAll(() => t.close());

  it('sees the declaration, then the 街道’s decision with its note, and only for its own elder', async () => {
    const fam = await d.family({ at: offset(0, 3_000) });
    const declared = await t.http.post(`/api/elders/${fam.elder.id}/eligibility`).set(fam.auth).send({ category: 'tekun', evidenceNote: '特困供养证 KS-77' }).expect(200);
    expect(declared.body).toMatchObject({ declaredCategory: 'tekun', verification: 'unverified' });
    expect((await t.http.get(`/api/elders/${fam.elder.id}/eligibility`).set(fam.auth).expect(200)).body).toEqual({
      elderId: fam.elder.id, category: 'tekun', verification: 'unverified', validUntil: null, evidenceNote: '特困供养证 KS-77', decisionNote: null, declaredAt: NOW.toISOString(),
    });

    await t.http.post(`/api/operator/elders/${fam.elder.id}/eligibility`).set(op).send({ decision: 'rejected', note: '请补充街道出具的特困证明原件照片' }).expect(200);
    expect((await t.http.get(`/api/elders/${fam.elder.id}/eligibility`).set(fam.auth).expect(200)).body).toMatchObject({ verification: 'rejected', decisionNote: '请补充街道出具的特困证明原件照片' });

    await t.http.post(`/api/elders/${fam.elder.id}/eligibility`).set(fam.auth).send({ category: 'tekun', evidenceNote: '已补充证明照片' }).expect(200);
    await t.http.post(`/api/operator/elders/${fam.elder.id}/eligibility`).set(op).send({ decision: 'verified', validUntil: '2027-11-30' }).expect(200);
    expect((await t.http.get(`/api/elders/${fam.elder.id}/eligibility`).set(fam.auth).expect(200)).body).toMatchObject({ verification: 'verified', validUntil: '2027-11-30', decisionNote: null });

    const stranger = await d.family({ at: offset(0, 3_500) });
    await t.http.get(`/api/elders/${fam.elder.id}/eligibility`).set(stranger.auth).expect(404);
  });

  it('refuses an empty evidence note and an unknown category with the field named', async () => {
    const fam = await d.family({ at: offset(0, 4_000) });
    const bad = await t.http.post(`/api/elders/${fam.elder.id}/eligibility`).set(fam.auth).send({ category: 'rich', evidenceNote: '   ' }).expect(400);
    expect((bad.body.details.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['category', 'evidenceNote']);
  });

  it('reminds the family once, 30 days before a verified category runs out, with the way to re-declare', async () => {
    const soon = await d.family({ at: offset(0, 5_000) });
    const later = await d.family({ at: offset(0, 5_500) });
    for (const [fam, until] of [[soon, '2026-12-20'], [later, '2027-03-01']] as const) {
      await t.http.post(`/api/elders/${fam.elder.id}/eligibility`).set(fam.auth).send({ category: 'dibao', evidenceNote: '低保证' }).expect(200);
      await t.http.post(`/api/operator/elders/${fam.elder.id}/eligibility`).set(op).send({ decision: 'verified', validUntil: until }).expect(200);
    }
    const service = t.get(EligibilityService);
    await service.remindExpiring();
    await service.remindExpiring();
    const rows: { id: string; aggregate_id: string; event: string; payload: string | Record<string, unknown> }[] = await t.dataSource.query(
      `SELECT id, aggregate_id, event, payload FROM outbox WHERE event = 'eligibility.expiring' AND aggregate_id IN (?, ?)`,
      [soon.elder.id, later.elder.id],
    );
    expect(rows.map((r) => r.aggregate_id)).toEqual([soon.elder.id]);
    for (const r of rows) await t.get(NotificationsService).deliver({ outboxId: r.id, event: r.event, payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload });
    const notes = (await t.http.get('/api/notifications').set(soon.auth).expect(200)).body as { topic: string; title: string; body: string }[];
    expect(notes.filter((n) => n.topic === 'eligibility.expiring')).toEqual([
      expect.objectContaining({ title: '补贴资格即将到期', body: expect.stringContaining('「低保」补贴资格将于 2026-12-20 到期'), topic: 'eligibility.expiring' }),
    ]);
  });
});
