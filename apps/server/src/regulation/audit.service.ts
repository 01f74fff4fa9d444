import { auditActionLabel, maskName, SERVICE_LABELS, type AuditEntryView, type AuditQuery, type ServiceCode } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

const PAGE_SIZE = 200;

interface AuditRow {
  id: string;
  user_id: string;
  nickname: string | null;
  action: string;
  entity: string;
  entity_id: string;
  created_at: Date;
  elder_name: string | null;
  provider_name: string | null;
  statement_provider: string | null;
  statement_month: string | null;
  order_service: string | null;
  complaint_service: string | null;
  region_name: string | null;
}

/** Who saw or changed which sensitive record, when (PIPL: "log who saw it"). */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(userId: string, action: string, entity: string, entityId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query('INSERT INTO audit_log (user_id, action, entity, entity_id) VALUES (?, ?, ?, ?)', [userId, action, entity, entityId]);
  }

  /** Entries about records in the given regions only (an operator reads the log of their own 街道), newest first, a page at a time. */
  async search(regionIds: string[], query: AuditQuery = {}): Promise<AuditEntryView[]> {
    if (regionIds.length === 0) return [];
    const inRegions = regionIds.map(() => '?').join(',');
    const where: string[] = [
      `(e.region_id IN (${inRegions}) OR p.region_id IN (${inRegions}) OR sp.region_id IN (${inRegions}) OR o.region_id IN (${inRegions}) OR co.region_id IN (${inRegions}) OR (a.entity = 'region' AND a.entity_id IN (${inRegions})))`,
    ];
    const args: unknown[] = Array.from({ length: 6 }, () => regionIds).flat();
    const filter = (sql: string, value: unknown) => {
      where.push(sql);
      args.push(value);
    };
    if (query.entityId) filter('a.entity_id = ?', query.entityId);
    if (query.entity) filter('a.entity = ?', query.entity);
    if (query.action) filter('a.action LIKE ?', `${query.action.replace(/[%_\\]/g, '\\$&')}%`);
    if (query.userName) filter('u.nickname LIKE ?', `%${query.userName.replace(/[%_\\]/g, '\\$&')}%`);
    if (query.from) filter('a.created_at >= ?', new Date(`${query.from}T00:00:00+08:00`));
    if (query.to) filter('a.created_at < ?', new Date(new Date(`${query.to}T00:00:00+08:00`).getTime() + 86_400_000));
    if (query.beforeId) filter('a.id < ?', query.beforeId);
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT a.id, a.user_id, a.action, a.entity, a.entity_id, a.created_at, u.nickname,
              e.name AS elder_name, p.name AS provider_name, sp.name AS statement_provider, st.month AS statement_month,
              o.service_code AS order_service, co.service_code AS complaint_service, r.name AS region_name
         FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
         LEFT JOIN elders e ON a.entity = 'elder' AND e.id = a.entity_id
         LEFT JOIN providers p ON a.entity = 'provider' AND p.id = a.entity_id
         LEFT JOIN provider_statements st ON a.entity = 'statement' AND st.id = a.entity_id LEFT JOIN providers sp ON sp.id = st.provider_id
         LEFT JOIN orders o ON a.entity = 'order' AND o.id = a.entity_id
         LEFT JOIN complaints c ON a.entity = 'complaint' AND c.id = a.entity_id LEFT JOIN orders co ON co.id = c.order_id
         LEFT JOIN regions r ON a.entity = 'region' AND r.id = a.entity_id
         WHERE ${where.join(' AND ')} ORDER BY a.id DESC LIMIT ${PAGE_SIZE}`,
      args,
    );
    return rows.map((r) => ({
      id: String(r.id),
      userId: r.user_id,
      userName: r.nickname ?? '',
      action: r.action,
      actionLabel: auditActionLabel(r.action),
      entity: r.entity,
      entityId: r.entity_id,
      subject: subjectOf(r),
      at: new Date(r.created_at).toISOString(),
    }));
  }
}

function subjectOf(r: AuditRow): string | null {
  const service = (code: string | null) => (code ? SERVICE_LABELS[code as ServiceCode] ?? code : null);
  switch (r.entity) {
    case 'elder':
      return r.elder_name ? maskName(r.elder_name) : null;
    case 'provider':
      return r.provider_name;
    case 'statement':
      return r.statement_provider ? `${r.statement_provider} ${r.statement_month}` : null;
    case 'order':
      return service(r.order_service);
    case 'complaint':
      return r.complaint_service ? `${service(r.complaint_service)}的投诉` : null;
    case 'region':
      return r.region_name;
    default:
      return null;
  }
}
