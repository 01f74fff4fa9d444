import type { HouseholdView } from '@carecircle/shared';
import { Factories, idNumber } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Auth = { Authorization: string };

describe('households, elders and children', () => {
  let t: TestApp;
  let f: Factories;
  let wang: Auth;
  let li: Auth;
  let wangHome: HouseholdView;
  let liHome: HouseholdView;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-11-27T02:00:00Z') });
    f = new Factories(t);
    wang = (await f.login('王家女儿')).auth;
    li = (await f.login('李家儿子')).auth;
    wangHome = await f.household(wang, '王家');
    liHome = await f.household(li, '李家');
  });
  afterAll(() => t.close());

  it('adds an elder, derives age and gender from the ID number, and masks it', async () => {
    const id = idNumber('1948-05-12', 7, true);
    const elder = await f.elder(wang, wangHome.id, { idNumber: id, name: '王建国' });
    expect(elder).toMatchObject({ name: '王建国', gender: 'male', age: 78, subsidyVerification: 'unverified' });
    expect(elder).not.toHaveProperty('birthDate');
    expect(elder.idNumberMasked).toBe(`${id.slice(0, 1)}${'*'.repeat(17)}`);
    expect(JSON.stringify(elder)).not.toContain(id);
    expect(elder.phoneMasked).toBe('139****5678');
    expect(JSON.stringify(elder)).not.toContain('13912345678');
    expect(elder.healthNotes).toBe('高血压，每日服药');

    const home = (await t.http.get(`/api/households/${wangHome.id}`).set(wang).expect(200)).body as HouseholdView;
    const listed = home.elders.find((e) => e.id === elder.id)!;
    expect(listed.phoneMasked).toBe('139****5678');
    expect(JSON.stringify(home)).not.toContain('13912345678');
  });

  it('stores ID numbers, phones, contacts and health notes only encrypted', async () => {
    const id = idNumber('1950-02-03', 8, false);
    const elder = await f.elder(wang, wangHome.id, { idNumber: id, healthNotes: '糖尿病史', phone: '13687654321' });
    const [row] = await t.dataSource.query('SELECT * FROM elders WHERE id = ?', [elder.id]);
    const raw = JSON.stringify(row);
    for (const secret of [id, '糖尿病史', '13687654321', '13800138000']) expect(raw).not.toContain(secret);
    expect(t.cipher.decrypt(row.id_number_enc)).toBe(id);
  });

  it('hides one household from another: 404 for read, change, delete and add', async () => {
    const elder = await f.elder(wang, wangHome.id);
    const notFound = (res: { status: number; body: { error: string } }) => {
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(elder.name === '王建国' ? elder.address : '-');
    };
    notFound(await t.http.get(`/api/elders/${elder.id}`).set(li));
    notFound(await t.http.patch(`/api/elders/${elder.id}`).set(li).send({ name: '改名' }));
    notFound(await t.http.delete(`/api/elders/${elder.id}`).set(li));
    notFound(await t.http.get(`/api/households/${wangHome.id}`).set(li));
    notFound(await t.http.post(`/api/households/${wangHome.id}/invites`).set(li));
    notFound(await t.http.post(`/api/households/${wangHome.id}/elders`).set(li).send(f.elderInput()));
    notFound(await t.http.post(`/api/households/${wangHome.id}/children`).set(li).send({ name: '小孩', birthDate: '2025-06-01' }));
    const still = await t.http.get(`/api/elders/${elder.id}`).set(wang).expect(200);
    expect(still.body.name).toBe(elder.name);
  });

  it('hides one household’s child from another', async () => {
    const child = (await t.http.post(`/api/households/${liHome.id}/children`).set(li).send({ name: '李小宝', birthDate: '2025-05-18' }).expect(201)).body;
    await t.http.get(`/api/children/${child.id}`).set(wang).expect(404);
    await t.http.patch(`/api/children/${child.id}`).set(wang).send({ name: 'x' }).expect(404);
    await t.http.delete(`/api/children/${child.id}`).set(wang).expect(404);
    await t.http.get(`/api/children/${child.id}`).set(li).expect(200);
  });

  it('edits an elder, and a changed subsidy category needs verification again', async () => {
    const elder = await f.elder(wang, wangHome.id);
    await t.dataSource.query(`UPDATE elders SET subsidy_verification = 'verified' WHERE id = ?`, [elder.id]);
    const same = await t.http.patch(`/api/elders/${elder.id}`).set(wang).send({ address: '新地址 1 号' }).expect(200);
    expect(same.body).toMatchObject({ address: '新地址 1 号', subsidyVerification: 'verified' });
    const changed = await t.http.patch(`/api/elders/${elder.id}`).set(wang).send({ subsidyCategory: 'tekun', healthNotes: null }).expect(200);
    expect(changed.body).toMatchObject({ subsidyCategory: 'tekun', subsidyVerification: 'unverified', healthNotes: null });
  });

  it('refuses the same ID number twice, and accepts it again once the elder is removed', async () => {
    const id = idNumber('1946-08-19', 9, true);
    const first = await f.elder(wang, wangHome.id, { idNumber: id });
    const own = await t.http.post(`/api/households/${wangHome.id}/elders`).set(wang).send(f.elderInput({ idNumber: id })).expect(409);
    expect(own.body).toMatchObject({ error: 'ELDER.ID_NUMBER_TAKEN', details: { fields: [{ field: 'idNumber' }] } });
    // Another household is not told the number is registered (registration-conflicts.int-spec.ts).
    const dup = await t.http.post(`/api/households/${liHome.id}/elders`).set(li).send(f.elderInput({ idNumber: id })).expect(409);
    expect(dup.body).toMatchObject({ error: 'ELDER.REGISTRATION_REVIEW' });
    await t.http.delete(`/api/elders/${first.id}`).set(wang).expect(204);
    await t.http.get(`/api/elders/${first.id}`).set(wang).expect(404);
    await t.http.post(`/api/households/${liHome.id}/elders`).set(li).send(f.elderInput({ idNumber: id })).expect(201);
  });

  it('names each bad field of an elder and never stores a half-valid one', async () => {
    const before = (await t.http.get(`/api/households/${wangHome.id}`).set(wang)).body.elders.length;
    const res = await t.http.post(`/api/households/${wangHome.id}/elders`).set(wang).send(
      f.elderInput({ idNumber: '320583194805121230', phone: '12345', location: { lat: 95, lng: 120 }, emergencyContacts: [{ name: '', phone: '1', relation: '女儿' }], dietaryNeeds: ['spicy'], extra: 1 }),
    ).expect(400);
    const fields = (res.body.details.fields as { field: string }[]).map((x) => x.field).sort();
    expect(fields).toEqual(['dietaryNeeds', 'emergencyContacts.0.name', 'emergencyContacts.0.phone', 'extra', 'idNumber', 'location.lat', 'phone']);
    const outside = await t.http.post(`/api/households/${wangHome.id}/elders`).set(wang).send(f.elderInput({ location: { lat: 48.85, lng: 2.35 } })).expect(400);
    expect(outside.body.details.fields[0].field).toBe('location');
    const after = (await t.http.get(`/api/households/${wangHome.id}`).set(wang)).body.elders.length;
    expect(after).toBe(before);
  });

  it('refuses a path id that is not a UUID with a 400 naming it', async () => {
    const res = await t.http.get('/api/elders/123').set(wang).expect(400);
    expect(res.body.details.fields).toEqual([{ field: 'elderId', message: '应为有效的编号（UUID）' }]);
  });

  it('adds a child under three, makes the adder a guardian, and refuses a three-year-old', async () => {
    const { auth } = await f.login('新手爸爸');
    const home = await f.household(auth, '新家');
    const child = await t.http.post(`/api/households/${home.id}/children`).set(auth).send({ name: '小满', birthDate: '2025-11-27', idNumber: idNumber('2025-11-27', 3) }).expect(201);
    expect(child.body).toMatchObject({ name: '小满', ageMonths: 12 });
    expect(child.body.idNumberMasked).toMatch(/^3\*{17}$/);
    expect((await t.http.get('/api/me').set(auth)).body.roles).toEqual(['family', 'guardian']);
    const old = await t.http.post(`/api/households/${home.id}/children`).set(auth).send({ name: '大宝', birthDate: '2023-11-27' }).expect(400);
    expect(old.body).toMatchObject({ error: 'CHILD.TOO_OLD', details: { fields: [{ field: 'birthDate' }] } });
    const future = await t.http.post(`/api/households/${home.id}/children`).set(auth).send({ name: '未来', birthDate: '2026-12-30' }).expect(400);
    expect(future.body.details.fields[0].field).toBe('birthDate');
    const bad = await t.http.post(`/api/households/${home.id}/children`).set(auth).send({ name: '', birthDate: '2025-02-30' }).expect(400);
    expect((bad.body.details.fields as { field: string }[]).map((x) => x.field).sort()).toEqual(['birthDate', 'name']);
  });

  it('invites a family member with a one-time code', async () => {
    const { auth: sister, tokens } = await f.login('王家小妹');
    const invite = (await t.http.post(`/api/households/${wangHome.id}/invites`).set(wang).expect(201)).body;
    expect(invite.code).toMatch(/^[A-Z2-9]{10}$/);
    const joined = await t.http.post('/api/households/join').set(sister).send({ code: invite.code.toLowerCase() }).expect(200);
    expect(joined.body.members.map((m: { nickname: string }) => m.nickname)).toEqual(['王家女儿', '王家小妹']);
    expect(joined.body.myRole).toBe('member');
    expect((await t.http.get('/api/me').set(sister)).body.householdIds).toEqual([wangHome.id]);
    expect(tokens.user.householdIds).toEqual([]);
    const again = await t.http.post('/api/households/join').set(li).send({ code: invite.code }).expect(404);
    expect(again.body.message).toContain('已被使用');
  });

  it('lets only one of many people racing for the same invite join', async () => {
    const invite = (await t.http.post(`/api/households/${liHome.id}/invites`).set(li).expect(201)).body;
    const racers = await Promise.all(Array.from({ length: 8 }, (_, i) => f.login(`抢邀请${i}`)));
    const results = await Promise.all(racers.map((r) => t.http.post('/api/households/join').set(r.auth).send({ code: invite.code })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 404)).toHaveLength(7);
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM household_members WHERE household_id = ?', [liHome.id]);
    expect(Number(n)).toBe(2);
  });

  it('refuses an expired invite with 410', async () => {
    const invite = (await t.http.post(`/api/households/${liHome.id}/invites`).set(li).expect(201)).body;
    t.clock.advance(8 * 24 * 3600 * 1000);
    const { auth } = await f.login('迟到的人');
    const res = await t.http.post('/api/households/join').set(auth).send({ code: invite.code }).expect(410);
    expect(res.body.error).toBe('HOUSEHOLD.INVITE_EXPIRED');
    t.clock.advance(-8 * 24 * 3600 * 1000);
  });

  it('refuses joining a household twice and a malformed code', async () => {
    const invite = (await t.http.post(`/api/households/${wangHome.id}/invites`).set(wang).expect(201)).body;
    expect((await t.http.post('/api/households/join').set(wang).send({ code: invite.code }).expect(409)).body.error).toBe('HOUSEHOLD.ALREADY_MEMBER');
    expect((await t.http.post('/api/households/join').set(wang).send({ code: '!!' }).expect(400)).body.details.fields[0].field).toBe('code');
  });

  it('lists my households with counts', async () => {
    const list = (await t.http.get('/api/households').set(li).expect(200)).body;
    expect(list).toEqual([expect.objectContaining({ id: liHome.id, name: '李家', myRole: 'owner', childCount: 1 })]);
  });

  it('validates household creation', async () => {
    const res = await t.http.post('/api/households').set(wang).send({ name: ' ', regionId: 'x' }).expect(400);
    expect((res.body.details.fields as { field: string }[]).map((x) => x.field).sort()).toEqual(['name', 'regionId']);
    const missing = await t.http.post('/api/households').set(wang).send({ name: '家', regionId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    expect(missing.body.error).toBe('REGION.NOT_FOUND');
  });
});
