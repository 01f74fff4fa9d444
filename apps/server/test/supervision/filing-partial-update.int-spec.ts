import { DispatchFixture, type Auth } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Issue 13: a filing update changes only the fields sent; an explicit null clears an insurance field. */
describe('备案 filing: partial updates', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let op: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    d = await new DispatchFixture(t).setup();
    op = await d.operator('备案运营');
  });
  afterAll(() => t.close());

  const put = (provider: string, body: Record<string, unknown>) => t.http.put(`/api/supervision/providers/${provider}/filing`).set(op).send(body);

  it('a PUT without the insurance fields keeps the insurance; null clears one; the history lists only what changed', async () => {
    const provider = await d.provider({ name: '部分更新机构' });
    await put(provider, { licenceNo: 'KS-MZ-2026-101', licenceAuthority: '昆山市民政局', insurer: '人保财险', insurancePolicyNo: 'PZ-1', insuranceExpiresOn: '2027-06-30' }).expect(200);

    const kept = (await put(provider, { licenceNo: 'KS-MZ-2026-101', licenceAuthority: '昆山市行政审批局' }).expect(200)).body;
    expect(kept).toMatchObject({ licenceNo: 'KS-MZ-2026-101', licenceAuthority: '昆山市行政审批局', insurer: '人保财险', insurancePolicyNo: 'PZ-1', insuranceExpiresOn: '2027-06-30' });

    const onlyInsurer = (await put(provider, { insurer: '太保财险' }).expect(200)).body;
    expect(onlyInsurer).toMatchObject({ licenceAuthority: '昆山市行政审批局', insurer: '太保财险', insurancePolicyNo: 'PZ-1' });

    const cleared = (await put(provider, { insurancePolicyNo: null }).expect(200)).body;
    expect(cleared).toMatchObject({ insurer: '太保财险', insurancePolicyNo: null, insuranceExpiresOn: '2027-06-30' });

    const record = (await t.http.get(`/api/supervision/providers/${provider}`).set(op).expect(200)).body as { filingHistory: { changes: { field: string }[] }[] };
    expect(record.filingHistory.map((h) => h.changes.map((c) => c.field))).toEqual([['insurancePolicyNo'], ['insurer'], ['licenceAuthority'], ['licenceNo', 'licenceAuthority', 'insurer', 'insurancePolicyNo', 'insuranceExpiresOn']]);

    const blank = await put(provider, { licenceNo: '' }).expect(400);
    expect(blank.body.details.fields[0].field).toBe('licenceNo');
  });
});
