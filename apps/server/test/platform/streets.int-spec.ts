import { randomUUID } from 'node:crypto';
import { addRegion, grantOperator } from '../../src/database/streets.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Adding a street and its operator, as a deployment does for each new 街道 (README: 街道与运营人员). */
describe('streets and their operators', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.dataSource.query(`INSERT INTO regions (id, code, name, level, center_lat, center_lng) VALUES (?, 'qs', '测试区', 'district', 31.3, 120.9)`, [randomUUID()]);
  });
  afterAll(() => t.close());

  it('adds a street under its district and a 社区 under the street, refusing a wrong parent, a taken code and a bad centre', async () => {
    const street = await addRegion(t.dataSource, { parentCode: 'qs', code: 'qs-a', name: '甲街道', level: 'street', center: { lat: 31.31, lng: 120.91 } });
    await addRegion(t.dataSource, { parentCode: 'qs-a', code: 'qs-a-1', name: '一社区', level: 'community', center: { lat: 31.312, lng: 120.912 } });
    await expect(addRegion(t.dataSource, { parentCode: 'qs-a', code: 'qs-b', name: '乙街道', level: 'street', center: { lat: 31.3, lng: 120.9 } })).rejects.toThrow('街道应在区之下');
    await expect(addRegion(t.dataSource, { parentCode: 'qs', code: 'qs-a', name: '重名', level: 'street', center: { lat: 31.3, lng: 120.9 } })).rejects.toThrow('已有这个地区');
    await expect(addRegion(t.dataSource, { parentCode: 'qs', code: 'qs-c', name: '丙街道', level: 'street', center: { lat: Number.NaN, lng: 120.9 } })).rejects.toThrow('--center');
    expect(street).toMatchObject({ level: 'street', name: '甲街道' });
  });

  it('grants a WeChat user (before or after their first login) the operator role over one street only', async () => {
    await addRegion(t.dataSource, { parentCode: 'qs', code: 'qs-d', name: '丁街道', level: 'street', center: { lat: 31.32, lng: 120.92 } });
    await grantOperator(t.dataSource, { openid: 'dev:qian', regionCode: 'qs-d', nickname: '钱主任' });
    const login = await t.http.post('/api/auth/wechat').send({ code: 'dev:qian' }).expect(200);
    expect(login.body.user.roles).toContain('operator');
    const regions = (await t.http.get('/api/regions').set({ Authorization: `Bearer ${login.body.accessToken}` }).expect(200)).body as { name: string }[];
    expect(regions.map((r) => r.name)).toEqual(['丁街道']);
    // Granting again, or to someone already logged in, keeps one membership and one role.
    await grantOperator(t.dataSource, { openid: 'dev:qian', regionCode: 'qs-d' });
    const [user] = await t.dataSource.query(`SELECT roles FROM users WHERE openid = 'dev:qian'`);
    expect((typeof user.roles === 'string' ? JSON.parse(user.roles) : user.roles).filter((r: string) => r === 'operator')).toHaveLength(1);
    await expect(grantOperator(t.dataSource, { openid: 'dev:qian', regionCode: 'nowhere' })).rejects.toThrow('没有这个地区');
  });
});
