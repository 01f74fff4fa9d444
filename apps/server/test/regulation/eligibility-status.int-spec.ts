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
    const a = await d.f.login('核验运营');
    await d.makeOperator(a.tokens.user.id);
    op = a.auth;
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
});
