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

  async search(entityId?: string, userId?: string): Promise<AuditEntryView[]> {
    const where: string[] = [];
    const args: string[] = [];
    if (entityId) where.push('a.entity_id = ?'), args.push(entityId);
    if (userId) where.push('a.user_id = ?'), args.push(userId);
    const rows: { id: string; user_id: string; nickname: string | null; action: string; entity: string; entity_id: string; created_at: Date }[] = await this.dataSource.query(
      `SELECT a.*, u.nickname FROM audit_log a LEFT JOIN users u ON u.id = a.user_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT 200`,
      args,
    );
    return rows.map((r) => ({ id: String(r.id), userId: r.user_id, userName: r.nickname ?? '', action: r.action, entity: r.entity, entityId: r.entity_id, at: new Date(r.created_at).toISOString() }));
  }
}
