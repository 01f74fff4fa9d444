import { ErrorCode, SERVICE_LABELS, type ComplaintStatus, type ComplaintView, type ServiceCode } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { AuditService } from './audit.service.js';
import { CreditService } from './credit.service.js';
import { OperatorScope } from './operator-scope.service.js';

const STATUS_LABELS: Record<ComplaintStatus, string> = { received: '已受理', investigating: '调查中', resolved: '已查实处理', rejected: '未查实' };

/** Complaints against an order: handled by the operator with a reply the family sees, and a credit effect. */
@Injectable()
export class ComplaintsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: OperatorScope,
    private readonly credit: CreditService,
    private readonly audit: AuditService,
  ) {}

  async file(principal: Principal, orderId: string, text: string): Promise<ComplaintView> {
    const [order] = await this.dataSource.query(
      'SELECT o.id, o.household_id, o.provider_id, o.staff_id FROM orders o JOIN household_members m ON m.household_id = o.household_id AND m.user_id = ? WHERE o.id = ?',
      [principal.userId, orderId],
    );
    if (!order) throw new DomainError(ErrorCode.ORDER_NOT_FOUND, '未找到该订单');
    const id = randomUUID();
    await this.dataSource.query(
      `INSERT INTO complaints (id, order_id, household_id, provider_id, staff_id, filed_by, text, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'received')`,
      [id, order.id, order.household_id, order.provider_id, order.staff_id, principal.userId, text],
    );
    return this.view(id);
  }

  async mine(principal: Principal): Promise<ComplaintView[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT c.id FROM complaints c JOIN household_members m ON m.household_id = c.household_id AND m.user_id = ? ORDER BY c.created_at DESC',
      [principal.userId],
    );
    return Promise.all(rows.map((r) => this.view(r.id)));
  }

  async list(principal: Principal, status?: string): Promise<ComplaintView[]> {
    const regions = await this.scope.regionIds(principal.userId);
    if (regions.length === 0) return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT c.id FROM complaints c JOIN orders o ON o.id = c.order_id WHERE o.region_id IN (${regions.map(() => '?').join(',')}) ${status ? 'AND c.status = ?' : ''} ORDER BY c.created_at`,
      status ? [...regions, status] : regions,
    );
    return Promise.all(rows.map((r) => this.view(r.id)));
  }

  /**
   * A confirmed complaint (resolved) takes points off the provider's and the staff member's credit,
   * once; a provider that falls below the region's threshold is suspended from dispatch.
   */
  async handle(principal: Principal, id: string, status: ComplaintStatus, reply: string | undefined, creditPoints: number | undefined): Promise<ComplaintView> {
    const regions = await this.scope.regionIds(principal.userId);
    const [c] = await this.dataSource.query('SELECT c.*, o.region_id FROM complaints c JOIN orders o ON o.id = c.order_id WHERE c.id = ?', [id]);
    if (!c || !regions.includes(c.region_id)) throw new DomainError(ErrorCode.NOT_FOUND, '未找到该投诉');
    if (c.status === 'resolved' || c.status === 'rejected') throw new DomainError(ErrorCode.CONFLICT, '该投诉已办结');
    if ((status === 'resolved' || status === 'rejected') && !reply) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'reply: 办结时请填写给家属的答复', { fields: [{ field: 'reply', message: '请填写答复' }] });
    await this.dataSource.transaction(async (m) => {
      const points = status === 'resolved' ? creditPoints ?? 0 : 0;
      await m.query('UPDATE complaints SET status = ?, reply = ?, credit_points = ?, handled_by = ? WHERE id = ?', [status, reply ?? null, points, principal.userId, id]);
      await this.audit.record(principal.userId, `complaint_${status}`, 'complaint', id, m);
      if (points > 0) {
        if (c.provider_id) await this.credit.deduct(m, 'provider', c.provider_id, points, `投诉查实：${String(c.text).slice(0, 60)}`, id, c.region_id);
        if (c.staff_id) await this.credit.deduct(m, 'staff', c.staff_id, points, `投诉查实：${String(c.text).slice(0, 60)}`, id, c.region_id);
      }
    });
    return this.view(id);
  }

  private async view(id: string): Promise<ComplaintView> {
    const [c] = await this.dataSource.query(
      `SELECT c.*, o.service_code, e.name AS elder_name, p.name AS provider_name, s.name AS staff_name FROM complaints c JOIN orders o ON o.id = c.order_id
         JOIN elders e ON e.id = o.elder_id LEFT JOIN providers p ON p.id = c.provider_id LEFT JOIN provider_staff s ON s.id = c.staff_id WHERE c.id = ?`,
      [id],
    );
    return {
      id: c.id, orderId: c.order_id, serviceName: SERVICE_LABELS[c.service_code as ServiceCode], elderName: c.elder_name, providerName: c.provider_name, staffName: c.staff_name,
      text: c.text, status: c.status, statusLabel: STATUS_LABELS[c.status as ComplaintStatus], reply: c.reply, creditPoints: c.credit_points,
      createdAt: new Date(c.created_at).toISOString(), updatedAt: new Date(c.updated_at).toISOString(),
    };
  }
}
