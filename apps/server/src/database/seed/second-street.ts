import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { UserEntity } from '../../auth/entities/user.entity.js';
import { RegionEntity } from '../../regions/entities/region.entity.js';
import { DEMO_CARE_POLICIES, DEMO_SUBSIDY_RULES } from './demo-district.js';
import { SECOND_STREET_LOGINS } from './demo-logins.js';

/** 昆山市周市镇, north of 玉山镇: a second street of the same district with its own operator. */
export const SECOND_STREET = { code: 'ks-zs', name: '周市镇', center: { lat: 31.4395, lng: 120.9602 }, population: 52_400 };
const SECOND_STREET_COMMUNITIES = [
  { code: 'ks-zs-xh', name: '新湖社区', offset: { lat: 0.004, lng: 0.003 }, population: 14_600, elderly60: 3_050, children03: 410 },
  { code: 'ks-zs-sj', name: '市北社区', offset: { lat: -0.005, lng: -0.004 }, population: 11_900, elderly60: 2_480, children03: 330 },
];

export interface AddedStreet {
  added: boolean;
  streetId: string;
  operatorUserId: string;
}

/**
 * A deployment serves many 街道, each watched by its own operators. This adds the demo's second one
 * (`pnpm seed -- --second-street`): the street and its 社区 under the demo district, the same policy
 * tables, and 郑主任 as its operator — who must see nothing of 玉山镇. Does nothing when present.
 */
export async function seedSecondStreet(dataSource: DataSource): Promise<AddedStreet> {
  const regions = dataSource.getRepository(RegionEntity);
  const operatorName = SECOND_STREET_LOGINS[0].name;
  const existing = await regions.findOneBy({ code: SECOND_STREET.code });
  if (existing) {
    const user = await dataSource.getRepository(UserEntity).findOneByOrFail({ openid: `dev:${operatorName}` });
    return { added: false, streetId: existing.id, operatorUserId: user.id };
  }
  const district = await regions.findOneBy({ code: 'ks' });
  if (!district) throw new Error('先导入演示地区（pnpm seed），再添加第二个街道');
  return dataSource.transaction(async (m) => {
    const street = await m.getRepository(RegionEntity).save({
      id: randomUUID(), code: SECOND_STREET.code, name: SECOND_STREET.name, level: 'street', parentId: district.id,
      centerLat: SECOND_STREET.center.lat, centerLng: SECOND_STREET.center.lng, population: SECOND_STREET.population,
    });
    for (const c of SECOND_STREET_COMMUNITIES) {
      const community = await m.getRepository(RegionEntity).save({
        id: randomUUID(), code: c.code, name: c.name, level: 'community', parentId: street.id,
        centerLat: Number((SECOND_STREET.center.lat + c.offset.lat).toFixed(7)), centerLng: Number((SECOND_STREET.center.lng + c.offset.lng).toFixed(7)), population: c.population,
      });
      await m.query('UPDATE regions SET elderly_60 = ?, children_0_3 = ? WHERE id = ?', [c.elderly60, c.children03, community.id]);
      await m.query('INSERT INTO region_figures (region_id, year, residents, elderly_60, children_0_3) VALUES (?, 2026, ?, ?, ?)', [community.id, c.population, c.elderly60, c.children03]);
    }
    const effectiveFrom = new Date('2026-01-01T00:00:00+08:00');
    for (const [kind, rules] of [['subsidy', DEMO_SUBSIDY_RULES], ...Object.entries(DEMO_CARE_POLICIES)] as const) {
      await m.query('INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, ?, 1, ?, ?)', [street.id, kind, effectiveFrom, JSON.stringify(rules)]);
    }
    const login = SECOND_STREET_LOGINS[0];
    const operator = await m.getRepository(UserEntity).save({ openid: `dev:${login.name}`, nickname: login.name, roles: login.roles, elderId: null });
    await m.query('INSERT INTO operator_regions (user_id, region_id) VALUES (?, ?)', [operator.id, street.id]);
    return { added: true, streetId: street.id, operatorUserId: operator.id };
  });
}
