import {
  ErrorCode,
  EVALUATION_KIND_LABELS,
  gradeProvider,
  isGradingCriteria,
  PROVIDER_DOCUMENT_KIND_LABELS,
  type CreditRecordView,
  type EvaluationKind,
  type EvaluationView,
  type FilingChangeView,
  type FilingView,
  type GradingCriteria,
  type GradingView,
  type ProviderDocumentKind,
  type ProviderDocumentView,
  type ProviderRecordView,
  type ProviderKind,
  type ProviderStatus,
} from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { displayName, EXTENSIONS, requireDocument } from '../common/files/document-type.js';
import { FileStore } from '../common/files/file-store.js';
import { onDuplicateKey } from '../common/typeorm.js';
import { RegionsService } from '../regions/regions.service.js';
import { AuditService } from '../regulation/audit.service.js';
import { CreditService } from '../regulation/credit.service.js';
import type { GradeProviderDto, RecordEvaluationDto, UpdateFilingDto, UploadDocumentDto } from './dto/supervision.dto.js';
import { InspectionsService } from './inspections.service.js';
import { iso, json } from './json.js';
import { SupervisionAccess } from './supervision-access.service.js';

type FilingField = keyof Omit<FilingView, 'updatedAt'>;
const FILING_FIELDS: { field: FilingField; label: string }[] = [
  { field: 'licenceNo', label: '许可证号' },
  { field: 'licenceAuthority', label: '发证机关' },
  { field: 'insurer', label: '保险公司' },
  { field: 'insurancePolicyNo', label: '保单号' },
  { field: 'insuranceExpiresOn', label: '保险到期日' },
];

export interface UploadedFile {
  buffer: Buffer;
  size: number;
  originalname?: string;
}

/** 备案, documents, 等级评定, evaluations and credit of one provider. */
@Injectable()
export class ProviderRecordService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: SupervisionAccess,
    private readonly regions: RegionsService,
    private readonly credit: CreditService,
    private readonly files: FileStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly inspections: InspectionsService,
  ) {}

  async record(principal: Principal, providerId: string): Promise<ProviderRecordView> {
    const p = await this.access.requireProviderReader(principal, providerId);
    const isOperator = (await this.access.operatorRegionIds(principal)).includes(p.region_id);
    const staff: { id: string; name: string }[] = await this.dataSource.query('SELECT id, name FROM provider_staff WHERE provider_id = ? ORDER BY name', [providerId]);
    return {
      provider: { id: p.id, name: p.name, kind: p.kind as ProviderKind, regionId: p.region_id, address: p.address, status: p.status as ProviderStatus, recommended: !!p.recommended },
      filing: await this.filing(providerId, p.licence_no),
      filingHistory: await this.filingHistory(providerId),
      documents: await this.documents(providerId),
      gradings: await this.gradings(providerId),
      evaluations: await this.evaluations(providerId),
      inspections: await this.inspections.forProvider(providerId, !isOperator),
      credit: await this.credit.record('provider', providerId, p.name, p.region_id),
      staffCredit: await Promise.all(staff.map(async (s) => ({ staffId: s.id, name: s.name, score: await this.credit.creditOf('staff', s.id) }))),
    };
  }

  /** Every change to the 备案 keeps a history row: which fields, from what, to what, who, when. */
  async updateFiling(principal: Principal, providerId: string, dto: UpdateFilingDto): Promise<FilingView> {
    await this.access.requireOperatorProvider(principal, providerId);
    const now = this.clock.now();
    await onDuplicateKey(
      () =>
        this.dataSource.transaction(async (m) => {
          const [p] = await m.query('SELECT licence_no FROM providers WHERE id = ? FOR UPDATE', [providerId]);
          const before = await this.filing(providerId, p.licence_no, m);
          // A partial update: what was not sent keeps its value; null (or empty text) clears an insurance field.
          const sent = <T,>(value: T | null | undefined, current: T | null): T | null => (value === undefined ? current : value || null);
          const after: Omit<FilingView, 'updatedAt'> = {
            licenceNo: dto.licenceNo ?? before.licenceNo, licenceAuthority: dto.licenceAuthority ?? before.licenceAuthority,
            insurer: sent(dto.insurer, before.insurer), insurancePolicyNo: sent(dto.insurancePolicyNo, before.insurancePolicyNo),
            insuranceExpiresOn: sent(dto.insuranceExpiresOn, before.insuranceExpiresOn),
          };
          const changes = FILING_FIELDS.filter(({ field }) => before[field] !== after[field]).map(({ field, label }) => ({ field, label, from: before[field], to: after[field] }));
          if (changes.length === 0) return;
          if (after.licenceNo !== p.licence_no) await m.query('UPDATE providers SET licence_no = ? WHERE id = ?', [after.licenceNo, providerId]);
          await m.query(
            `INSERT INTO provider_filings (provider_id, licence_authority, insurer, insurance_policy_no, insurance_expires_on, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
             ON DUPLICATE KEY UPDATE licence_authority = VALUES(licence_authority), insurer = VALUES(insurer), insurance_policy_no = VALUES(insurance_policy_no),
               insurance_expires_on = VALUES(insurance_expires_on), updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)`,
            [providerId, after.licenceAuthority, after.insurer, after.insurancePolicyNo, after.insuranceExpiresOn, principal.userId, now],
          );
          await m.query('INSERT INTO provider_filing_changes (provider_id, changed_by, changes, changed_at) VALUES (?, ?, ?, ?)', [providerId, principal.userId, JSON.stringify(changes), now]);
          await this.audit.record(principal.userId, 'filing_updated', 'provider', providerId, m);
        }),
      () => new DomainError(ErrorCode.PROVIDER_LICENCE_TAKEN, '该许可证编号已登记', { fields: [{ field: 'licenceNo', message: '该许可证编号已登记' }] }),
    );
    const [p] = await this.dataSource.query('SELECT licence_no FROM providers WHERE id = ?', [providerId]);
    return this.filing(providerId, p.licence_no);
  }

  async uploadDocument(principal: Principal, providerId: string, dto: UploadDocumentDto, file: UploadedFile | undefined): Promise<ProviderDocumentView> {
    await this.access.requireProviderReader(principal, providerId);
    const mime = requireDocument(file);
    const id = randomUUID();
    const key = `${randomUUID()}.${EXTENSIONS[mime]}`;
    await this.files.put(key, file!.buffer);
    try {
      await this.dataSource.transaction(async (m) => {
        await m.query(
          `INSERT INTO provider_documents (id, provider_id, kind, title, file_key, file_name, mime_type, size_bytes, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [id, providerId, dto.kind, dto.title, key, displayName(utf8Name(file!.originalname), mime), mime, file!.size, principal.userId, this.clock.now()],
        );
        await this.audit.record(principal.userId, 'document_uploaded', 'provider', providerId, m);
      });
    } catch (err) {
      await this.files.remove(key);
      throw err;
    }
    return (await this.documents(providerId, id))[0];
  }

  async download(principal: Principal, providerId: string, documentId: string): Promise<{ data: Buffer; fileName: string; mimeType: string }> {
    await this.access.requireProviderReader(principal, providerId);
    const [doc] = await this.dataSource.query('SELECT file_key, file_name, mime_type FROM provider_documents WHERE id = ? AND provider_id = ?', [documentId, providerId]);
    const data = doc ? await this.files.get(doc.file_key) : null;
    if (!doc || !data) throw new DomainError(ErrorCode.NOT_FOUND, '未找到该材料');
    await this.audit.record(principal.userId, 'document_viewed', 'provider', providerId);
    return { data, fileName: doc.file_name, mimeType: doc.mime_type };
  }

  async listDocuments(principal: Principal, providerId: string): Promise<ProviderDocumentView[]> {
    await this.access.requireProviderReader(principal, providerId);
    return this.documents(providerId);
  }

  /** Scored against the region's `grading_criteria` policy in force today; the level follows from its thresholds. */
  async grade(principal: Principal, providerId: string, dto: GradeProviderDto): Promise<GradingView> {
    const p = await this.access.requireOperatorProvider(principal, providerId);
    const policy = await this.regions.policyInForce(p.region_id, 'grading_criteria', this.clock.now());
    if (!policy || !isGradingCriteria(policy.rules)) throw new DomainError(ErrorCode.CONFLICT, '本地区尚未发布等级评定标准（政策表 grading_criteria）');
    const criteria = policy.rules;
    const outcome = gradeProvider(criteria, dto.scores);
    if (outcome.problems.length) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `scores: ${outcome.problems[0].message}`, { fields: outcome.problems.map((x) => ({ field: `scores.${x.code}`, message: x.message })) });
    }
    const id = randomUUID();
    const scores = criteria.items.map((i) => ({ code: i.code, label: i.label, points: dto.scores[i.code], maxPoints: i.maxPoints }));
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO provider_gradings (id, provider_id, region_id, policy_version, scores, total_score, max_score, level, note, graded_by, graded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [id, providerId, p.region_id, policy.version, JSON.stringify(scores), outcome.totalScore, outcome.maxScore, outcome.level, dto.note ?? null, principal.userId, this.clock.now()],
      );
      await this.audit.record(principal.userId, 'provider_graded', 'provider', providerId, m);
    });
    return (await this.gradings(providerId)).find((g) => g.id === id)!;
  }

  /** The criteria a grading of this provider would be scored against today (inherited from the street if the community has none). */
  async gradingCriteria(principal: Principal, providerId: string): Promise<{ policyVersion: number; criteria: GradingCriteria } | null> {
    const p = await this.access.requireOperatorProvider(principal, providerId);
    const policy = await this.regions.policyInForce(p.region_id, 'grading_criteria', this.clock.now());
    return policy && isGradingCriteria(policy.rules) ? { policyVersion: policy.version, criteria: policy.rules } : null;
  }

  async recordEvaluation(principal: Principal, providerId: string, dto: RecordEvaluationDto): Promise<EvaluationView> {
    await this.access.requireOperatorProvider(principal, providerId);
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO provider_evaluations (id, provider_id, kind, evaluator, score, sample_size, summary, evaluated_on, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [id, providerId, dto.kind, dto.evaluator, dto.score, dto.sampleSize ?? null, dto.summary, dto.evaluatedOn, principal.userId, this.clock.now()],
      );
      await this.audit.record(principal.userId, 'evaluation_recorded', 'provider', providerId, m);
    });
    return (await this.evaluations(providerId)).find((e) => e.id === id)!;
  }

  async providerCredit(principal: Principal, providerId: string): Promise<CreditRecordView> {
    const p = await this.access.requireProviderReader(principal, providerId);
    return this.credit.record('provider', providerId, p.name, p.region_id);
  }

  async staffCredit(principal: Principal, staffId: string): Promise<CreditRecordView> {
    const [s] = await this.dataSource.query('SELECT id, name, provider_id FROM provider_staff WHERE id = ?', [staffId]);
    if (!s) throw new DomainError(ErrorCode.STAFF_NOT_FOUND, '未找到该服务人员');
    const p = await this.access.requireProviderReader(principal, s.provider_id).catch(() => {
      throw new DomainError(ErrorCode.STAFF_NOT_FOUND, '未找到该服务人员');
    });
    return this.credit.record('staff', staffId, s.name, p.region_id);
  }

  private async filing(providerId: string, licenceNo: string, m = this.dataSource.manager): Promise<FilingView> {
    const [f] = await m.query(
      `SELECT licence_authority, insurer, insurance_policy_no, DATE_FORMAT(insurance_expires_on, '%Y-%m-%d') AS insurance_expires_on, updated_at FROM provider_filings WHERE provider_id = ?`,
      [providerId],
    );
    return {
      licenceNo, licenceAuthority: f?.licence_authority ?? null, insurer: f?.insurer ?? null, insurancePolicyNo: f?.insurance_policy_no ?? null,
      insuranceExpiresOn: f?.insurance_expires_on ?? null, updatedAt: f ? iso(f.updated_at) : null,
    };
  }

  private async filingHistory(providerId: string): Promise<FilingChangeView[]> {
    const rows: { id: string; changed_by: string; nickname: string | null; changes: unknown; changed_at: Date }[] = await this.dataSource.query(
      'SELECT c.id, c.changed_by, u.nickname, c.changes, c.changed_at FROM provider_filing_changes c LEFT JOIN users u ON u.id = c.changed_by WHERE c.provider_id = ? ORDER BY c.id DESC',
      [providerId],
    );
    return rows.map((r) => ({ id: String(r.id), changedBy: r.changed_by, changedByName: r.nickname ?? '', changedAt: iso(r.changed_at)!, changes: json(r.changes) }));
  }

  private async documents(providerId: string, onlyId?: string): Promise<ProviderDocumentView[]> {
    const rows: { id: string; kind: ProviderDocumentKind; title: string; file_name: string; mime_type: string; size_bytes: number; nickname: string | null; created_at: Date }[] = await this.dataSource.query(
      `SELECT d.id, d.kind, d.title, d.file_name, d.mime_type, d.size_bytes, u.nickname, d.created_at FROM provider_documents d LEFT JOIN users u ON u.id = d.uploaded_by
        WHERE d.provider_id = ? ${onlyId ? 'AND d.id = ?' : ''} ORDER BY d.created_at DESC`,
      onlyId ? [providerId, onlyId] : [providerId],
    );
    return rows.map((d) => ({
      id: d.id, providerId, kind: d.kind, kindLabel: PROVIDER_DOCUMENT_KIND_LABELS[d.kind], title: d.title, fileName: d.file_name, mimeType: d.mime_type,
      sizeBytes: d.size_bytes, uploadedBy: d.nickname ?? '', uploadedAt: iso(d.created_at)!,
    }));
  }

  private async gradings(providerId: string): Promise<GradingView[]> {
    const rows: { id: string; policy_version: number; scores: unknown; total_score: string; max_score: string; level: string | null; note: string | null; nickname: string | null; graded_at: Date }[] =
      await this.dataSource.query(
        'SELECT g.*, u.nickname FROM provider_gradings g LEFT JOIN users u ON u.id = g.graded_by WHERE g.provider_id = ? ORDER BY g.graded_at DESC, g.id',
        [providerId],
      );
    return rows.map((g) => ({
      id: g.id, policyVersion: g.policy_version, scores: json(g.scores), totalScore: Number(g.total_score), maxScore: Number(g.max_score), level: g.level, note: g.note,
      gradedByName: g.nickname ?? '', gradedAt: iso(g.graded_at)!,
    }));
  }

  private async evaluations(providerId: string): Promise<EvaluationView[]> {
    const rows: { id: string; kind: EvaluationKind; evaluator: string; score: number; sample_size: number | null; summary: string; evaluated_on: string; created_at: Date }[] = await this.dataSource.query(
      `SELECT id, kind, evaluator, score, sample_size, summary, DATE_FORMAT(evaluated_on, '%Y-%m-%d') AS evaluated_on, created_at FROM provider_evaluations WHERE provider_id = ? ORDER BY evaluated_on DESC, created_at DESC`,
      [providerId],
    );
    return rows.map((e) => ({
      id: e.id, kind: e.kind, kindLabel: EVALUATION_KIND_LABELS[e.kind], evaluator: e.evaluator, score: e.score, sampleSize: e.sample_size, summary: e.summary,
      evaluatedOn: e.evaluated_on, recordedAt: iso(e.created_at)!,
    }));
  }
}

/** Multer reads multipart file names as latin1; browsers send UTF-8. */
function utf8Name(name: string | undefined): string | undefined {
  if (!name || /[^\u0000-\u00ff]/.test(name)) return name;
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}
