import type { AuditEntryView } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** Who saw or changed which sensitive record, when (PIPL: "log who saw it"). */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(userId: string, action: string, entity: string, entityId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query('INSERT INTO audit_log (user_id, action, entity, entity_id) VALUES (?, ?, ?, ?)', [userId, action, entity, entityId]);
  }

  /** Entries about records in the given regions only (an operator reads the log of their own 街道). */
  async search(regionIds: string[], entityId?: string, userId?: string): Promise<AuditEntryView[]> {
    if (regionIds.length === 0) return [];
    const inRegions = regionIds.map(() => '?').join(',');
    const where: string[] = [
      `(e.region_id IN (${inRegions}) OR p.region_id IN (${inRegions}) OR sp.region_id IN (${inRegions}) OR o.region_id IN (${inRegions}) OR co.region_id IN (${inRegions}) OR (a.entity = 'region' AND a.entity_id IN (${inRegions})))`,
    ];
    const args: string[] = [...regionIds, ...regionIds, ...regionIds, ...regionIds, ...regionIds, ...regionIds];
    if (entityId) where.push('a.entity_id = ?'), args.push(entityId);
    if (userId) where.push('a.user_id = ?'), args.push(userId);
    const rows: { id: string; user_id: string; nickname: string | null; action: string; entity: string; entity_id: string; created_at: Date }[] = await this.dataSource.query(
      `SELECT a.*, u.nickname FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
         LEFT JOIN elders e ON a.entity = 'elder' AND e.id = a.entity_id
         LEFT JOIN providers p ON a.entity = 'provider' AND p.id = a.entity_id
         LEFT JOIN provider_statements st ON a.entity = 'statement' AND st.id = a.entity_id LEFT JOIN providers sp ON sp.id = st.provider_id
         LEFT JOIN orders o ON a.entity = 'order' AND o.id = a.entity_id
         LEFT JOIN complaints c ON a.entity = 'complaint' AND c.id = a.entity_id LEFT JOIN orders co ON co.id = c.order_id
         WHERE ${where.join(' AND ')} ORDER BY a.id DESC LIMIT 200`,
      args,
    );
    return rows.map((r) => ({ id: String(r.id), userId: r.user_id, userName: r.nickname ?? '', action: r.action, entity: r.entity, entityId: r.entity_id, at: new Date(r.created_at).toISOString() }));
  }
}
