import { DispatchFixture, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// 2026-12-02: November is over.
const NOW = new Date('2026-12-02T02:00:00Z');

/** Issue 13: statements are maker-checker — who generated or adjusted one cannot approve it. */
describe('statement approval: maker-checker', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let maker: Auth;
  let checker: Auth;
  let adjuster: Auth;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    d = await new DispatchFixture(t).setup();
    maker = await d.operator('制单运营');
    checker = await d.operator('审核运营');
    adjuster = await d.operator('调整运营');
  });
  afterAll(() => t.close());

  const statementOf = async (who: Auth) => {
    const list = (await t.http.post('/api/operator/statements/2026-11/generate').set(who).expect(200)).body as { id: string; providerId: string; makerIds: string[]; status: string }[];
    return list.find((s) => s.providerId === d.providerId)!;
  };

  it('the operator who generated a statement cannot approve it; another operator of the region can', async () => {
    const s = await statementOf(maker);
    const makers = await t.dataSource.query(`SELECT nickname FROM users WHERE id IN (${s.makerIds.map(() => '?').join(',')})`, s.makerIds);
    expect(makers).toEqual([{ nickname: '制单运营' }]);
    const refused = await t.http.post(`/api/operator/statements/${s.id}/approve`).set(maker).expect(403);
    expect(refused.body).toMatchObject({ error: 'STATEMENT.MAKER_CANNOT_APPROVE', message: '您生成了这张结算单，按审核分离的要求须由本街道另一位运营人员审批' });

    // An adjustment makes its author a maker too.
    await t.http.post(`/api/operator/statements/${s.id}/adjustments`).set(adjuster).send({ amountFen: -100, reason: '核减' }).expect(200);
    const byAdjuster = await t.http.post(`/api/operator/statements/${s.id}/approve`).set(adjuster).expect(403);
    expect(byAdjuster.body.message).toBe('您调整了这张结算单，按审核分离的要求须由本街道另一位运营人员审批');
    const [row] = await t.dataSource.query('SELECT status, approved_by FROM provider_statements WHERE id = ?', [s.id]);
    expect(row).toEqual({ status: 'draft', approved_by: null });

    const approved = (await t.http.post(`/api/operator/statements/${s.id}/approve`).set(checker).expect(200)).body;
    expect(approved.status).toBe('approved');
    expect(approved.approvedBy).toBe('审核运营');
  });
});
