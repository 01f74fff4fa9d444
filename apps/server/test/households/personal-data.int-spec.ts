import { displayAge, idCheckChar } from '@carecircle/shared';
import { Dispatcher } from '../../src/dispatch/dispatcher.service.js';
import { DispatchFixture, offset, type Auth } from '../support/dispatch-fixture.js';
import { idNumber } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Operation = { parameters?: { in: string; name: string }[] };

/**
 * GB 11643: an ID number is a 6-digit address code (the county of registration), an 8-digit birth
 * date, a 3-digit sequence (odd for men) and a check character (ISO 7064 MOD 11-2). Counts every
 * number consistent with what a caller gets, assuming the worst: the attacker knows the county
 * (from the address in the same responses), the gender, and reads every response on several days.
 */
function candidates(seen: { county: string; mask: string | null; birthDates: string[] | null; ages: { on: string; age: number }[]; male: boolean | null }): { count: number; ids: Set<string> | null } {
  const dates: string[] = [];
  for (let t = Date.UTC(1890, 0, 1); t <= Date.UTC(2027, 11, 31); t += 86_400_000) dates.push(new Date(t).toISOString().slice(0, 10));
  const visible = (id: string) => !seen.mask || [...seen.mask].every((ch, i) => ch === '*' || ch === id[i]);
  let count = 0;
  const ids = new Set<string>();
  for (const date of dates) {
    if (seen.birthDates && !seen.birthDates.includes(date)) continue;
    if (!seen.ages.every((a) => a.on >= date && displayAge(date, a.on) === a.age)) continue;
    for (let seq = 0; seq < 1000; seq++) {
      if (seen.male !== null && (seq % 2 === 1) !== seen.male) continue;
      const first17 = `${seen.county}${date.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
      const id = first17 + idCheckChar(first17);
      if (!visible(id)) continue;
      count++;
      if (ids.size < 200_000) ids.add(id);
    }
  }
  return { count, ids };
}

/** Every string anywhere in a JSON body, with the key it sits under. */
function walk(value: unknown, visit: (key: string, v: unknown, parent: Record<string, unknown>) => void, key = '', parent: Record<string, unknown> = {}): void {
  if (Array.isArray(value)) value.forEach((v) => walk(v, visit, key, parent));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, visit, k, value as Record<string, unknown>);
  else visit(key, value, parent);
}

describe('personal data that stays private', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let dispatcher: Dispatcher;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-05-11T02:00:00Z') });
    d = await new DispatchFixture(t).setup();
    dispatcher = t.get(Dispatcher);
    paths = (await t.http.get('/api/docs-json').expect(200)).body.paths;
  });
  afterAll(() => t.close());

  /** Every GET the caller can make about their household, elder and child, as the OpenAPI document lists them. */
  async function everythingVisible(auth: Auth, ids: Record<string, string>): Promise<unknown[]> {
    const bodies: unknown[] = [];
    for (const [template, ops] of Object.entries(paths)) {
      const op = ops.get;
      // /me/export is the deliberate full copy for the owner (PIPL art. 45): audited and limited to 3 an hour.
      if (!op || template.includes('/stream') || template.includes('/docs') || template.includes('queue-board') || template === '/api/me/export') continue;
      const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      if (pathParams.some((p) => !ids[p])) continue;
      const url = template.replace(/\{([^}]+)\}/g, (_m, name: string) => ids[name]);
      const res = await t.http.get(url).set(auth);
      if (res.status === 200 && res.type === 'application/json') {
        if (process.env.DEBUG_CRAWL) console.log(url, JSON.stringify(res.body).slice(0, 3000));
        bodies.push(res.body);
      }
    }
    return bodies;
  }

  it('leaves at least 10^5 candidate ID numbers in everything a household member gets, read on several days', async () => {
    const family = await d.family();
    const id = idNumber('1948-05-12', 7, true);
    const patched = (await t.http.patch(`/api/elders/${family.elder.id}`).set(family.auth).send({ idNumber: id }).expect(200)).body;
    const child = (await t.http.post(`/api/households/${family.householdId}/children`).set(family.auth).send({ name: '王小宝', birthDate: '2025-06-01', idNumber: idNumber('2025-06-01', 4, false) }).expect(201)).body;
    await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    const ids = { elderId: family.elder.id, householdId: family.householdId, childId: child.id, id: family.elder.id };

    // The day before the birthday, the birthday, the last and first day of a year: where a 周岁 would tick.
    const days = ['2026-05-11', '2026-05-12', '2026-12-31', '2027-01-01'];
    const seen = { masks: new Set<string>(), ages: [] as { on: string; age: number }[], birthExposed: false, responses: 1 };
    const birthForms = ['1948-05-12', '19480512', '1948/05/12', '1948年5月12日', '1948年05月12日'];
    const collect = (body: unknown, on: string) => {
      walk(body, (key, v, parent) => {
        if (typeof v === 'string' && /^[0-9X*]{18}$/.test(v) && v.includes('*') && (parent.id === family.elder.id || parent.elderId === family.elder.id)) seen.masks.add(v);
        if (typeof v === 'string' && birthForms.some((f) => v.includes(f))) seen.birthExposed = true;
        if (key === 'age' && typeof v === 'number' && (parent.id === family.elder.id || parent.elderId === family.elder.id)) seen.ages.push({ on, age: v });
      });
    };
    collect(patched, days[0]);
    for (const day of days) {
      t.clock.set(new Date(`${day}T04:00:00Z`));
      const bodies = await everythingVisible(family.auth, ids);
      seen.responses += bodies.length;
      for (const body of bodies) collect(body, day);
    }
    t.clock.set(new Date('2026-05-11T02:00:00Z'));

    expect(seen.responses).toBeGreaterThan(20);
    expect(seen.masks.size).toBeGreaterThan(0);
    expect(seen.ages.length).toBeGreaterThanOrEqual(days.length);
    const result = candidates({ county: '320583', mask: [...seen.masks][0], birthDates: seen.birthExposed ? ['1948-05-12'] : null, ages: seen.ages, male: true });
    for (const mask of seen.masks) expect(candidates({ county: '320583', mask, birthDates: null, ages: seen.ages, male: true }).count).toBe(result.count);
    // Not vacuous: the real number is among the candidates.
    expect(result.ids!.has(id)).toBe(true);
    console.log(`ID candidates for an elder, all responses on ${days.join(', ')}: ${result.count}`);
    expect(result.count).toBeGreaterThanOrEqual(100_000);
  }, 120_000);

  it('shows no digit of a child’s ID number beyond what the guardian-entered birth date already tells', async () => {
    const family = await d.family();
    const id = idNumber('2025-06-01', 9, false);
    const child = (await t.http.post(`/api/households/${family.householdId}/children`).set(family.auth).send({ name: '王小宝', birthDate: '2025-06-01', idNumber: id }).expect(201)).body;
    const read = (await t.http.get(`/api/children/${child.id}`).set(family.auth).expect(200)).body;
    const withMask = candidates({ county: '320583', mask: read.idNumberMasked, birthDates: [read.birthDate.slice(0, 10)], ages: [], male: null });
    const without = candidates({ county: '320583', mask: null, birthDates: [read.birthDate.slice(0, 10)], ages: [], male: null });
    expect(withMask.ids!.has(id)).toBe(true);
    expect(withMask.count).toBe(without.count);
    expect(withMask.count).toBe(1000);
  }, 60_000);

  describe('the full phone number', () => {
    const reveals = async (elderId: string) => Number((await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'reveal_phone' AND entity_id = ?", [elderId]))[0].n);

    it('goes to household members through an audited reveal, and to nobody else', async () => {
      const family = await d.family();
      const other = await d.family();
      expect(JSON.stringify((await t.http.get(`/api/elders/${family.elder.id}`).set(family.auth).expect(200)).body)).not.toContain('13912345678');
      const res = await t.http.post(`/api/elders/${family.elder.id}/phone-reveal`).set(family.auth).expect(200);
      expect(res.body).toEqual({ elderId: family.elder.id, phone: '13912345678' });
      expect(await reveals(family.elder.id)).toBe(1);
      const [row] = await t.dataSource.query("SELECT user_id FROM audit_log WHERE action = 'reveal_phone' AND entity_id = ?", [family.elder.id]);
      expect(row.user_id).toBe(family.userId);

      const refused = await t.http.post(`/api/elders/${family.elder.id}/phone-reveal`).set(other.auth).expect(404);
      expect(refused.body.error).toBe('ELDER.NOT_FOUND');
      expect(JSON.stringify(refused.body)).not.toContain('13912345678');
      expect(await reveals(family.elder.id)).toBe(1);
    });

    it('goes to the assigned staff member only while the job is accepted, en route or in service', async () => {
      const home = offset(200_000, 200_000);
      const family = await d.family({ at: home });
      const staff = await d.staff('电话测试', { at: offset(200, 0, home) });
      const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
      await t.http.post(`/api/elders/${family.elder.id}/phone-reveal`).set(staff.auth).expect(404);
      await dispatcher.dispatch(order.id);
      const [offer] = await d.offersOf(order.id);
      expect(offer.staff_id).toBe(staff.id);
      await t.http.post(`/api/elders/${family.elder.id}/phone-reveal`).set(staff.auth).expect(404);
      await t.http.post(`/api/offers/${offer.id}/accept`).set(staff.auth).expect(200);
      expect((await t.http.post(`/api/elders/${family.elder.id}/phone-reveal`).set(staff.auth).expect(200)).body.phone).toBe('13912345678');
      await t.http.post(`/api/orders/${order.id}/depart`).set(staff.auth).expect(200);
      await t.http.post(`/api/orders/${order.id}/check-in`).set(staff.auth).send({ location: home }).expect(200);
      await t.http.post(`/api/elders/${family.elder.id}/phone-reveal`).set(staff.auth).expect(200);
      t.clock.advance(3 * 3600_000);
      await t.http.post(`/api/orders/${order.id}/check-out`).set(staff.auth).send({ tasks: ['打扫'] }).expect(200);
      t.clock.set(new Date('2026-05-11T02:00:00Z'));
      const after = await t.http.post(`/api/elders/${family.elder.id}/phone-reveal`).set(staff.auth).expect(404);
      expect(after.body.error).toBe('ELDER.NOT_FOUND');
      expect(await reveals(family.elder.id)).toBe(2);
    });
  });

  describe('ID numbers and the elder age rule', () => {
    it('refuses a birth date after today with a 400 naming idNumber', async () => {
      const family = await d.family();
      const res = await t.http.post(`/api/households/${family.householdId}/elders`).set(family.auth).send(d.f.elderInput({ idNumber: idNumber('2026-05-12', 2) })).expect(400);
      expect(res.body.error).toBe('VALIDATION_FAILED');
      expect(res.body.details.fields).toEqual([{ field: 'idNumber', message: '身份证号中的出生日期晚于今天，请核对' }]);
    });

    it('refuses an impossible date (30 February) as invalid', async () => {
      const family = await d.family();
      const first17 = '32058319480230123';
      const res = await t.http.post(`/api/households/${family.householdId}/elders`).set(family.auth).send(d.f.elderInput({ idNumber: first17 + idCheckChar(first17) })).expect(400);
      expect(res.body.details.fields[0].field).toBe('idNumber');
    });

    it('refuses an elder below 60 by default, naming the age and the rule', async () => {
      const family = await d.family();
      const res = await t.http.post(`/api/households/${family.householdId}/elders`).set(family.auth).send(d.f.elderInput({ idNumber: idNumber('1966-05-12', 3) })).expect(400);
      expect(res.body.details.fields).toEqual([{ field: 'idNumber', message: expect.stringContaining('老人需年满 60 周岁') }]);
      expect(res.body.details.fields[0].message).toContain('默认规则');
      expect(res.body.details.rule).toEqual({ kind: 'elder_rules', minAge: 60, age: 59 });
      await t.http.post(`/api/households/${family.householdId}/elders`).set(family.auth).send(d.f.elderInput({ idNumber: idNumber('1966-05-11', 3) })).expect(201);
    });

    it('takes the minimum age from the region’s elder_rules policy', async () => {
      await t.dataSource.query(`INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, 'elder_rules', 1, '2020-01-01', ?)`, [d.regionId, JSON.stringify({ minAge: 65 })]);
      const family = await d.family();
      const res = await t.http.post(`/api/households/${family.householdId}/elders`).set(family.auth).send(d.f.elderInput({ idNumber: idNumber('1961-05-12', 5), regionId: d.regionId })).expect(400);
      expect(res.body.details.fields[0].message).toMatch(/老人需年满 65 周岁（本地区政策「老人登记规则」）.*64 周岁/);
      expect(res.body.details.rule).toEqual({ kind: 'elder_rules', minAge: 65, age: 64 });
      await t.http.post(`/api/households/${family.householdId}/elders`).set(family.auth).send(d.f.elderInput({ idNumber: idNumber('1961-05-12', 5) })).expect(201);
      await t.dataSource.query("DELETE FROM region_policies WHERE kind = 'elder_rules'");
    });
  });
});
