import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RedisClient } from '../common/redis/redis.module.js';
import { RedisRecovery } from '../common/redis/redis-recovery.service.js';
import { ProviderStaffEntity } from './entities/provider-staff.entity.js';

const GEO_KEY = 'geo:staff:on_duty';
/** Set when the GEO set was last filled from MariaDB; gone with Redis' data, so its absence means "rebuild". */
const BUILT_KEY = 'geo:staff:on_duty:built';

export interface NearbyStaff {
  staffId: string;
  distanceM: number;
}

/**
 * Positions of on-duty staff in a Redis GEO set. MariaDB keeps each one's last position too,
 * so the set can be rebuilt whenever Redis has lost it.
 */
@Injectable()
export class StaffPositions implements OnModuleInit {
  private readonly logger = new Logger('StaffPositions');
  private rebuilding: Promise<number> | null = null;

  constructor(
    private readonly redis: RedisClient,
    private readonly dataSource: DataSource,
    private readonly recovery: RedisRecovery,
  ) {}

  onModuleInit(): void {
    this.recovery.register({
      name: 'staff positions',
      intact: async () => (await this.redis.exists(BUILT_KEY)) === 1,
      restore: async () => void (await this.rebuild()),
    });
  }

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

  /**
   * On-duty staff within `radiusM` of a point, nearest first. A set that was never built or is
   * empty while MariaDB has staff on duty is Redis having lost it, not "nobody near": it is rebuilt
   * and searched again, so no order is escalated for it.
   */
  async near(lat: number, lng: number, radiusM: number, limit: number): Promise<NearbyStaff[]> {
    let found = await this.search(lat, lng, radiusM, limit);
    if (!found.built || (!found.exists && (await this.onDutyCount()) > 0)) {
      this.logger.warn({ msg: 'staff positions missing in Redis; rebuilding from MariaDB before searching', built: found.built });
      await this.rebuild();
      found = await this.search(lat, lng, radiusM, limit);
    }
    return found.rows.map(([staffId, dist]) => ({ staffId, distanceM: Math.round(Number(dist)) }));
  }

  private async search(lat: number, lng: number, radiusM: number, limit: number): Promise<{ built: boolean; exists: boolean; rows: [string, string][] }> {
    // One round trip: the two markers ride along with the search.
    const replies = await this.redis.pipeline()
      .exists(BUILT_KEY)
      .exists(GEO_KEY)
      .geosearch(GEO_KEY, 'FROMLONLAT', lng, lat, 'BYRADIUS', radiusM, 'm', 'ASC', 'COUNT', limit, 'WITHDIST')
      .exec();
    if (!replies) throw new Error('Redis pipeline aborted');
    for (const [err] of replies) if (err) throw err;
    return { built: replies[0][1] === 1, exists: replies[1][1] === 1, rows: replies[2][1] as [string, string][] };
  }

  private async onDutyCount(): Promise<number> {
    return this.dataSource.getRepository(ProviderStaffEntity).countBy({ onDuty: true });
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

  /**
   * Refills the set from MariaDB (at worker start, and whenever Redis has lost it). Built aside and
   * swapped in with RENAME, so a search never sees a half-filled or empty set; concurrent calls in
   * one process share one rebuild.
   */
  rebuild(): Promise<number> {
    this.rebuilding ??= this.fill().finally(() => {
      this.rebuilding = null;
    });
    return this.rebuilding;
  }

  private async fill(): Promise<number> {
    const staff = await this.dataSource.getRepository(ProviderStaffEntity).find({ where: { onDuty: true }, select: { id: true, lastLat: true, lastLng: true, homeLat: true, homeLng: true } });
    const building = `${GEO_KEY}:building:${randomUUID()}`;
    const args: (string | number)[] = [];
    for (const s of staff) args.push(s.lastLng ?? s.homeLng, s.lastLat ?? s.homeLat, s.id);
    try {
      for (let i = 0; i < args.length; i += 3000) await this.redis.geoadd(building, ...args.slice(i, i + 3000));
      const swap = this.redis.multi();
      if (staff.length) swap.rename(building, GEO_KEY);
      else swap.del(GEO_KEY);
      await swap.set(BUILT_KEY, new Date().toISOString()).exec();
    } finally {
      await this.redis.del(building).catch(() => undefined);
    }
    return staff.length;
  }
}
