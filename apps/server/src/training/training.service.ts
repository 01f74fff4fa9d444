import {
  ErrorCode,
  shanghaiDate,
  TRAINING_KIND_LABELS,
  type TrainingAttendeeView,
  type TrainingKind,
  type TrainingSessionDetailView,
  type TrainingSessionView,
} from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RegionsService } from '../regions/regions.service.js';
import { AuditService } from '../regulation/audit.service.js';
import type { CreateTrainingSessionDto, RecordAttendanceDto, SessionsQueryDto } from './dto/training.dto.js';
import { TrainingAccess, type TrainingViewer } from './training-access.service.js';

interface SessionRow {
  id: string;
  title: string;
  kind: TrainingKind;
  held_on: string;
  hours: string;
  region_id: string;
  organiser_region_id: string | null;
  organiser_provider_id: string | null;
  organiser_name: string;
  attended: string;
  passed: string;
}

const SESSION_SELECT = `SELECT ts.id, ts.title, ts.kind, DATE_FORMAT(ts.held_on, '%Y-%m-%d') AS held_on, ts.hours, ts.region_id,
       ts.organiser_region_id, ts.organiser_provider_id, COALESCE(op.name, r.name) AS organiser_name,
       (SELECT COUNT(*) FROM training_attendance a WHERE a.session_id = ts.id) AS attended,
       (SELECT COUNT(*) FROM training_attendance a WHERE a.session_id = ts.id AND a.passed = 1) AS passed
  FROM training_sessions ts
  LEFT JOIN providers op ON op.id = ts.organiser_provider_id
  LEFT JOIN regions r ON r.id = ts.organiser_region_id`;

const notFound = () => new DomainError(ErrorCode.NOT_FOUND, '未找到该培训');

/**
 * Training sessions (岗前培训 / 在岗培训) and who attended and passed them. A 街道 operator
 * organises sessions for the providers of their regions; a provider admin for their own staff.
 */
@Injectable()
export class TrainingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: TrainingAccess,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(principal: Principal, dto: CreateTrainingSessionDto): Promise<TrainingSessionDetailView> {
    const viewer = await this.access.viewer(principal);
    if (!!dto.organiserRegionId === !!dto.organiserProviderId) {
      const message = '请选择组织方：街道（地区）或机构，二选一';
      throw new DomainError(ErrorCode.VALIDATION_FAILED, message, { fields: [{ field: 'organiserRegionId', message }] });
    }
    let regionId: string;
    if (dto.organiserRegionId) {
      if (!viewer.regionIds.includes(dto.organiserRegionId)) throw new DomainError(ErrorCode.REGION_NOT_FOUND, '不在您负责的地区范围内');
      regionId = dto.organiserRegionId;
    } else {
      regionId = (await this.access.requireProvider(viewer, dto.organiserProviderId!)).region_id;
    }
    const id = randomUUID();
    await this.dataSource.query(
      `INSERT INTO training_sessions (id, title, kind, held_on, hours, region_id, organiser_region_id, organiser_provider_id, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, dto.title, dto.kind, dto.heldOn, dto.hours, regionId, dto.organiserRegionId ?? null, dto.organiserProviderId ?? null, principal.userId, this.clock.now()],
    );
    await this.audit.record(principal.userId, 'training_session_create', ...auditSubject({ region_id: regionId, organiser_provider_id: dto.organiserProviderId ?? null }));
    return this.get(principal, id);
  }

  async list(principal: Principal, query: SessionsQueryDto): Promise<TrainingSessionView[]> {
    const viewer = await this.access.viewer(principal);
    const { sql, params } = this.visibleSessions(viewer);
    const filters: string[] = [];
    const filterParams: string[] = [];
    if (query.kind) {
      filters.push('ts.kind = ?');
      filterParams.push(query.kind);
    }
    if (query.providerId) {
      await this.access.requireProvider(viewer, query.providerId);
      filters.push(`(ts.organiser_provider_id = ? OR EXISTS (SELECT 1 FROM training_attendance a JOIN provider_staff s ON s.id = a.staff_id WHERE a.session_id = ts.id AND s.provider_id = ?))`);
      filterParams.push(query.providerId, query.providerId);
    }
    const rows: SessionRow[] = await this.dataSource.query(
      `${SESSION_SELECT} WHERE ${sql}${filters.map((f) => ` AND ${f}`).join('')} ORDER BY ts.held_on DESC, ts.created_at DESC LIMIT 200`,
      [...params, ...filterParams],
    );
    return rows.map(toSessionView);
  }

  async get(principal: Principal, sessionId: string): Promise<TrainingSessionDetailView> {
    const viewer = await this.access.viewer(principal);
    const session = await this.requireSession(viewer, sessionId);
    return { ...toSessionView(session), attendees: await this.attendees(viewer, session) };
  }

  /**
   * Records who attended and whether they passed. Only the organiser's side records: an operator
   * of the session's region, or the admin of the provider that ran it. A pass cannot be recorded
   * before the session has been held.
   */
  async recordAttendance(principal: Principal, sessionId: string, dto: RecordAttendanceDto): Promise<TrainingSessionDetailView> {
    const viewer = await this.access.viewer(principal);
    const session = await this.requireSession(viewer, sessionId);
    const organiser = session.organiser_provider_id ? viewer.adminOf.includes(session.organiser_provider_id) || viewer.regionIds.includes(session.region_id) : viewer.regionIds.includes(session.region_id);
    if (!organiser) throw notFound();
    if (dto.records.some((r) => r.passed) && session.held_on > shanghaiDate(this.clock.now())) {
      throw new DomainError(ErrorCode.CONFLICT, `培训在 ${session.held_on} 举行，举行后才能登记通过`);
    }
    const eligible = new Set((await this.attendees(viewer, session)).map((a) => a.staffId));
    const unknown = dto.records.filter((r) => !eligible.has(r.staffId));
    if (unknown.length) {
      throw new DomainError(ErrorCode.STAFF_NOT_FOUND, '名单中有不属于本次培训范围的服务人员', { staffIds: unknown.map((u) => u.staffId) });
    }
    const now = this.clock.now();
    await this.dataSource.transaction(async (m) => {
      for (const r of dto.records) {
        await m.query(
          `INSERT INTO training_attendance (session_id, staff_id, passed, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)
           ON DUPLICATE KEY UPDATE passed = VALUES(passed), recorded_by = VALUES(recorded_by), recorded_at = VALUES(recorded_at)`,
          [sessionId, r.staffId, r.passed ? 1 : 0, principal.userId, now],
        );
      }
    });
    await this.audit.record(principal.userId, 'training_attendance', ...auditSubject(session));
    return this.get(principal, sessionId);
  }

  /** Sessions of the viewer's regions, run by their providers, or attended by their staff. */
  private visibleSessions(viewer: TrainingViewer): { sql: string; params: string[] } {
    const parts: string[] = [];
    const params: string[] = [];
    if (viewer.regionIds.length) {
      parts.push(`ts.region_id IN (${viewer.regionIds.map(() => '?').join(',')})`);
      params.push(...viewer.regionIds);
    }
    if (viewer.adminOf.length) {
      const inList = viewer.adminOf.map(() => '?').join(',');
      parts.push(`ts.organiser_provider_id IN (${inList})`);
      parts.push(`EXISTS (SELECT 1 FROM training_attendance a JOIN provider_staff s ON s.id = a.staff_id WHERE a.session_id = ts.id AND s.provider_id IN (${inList}))`);
      params.push(...viewer.adminOf, ...viewer.adminOf);
    }
    return { sql: parts.length ? `(${parts.join(' OR ')})` : '1 = 0', params };
  }

  private async requireSession(viewer: TrainingViewer, sessionId: string): Promise<SessionRow> {
    const { sql, params } = this.visibleSessions(viewer);
    const [row]: SessionRow[] = await this.dataSource.query(`${SESSION_SELECT} WHERE ts.id = ? AND ${sql}`, [sessionId, ...params]);
    if (!row) throw notFound();
    return row;
  }

  /**
   * Who may attend, as far as the viewer may see them: a provider's session is for its own
   * staff; a region's session for the staff of every provider in that region and below.
   */
  private async attendees(viewer: TrainingViewer, session: SessionRow): Promise<TrainingAttendeeView[]> {
    const visible = this.access.visibleProviders(viewer);
    let scopeSql: string;
    let scopeParams: string[];
    if (session.organiser_provider_id) {
      scopeSql = 'p.id = ?';
      scopeParams = [session.organiser_provider_id];
    } else {
      const ids = await this.regions.subtreeIds([session.region_id]);
      scopeSql = `p.region_id IN (${ids.map(() => '?').join(',')})`;
      scopeParams = ids;
    }
    const rows: { staff_id: string; staff_name: string; provider_id: string; provider_name: string; passed: number | null }[] = await this.dataSource.query(
      `SELECT s.id AS staff_id, s.name AS staff_name, p.id AS provider_id, p.name AS provider_name, a.passed
         FROM provider_staff s JOIN providers p ON p.id = s.provider_id
         LEFT JOIN training_attendance a ON a.session_id = ? AND a.staff_id = s.id
        WHERE ${scopeSql} AND ${visible.sql}
        ORDER BY p.name, s.name LIMIT 2000`,
      [session.id, ...scopeParams, ...visible.params],
    );
    return rows.map((r) => ({ staffId: r.staff_id, staffName: r.staff_name, providerId: r.provider_id, providerName: r.provider_name, passed: r.passed === null ? null : !!Number(r.passed) }));
  }
}

/** Logged against the organising provider or region, so the 街道's audit log (scoped by region) shows it. */
function auditSubject(s: Pick<SessionRow, 'region_id' | 'organiser_provider_id'>): [entity: string, entityId: string] {
  return s.organiser_provider_id ? ['provider', s.organiser_provider_id] : ['region', s.region_id];
}

function toSessionView(r: SessionRow): TrainingSessionView {
  return {
    id: r.id, title: r.title, kind: r.kind, kindLabel: TRAINING_KIND_LABELS[r.kind] ?? r.kind, heldOn: r.held_on, hours: Number(r.hours),
    organiserRegionId: r.organiser_region_id, organiserProviderId: r.organiser_provider_id, organiserName: r.organiser_name ?? '',
    attended: Number(r.attended), passed: Number(r.passed),
  };
}
