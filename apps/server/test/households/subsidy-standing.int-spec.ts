import { shanghaiDate } from '@carecircle/shared';
import { DispatchFixture } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** A family is told why there is no subsidy: waiting for the 街道, not accepted, or run out — never "pending" for a refusal. */
describe('subsidy standing in the family\'s quote and month view', () => {
  let t: TestApp;
  let d: DispatchFixture;
  beforeAll(async () => {
    t = await createTestApp();
    d = await new DispatchFixture(t).setup();
  });
  afterAll(() => t.close());

  const quote = async (auth: { Authorization: string }, elderId: string) => (await t.http.get(`/api/catalog/quote?elderId=${elderId}&serviceCode=cleaning`).set(auth).expect(200)).body;
  const month = async (auth: { Authorization: string }, elderId: string) => (await t.http.get(`/api/elders/${elderId}/subsidy-month`).set(auth).expect(200)).body;

  it('a category the 街道 rejected says 未通过, not 待核验', async () => {
    const family = await d.family({ category: 'dibao', verified: false });
    expect((await quote(family.auth, family.elder.id)).subsidyNote).toContain('待街道核验');
    const op = await d.operator('核验员');
    await t.http.post(`/api/operator/elders/${family.elder.id}/eligibility`).set(op).send({ decision: 'rejected', note: '低保证已过期' }).expect(200);
    const rejected = await quote(family.auth, family.elder.id);
    expect(rejected).toMatchObject({ subsidyFen: 0, subsidyNote: expect.stringContaining('核验未通过') });
    expect(await month(family.auth, family.elder.id)).toMatchObject({ verified: false, standing: 'rejected', standingNote: expect.stringContaining('核验未通过') });
  });

  it('a verification past its valid-until day says it has run out', async () => {
    const family = await d.family({ category: 'dibao' });
    const yesterday = shanghaiDate(new Date(t.clock.now().getTime() - 86_400_000));
    await t.dataSource.query('UPDATE elders SET subsidy_valid_until = ? WHERE id = ?', [yesterday, family.elder.id]);
    expect((await quote(family.auth, family.elder.id)).subsidyNote).toContain('已过有效期');
    expect(await month(family.auth, family.elder.id)).toMatchObject({ standing: 'expired', verified: false });
  });
});
