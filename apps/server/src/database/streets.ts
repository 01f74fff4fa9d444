import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { UserEntity } from '../auth/entities/user.entity.js';
import { RegionEntity } from '../regions/entities/region.entity.js';
import { EnvError } from '../config/env.js';

/** Which level a new region may sit under. */
const PARENT_LEVEL = { street: 'district', community: 'street' } as const;

export interface NewRegion {
  parentCode: string;
  code: string;
  name: string;
  level: 'street' | 'community';
  center: { lat: number; lng: number };
  population?: number;
}

/**
 * A deployment grows street by street: `pnpm --filter @carecircle/server region:add` puts a 街道 under its 区
 * (or a 社区 under its 街道). Its policy tables are then published by its operator in the console.
 */
export async function addRegion(dataSource: DataSource, input: NewRegion): Promise<RegionEntity> {
  const regions = dataSource.getRepository(RegionEntity);
  if (!/^[a-z0-9-]{2,32}$/.test(input.code)) throw new EnvError(`--code ${input.code}: 2–32 个小写字母、数字或 -`);
  if (!input.name.trim() || input.name.length > 60) throw new EnvError('--name: 请填写地区名称（最多 60 字）');
  if (!(input.level in PARENT_LEVEL)) throw new EnvError(`--level ${input.level}: 只能是 street（街道/镇）或 community（社区）`);
  const { lat, lng } = input.center;
  if (!(lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180)) throw new EnvError('--center: 应为 纬度,经度，例如 31.4395,120.9602');
  const parent = await regions.findOneBy({ code: input.parentCode });
  if (!parent) throw new EnvError(`--parent ${input.parentCode}: 没有这个地区`);
  if (parent.level !== PARENT_LEVEL[input.level]) throw new EnvError(`--parent ${input.parentCode}: ${input.level === 'street' ? '街道应在区之下' : '社区应在街道之下'}（它是 ${parent.level}）`);
  if (await regions.findOneBy({ code: input.code })) throw new EnvError(`--code ${input.code}: 已有这个地区`);
  return regions.save({ id: randomUUID(), code: input.code, name: input.name.trim(), level: input.level, parentId: parent.id, centerLat: lat, centerLng: lng, population: input.population ?? null });
}

/**
 * Makes the WeChat user with this openid an operator of a region (and every region under it). The user need not have
 * logged in yet: the account is created and their first login lands in the console's region.
 */
export async function grantOperator(dataSource: DataSource, input: { openid: string; regionCode: string; nickname?: string }): Promise<{ userId: string; regionId: string }> {
  if (!/^[\w:-]{6,64}$/.test(input.openid)) throw new EnvError(`--openid ${input.openid}: 不是有效的微信 openid`);
  const region = await dataSource.getRepository(RegionEntity).findOneBy({ code: input.regionCode });
  if (!region) throw new EnvError(`--region ${input.regionCode}: 没有这个地区`);
  return dataSource.transaction(async (m) => {
    const users = m.getRepository(UserEntity);
    let user = await users.findOneBy({ openid: input.openid });
    if (!user) user = await users.save({ openid: input.openid, nickname: input.nickname ?? '街道运营', roles: ['operator'], elderId: null });
    else if (!user.roles.includes('operator')) await users.update({ id: user.id }, { roles: [...user.roles, 'operator'] });
    await m.query('INSERT IGNORE INTO operator_regions (user_id, region_id) VALUES (?, ?)', [user.id, region.id]);
    return { userId: user.id, regionId: region.id };
  });
}
