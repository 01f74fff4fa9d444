import { StaffPositions } from '../../src/providers/staff-positions.service.js';
import { DispatchFixture } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('providers and staff', () => {
  let t: TestApp;
  let d: DispatchFixture;

  beforeAll(async () => {
    t = await createTestApp();
    d = await new DispatchFixture(t).setup();
  });
  afterAll(() => t.close());

  const body = (licenceNo: string) => ({
    kind: 'home_care', name: '新康居家养老', licenceNo, regionId: d.regionId, address: '玉山镇前进路 1 号', location: { lat: 31.39, lng: 120.98 }, serviceRadiusMeters: 3000,
  });

  it('registers a provider as pending, and only an operator approves it onto the recommended list', async () => {
    const admin = await d.f.login('机构负责人');
    const created = (await t.http.post('/api/providers').set(admin.auth).send(body('LIC-NEW-0001')).expect(201)).body;
    expect(created).toMatchObject({ status: 'pending', name: '新康居家养老' });
    expect((await t.http.get('/api/me').set(admin.auth)).body.roles).toContain('provider_admin');
    expect((await t.http.patch(`/api/providers/${created.id}/status`).set(admin.auth).send({ status: 'approved' }).expect(403)).body.error).toBe('AUTH.FORBIDDEN_ROLE');

    const op = await d.f.login('审核员');
    await d.makeOperator(op.tokens.user.id);
    const approved = (await t.http.patch(`/api/providers/${created.id}/status`).set(op.auth).send({ status: 'approved' }).expect(200)).body;
    expect(approved.status).toBe('approved');
    const [row] = await t.dataSource.query('SELECT recommended FROM providers WHERE id = ?', [created.id]);
    expect(row.recommended).toBe(1);
    const dup = await t.http.post('/api/providers').set(admin.auth).send(body('LIC-NEW-0001')).expect(409);
    expect(dup.body.details.fields[0].field).toBe('licenceNo');
    const bad = await t.http.post('/api/providers').set(admin.auth).send({ ...body('?'), kind: 'spa', serviceRadiusMeters: 10 }).expect(400);
    expect((bad.body.details.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['kind', 'licenceNo', 'serviceRadiusMeters']);
  });

  it('lets a provider admin add staff with skills and certificates, and keeps other admins out', async () => {
    const admin = await d.f.login('负责人甲');
    const provider = (await t.http.post('/api/providers').set(admin.auth).send(body('LIC-NEW-0002')).expect(201)).body;
    const staff = (await t.http.post(`/api/providers/${provider.id}/staff`).set(admin.auth).send({
      name: '钱护理', phone: '13711112222', skills: ['bathing', 'visit'], certificates: [{ type: 'elder_care', number: 'YL-1', expiresOn: '2028-01-01' }],
      home: { lat: 31.386, lng: 120.982 }, maxConcurrentJobs: 2, loginCode: 'dev:钱护理',
    }).expect(201)).body;
    expect(staff).toMatchObject({ name: '钱护理', phoneMasked: '137****2222', onDuty: false, certificates: [{ type: 'elder_care', expiresOn: '2028-01-01' }] });

    const other = await d.f.login('负责人乙');
    await t.http.get(`/api/providers/${provider.id}/staff`).set(other.auth).expect(404);
    await t.http.post(`/api/providers/${provider.id}/staff`).set(other.auth).send({}).expect(400);
    expect((await t.http.get('/api/providers').set(other.auth).expect(200)).body).toEqual([]);

    const login = await d.f.login('钱护理');
    expect(login.tokens.user.roles).toContain('provider_staff');
    const on = (await t.http.put('/api/staff/me/duty').set(login.auth).send({ onDuty: true }).expect(200)).body;
    expect(on).toMatchObject({ onDuty: true, name: '钱护理', activeJobs: 0 });
    await t.http.put('/api/staff/me/location').set(login.auth).send({ location: { lat: 31.3901, lng: 120.9802 } }).expect(204);
    const pos = await t.get(StaffPositions).position(staff.id);
    expect(pos!.lat).toBeCloseTo(31.3901, 4);
    await t.http.put('/api/staff/me/duty').set(login.auth).send({ onDuty: false }).expect(200);
    expect(await t.get(StaffPositions).position(staff.id)).toBeNull();
    expect((await t.http.put('/api/staff/me/location').set(login.auth).send({ location: { lat: 'x' } }).expect(400)).body.details.fields[0].field).toBe('location.lat');
  });

  it('rebuilds the on-duty map from MariaDB after Redis lost it', async () => {
    const s = await d.staff('地图重建');
    const positions = t.get(StaffPositions);
    await positions.remove(s.id);
    expect(await positions.position(s.id)).toBeNull();
    expect(await positions.rebuild()).toBeGreaterThan(0);
    expect(await positions.position(s.id)).not.toBeNull();
  });

  it('lists the service catalog with prices and certificate needs', async () => {
    const family = await d.f.login('看目录');
    const services = (await t.http.get('/api/catalog/services').set(family.auth).expect(200)).body as { code: string; requiredCertificate: string | null; urgent: boolean }[];
    expect(services.map((s) => s.code)).toEqual(['cleaning', 'bathing', 'medical_escort', 'mobility', 'shopping', 'visit', 'companionship', 'rehab', 'repair', 'emergency']);
    expect(services.find((s) => s.code === 'bathing')!.requiredCertificate).toBe('elder_care');
    expect(services.find((s) => s.code === 'emergency')!.urgent).toBe(true);
    const q = await t.http.get('/api/catalog/quote?elderId=nope&serviceCode=spa').set(family.auth).expect(400);
    expect((q.body.details.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['elderId', 'serviceCode']);
  });
});
