import { DispatchFixture } from '../support/dispatch-fixture.js';
import { idNumber } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Auth = { Authorization: string };

/** Adding an elder whose ID number another household registered: no existence oracle, a conflict for the operators. */
describe('elder registration conflicts', () => {
  let t: TestApp;
  let streetA: DispatchFixture;
  let streetB: DispatchFixture;
  let streetC: DispatchFixture;

  beforeAll(async () => {
    t = await createTestApp();
    streetA = await new DispatchFixture(t).setup();
    streetB = await new DispatchFixture(t).setup();
    streetC = await new DispatchFixture(t).setup();
  });
  afterAll(() => t.close());

  const addElder = (auth: Auth, householdId: string, overrides: Record<string, unknown>) =>
    t.http.post(`/api/households/${householdId}/elders`).set(auth).send(streetA.f.elderInput(overrides));
  const eldersIn = async (householdId: string) => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM elders WHERE household_id = ?', [householdId]))[0].n);
  const withoutRequestId = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });

  it('answers another household with one neutral refusal that says nothing of the registration, and creates no second elder', async () => {
    const n = idNumber('1941-03-07', 401, true);
    const owner = await streetA.family();
    const registered = await addElder(owner.auth, owner.householdId, { idNumber: n, regionId: streetA.regionId, name: '周老伯' }).expect(201);

    const other = await streetB.family();
    const third = await streetB.family();
    const first = await addElder(other.auth, other.householdId, { idNumber: n, regionId: streetB.regionId }).expect(409);
    const second = await addElder(third.auth, third.householdId, { idNumber: idNumber('1941-03-07', 401, true), regionId: streetB.regionId, name: '别的名字' }).expect(409);

    expect(Object.keys(first.body).sort()).toEqual(['error', 'message', 'requestId', 'statusCode']);
    expect(first.body).toMatchObject({ statusCode: 409, error: 'ELDER.REGISTRATION_REVIEW', message: expect.stringContaining('街道核实') });
    expect(first.body.message).not.toMatch(/已登记|已由|其他家庭|已添加|身份证/);
    expect(withoutRequestId(second.body)).toEqual(withoutRequestId(first.body));
    expect(JSON.stringify(first.body)).not.toContain(registered.body.id);

    // Each family still has only the elder the fixture gave it; the registered elder is untouched.
    expect([await eldersIn(other.householdId), await eldersIn(third.householdId), await eldersIn(owner.householdId)]).toEqual([1, 1, 2]);
  });

  it("shows the conflict to the operators of either elder's street, once per household however often it is tried, and to nobody else", async () => {
    const n = idNumber('1939-11-21', 402, false);
    const owner = await streetA.family();
    const registered = (await addElder(owner.auth, owner.householdId, { idNumber: n, regionId: streetA.regionId, name: '吴阿婆' }).expect(201)).body;
    const other = await streetB.family();
    await addElder(other.auth, other.householdId, { idNumber: n, regionId: streetB.regionId, name: '吴阿婆' }).expect(409);
    await addElder(other.auth, other.householdId, { idNumber: n, regionId: streetB.regionId, name: '吴阿婆' }).expect(409);

    const mine = (body: { existing: { elderId: string } }[]) => body.filter((c) => c.existing.elderId === registered.id);
    const opA = await streetA.operator('A街道运营');
    const opB = await streetB.operator('B街道运营');
    const opC = await streetC.operator('C街道运营');
    const seenByA = mine((await t.http.get('/api/operator/elder-registration-conflicts').set(opA).expect(200)).body);
    const seenByB = mine((await t.http.get('/api/operator/elder-registration-conflicts').set(opB).expect(200)).body);
    const seenByC = mine((await t.http.get('/api/operator/elder-registration-conflicts').set(opC).expect(200)).body);
    expect(seenByA).toHaveLength(1);
    expect(seenByA[0]).toMatchObject({
      status: 'open',
      attempts: 2,
      requested: { householdId: other.householdId, regionId: streetB.regionId, elderName: '吴阿婆', byUserId: other.userId },
      existing: { elderId: registered.id, elderName: '吴阿婆', householdId: owner.householdId, regionId: streetA.regionId },
    });
    expect(seenByB).toEqual(seenByA);
    expect(seenByC).toEqual([]);
    await t.http.get('/api/operator/elder-registration-conflicts').set(other.auth).expect(403);
  });

  it('routes a changed ID number the same way, and leaves the elder as it was', async () => {
    const n = idNumber('1944-06-30', 403, true);
    const owner = await streetA.family();
    await addElder(owner.auth, owner.householdId, { idNumber: n, regionId: streetA.regionId }).expect(201);
    const other = await streetB.family();
    const res = await t.http.patch(`/api/elders/${other.elder.id}`).set(other.auth).send({ idNumber: n, name: '改名' }).expect(409);
    expect(res.body.error).toBe('ELDER.REGISTRATION_REVIEW');
    const after = (await t.http.get(`/api/elders/${other.elder.id}`).set(other.auth).expect(200)).body;
    expect(after.name).toBe(other.elder.name);
    expect(after.idNumberMasked).toBe(other.elder.idNumberMasked);
  });

  it('says plainly when the elder is already in a household of the caller', async () => {
    const n = idNumber('1943-01-15', 404, false);
    const family = await streetA.family();
    await addElder(family.auth, family.householdId, { idNumber: n }).expect(201);
    const again = await addElder(family.auth, family.householdId, { idNumber: n }).expect(409);
    expect(again.body).toMatchObject({ error: 'ELDER.ID_NUMBER_TAKEN', message: '这位老人已在本家庭登记，无需重复添加', details: { fields: [{ field: 'idNumber' }] } });
    const [{ n: conflicts }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM elder_registration_conflicts WHERE household_id = ?', [family.householdId]);
    expect(Number(conflicts)).toBe(0);
  });
});
