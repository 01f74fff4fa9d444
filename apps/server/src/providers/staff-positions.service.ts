import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RedisClient } from '../common/redis/redis.module.js';
import { ProviderStaffEntity } from './entities/provider-staff.entity.js';

const GEO_KEY = 'geo:staff:on_duty';

export interface NearbyStaff {
  staffId: string;
  distanceM: number;
}

/**
 * Positions of on-duty staff in a Redis GEO set. MariaDB keeps each one's last position too,
 * so the set can be rebuilt whenever Redis has lost it.
 */
@Injectable()
export class StaffPositions {
  constructor(
    private readonly redis: RedisClient,
    private readonly dataSource: DataSource,
  ) {}

  async put(staffId: string, lat: number, lng: number): Promise<void> {
    await this.redis.geoadd(GEO_KEY, lng, lat, staffId);
  }

  async remove(staffId: string): Promise<void> {
    await this.redis.zrem(GEO_KEY, staffId);
  }

  async position(staffId: string): Promise<{ lat: number; lng: number } | null> {
    const [pos] = await this.redis.geopos(GEO_KEY, staffId);
    return pos ? { lng: Number(pos[0]), lat: Number(pos[1]) } : null;
  }

  /** On-duty staff within `radiusM` of a point, nearest first. */
  async near(lat: number, lng: number, radiusM: number, limit: number): Promise<NearbyStaff[]> {
    const rows = (await this.redis.geosearch(GEO_KEY, 'FROMLONLAT', lng, lat, 'BYRADIUS', radiusM, 'm', 'ASC', 'COUNT', limit, 'WITHDIST')) as [string, string][];
    return rows.map(([staffId, dist]) => ({ staffId, distanceM: Math.round(Number(dist)) }));
  }

  /**
   * The naive way, kept as the benchmark's baseline: a distance computed for every on-duty
   * staff row in SQL, no spatial index.
   */
  async nearBySqlScan(lat: number, lng: number, radiusM: number, limit: number): Promise<NearbyStaff[]> {
    const rows: { id: string; d: number }[] = await this.dataSource.query(
      `SELECT id, ST_Distance_Sphere(POINT(COALESCE(last_lng, home_lng), COALESCE(last_lat, home_lat)), POINT(?, ?)) AS d
         FROM provider_staff WHERE on_duty = 1 HAVING d <= ? ORDER BY d LIMIT ?`,
      [lng, lat, radiusM, limit],
    );
    return rows.map((r) => ({ staffId: r.id, distanceM: Math.round(Number(r.d)) }));
  }

  /** Refills the set from MariaDB (after a Redis restart, at worker start). */
  async rebuild(): Promise<number> {
    const staff = await this.dataSource.getRepository(ProviderStaffEntity).find({ where: { onDuty: true }, select: { id: true, lastLat: true, lastLng: true, homeLat: true, homeLng: true } });
    await this.redis.del(GEO_KEY);
    const args: (string | number)[] = [];
    for (const s of staff) args.push(s.lastLng ?? s.homeLng, s.lastLat ?? s.homeLat, s.id);
    for (let i = 0; i < args.length; i += 3000) await this.redis.geoadd(GEO_KEY, ...args.slice(i, i + 3000));
    return staff.length;
  }
}
