import {
  CARE_CERTIFICATES,
  CERTIFICATE_EXPIRY_WARNING_DAYS,
  CERTIFICATE_LABELS,
  shanghaiDate,
  type CertificateType,
  type ExpiringCertificateView,
  type ProviderQualificationRow,
  type ProviderQualificationView,
  type QualificationSummaryView,
  type QualificationTotals,
  type StaffQualificationView,
} from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { calendarDay } from '../common/typeorm.js';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { RegionsService } from '../regions/regions.service.js';
import { OperatorScope } from '../regulation/operator-scope.service.js';
import { preJobPassedSql } from './pre-job-training.js';
import { TrainingAccess } from './training-access.service.js';

export interface StaffQualificationRecord {
  id: string;
  name: string;
  providerName: string;
  providerKind: string;
  regionId: string;
  /** The last expiry among care certificates valid on the date, YYYY-MM-DD; null without one. */
  certifiedUntil: string | null;
  /** Passed a 岗前培训 held on or before the date. */
  trained: boolean;
}

export interface QualificationRates {
  onDate: string;
  totals: QualificationTotals;
  providers: ProviderQualificationRow[];
}

const CARE_CERTS = CARE_CERTIFICATES.map((c) => `'${c}'`).join(',');

/** A certificate of care work valid on `?` (the date), for staff column `s.id`. */
const CERTIFIED_SQL = `EXISTS (SELECT 1 FROM staff_certificates c WHERE c.staff_id = s.id AND c.type IN (${CARE_CERTS}) AND c.expires_on >= ?)`;
/** A 岗前培训 passed on or before `?` (the date). */
const TRAINED_SQL = preJobPassedSql('s.id', true);

/**
 * 持证上岗率 and 岗前培训率 per provider. Volunteers of the 时间银行 count in neither: they are not
 * 护理人员 and need neither a certificate nor the pre-job training. Only approved providers count,
 * as in the other indicators: a pending provider's staff do not work yet.
 */
@Injectable()
export class QualificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: TrainingAccess,
    private readonly scope: OperatorScope,
    private readonly regions: RegionsService,
    private readonly clock: Clock,
  ) {}

  /** For the KPI summary: figures over the given regions (already resolved to their subtree) on a date. */
  async rates(regionIds: string[], onDate: string): Promise<QualificationRates> {
    if (regionIds.length === 0) return { onDate, totals: totalsOf([]), providers: [] };
    const rows: RateRow[] = await this.dataSource.query(
      `SELECT p.id, p.name, p.kind, p.region_id,
              COUNT(s.id) AS staff,
              COALESCE(SUM(s.id IS NOT NULL AND ${TRAINED_SQL}), 0) AS trained,
              COALESCE(SUM(p.kind = 'home_care' AND s.id IS NOT NULL), 0) AS care_staff,
              COALESCE(SUM(p.kind = 'home_care' AND s.id IS NOT NULL AND ${CERTIFIED_SQL}), 0) AS certified
         FROM providers p LEFT JOIN provider_staff s ON s.provider_id = p.id AND s.is_volunteer = 0
        WHERE p.status = 'approved' AND p.region_id IN (${regionIds.map(() => '?').join(',')})
        GROUP BY p.id, p.name, p.kind, p.region_id
        ORDER BY p.kind, p.name`,
      [onDate, onDate, ...regionIds],
    );
    const providers = rows.map(toRow);
    return { onDate, totals: totalsOf(providers), providers };
  }

  /**
   * Each counted staff member with what they hold on a date: the records behind the two KPI figures
   * (the same rules as `rates`: approved providers, no volunteers; certificates count for home care).
   */
  async staffRecords(regionIds: string[], onDate: string): Promise<StaffQualificationRecord[]> {
    if (regionIds.length === 0) return [];
    const rows: { id: string; name: string; provider: string; kind: string; region_id: string; certified_until: string | Date | null; trained: number | string }[] = await this.dataSource.query(
      `SELECT s.id, s.name, p.name AS provider, p.kind, p.region_id,
              (SELECT MAX(c.expires_on) FROM staff_certificates c WHERE c.staff_id = s.id AND c.type IN (${CARE_CERTS}) AND c.expires_on >= ?) AS certified_until,
              ${TRAINED_SQL} AS trained
         FROM provider_staff s JOIN providers p ON p.id = s.provider_id
        WHERE p.status = 'approved' AND s.is_volunteer = 0 AND p.region_id IN (${regionIds.map(() => '?').join(',')})
        ORDER BY p.name, s.name`,
      [onDate, onDate, ...regionIds],
    );
    return rows.map((r) => ({
      id: r.id, name: r.name, providerName: r.provider, providerKind: r.kind, regionId: r.region_id, trained: Number(r.trained) === 1,
      certifiedUntil: r.certified_until === null ? null : calendarDay(r.certified_until),
    }));
  }

  /** The operator's page: the region's figures against its targets and the certificates about to lapse. */
  async summary(principal: Principal, regionId: string, onDate?: string): Promise<QualificationSummaryView> {
    await this.scope.requireRegion(principal.userId, regionId);
    const day = onDate ?? shanghaiDate(this.clock.now());
    const ids = await this.regions.subtreeIds([regionId]);
    const { totals, providers } = await this.rates(ids, day);
    const targets = ((await this.regions.policyInForce(regionId, 'kpi_targets', this.clock.now()))?.rules ?? {}) as Record<string, number | undefined>;
    return {
      onDate: day,
      totals,
      targets: { certifiedRate: targets.certified_rate ?? null, preJobTrainedRate: targets.pre_job_training_rate ?? null },
      providers,
      expiring: await this.expiring(`p.region_id IN (${ids.map(() => '?').join(',')})`, ids, day),
    };
  }

  /** One provider's staff, for its admin or an operator of its region: who lacks what. */
  async provider(principal: Principal, providerId: string, onDate?: string): Promise<ProviderQualificationView> {
    const provider = await this.access.requireProvider(await this.access.viewer(principal), providerId);
    const day = onDate ?? shanghaiDate(this.clock.now());
    const staffRows: { id: string; name: string; is_volunteer: number; certified: string; trained: string }[] = await this.dataSource.query(
      `SELECT s.id, s.name, s.is_volunteer, ${CERTIFIED_SQL} AS certified, ${TRAINED_SQL} AS trained
         FROM provider_staff s WHERE s.provider_id = ? ORDER BY s.created_at, s.name`,
      [day, day, providerId],
    );
    const certs: { staff_id: string; type: CertificateType; number: string; expires_on: string }[] = staffRows.length
      ? await this.dataSource.query(`SELECT staff_id, type, number, DATE_FORMAT(expires_on, '%Y-%m-%d') AS expires_on FROM staff_certificates WHERE staff_id IN (${staffRows.map(() => '?').join(',')}) ORDER BY expires_on DESC`, staffRows.map((s) => s.id))
      : [];
    const staff: StaffQualificationView[] = staffRows.map((s) => ({
      staffId: s.id,
      staffName: s.name,
      careStaff: provider.kind === 'home_care' && !Number(s.is_volunteer),
      isVolunteer: !!Number(s.is_volunteer),
      certifiedOnDate: !!Number(s.certified),
      preJobTrained: !!Number(s.trained),
      certificates: certs.filter((c) => c.staff_id === s.id).map((c) => ({ type: c.type, typeLabel: CERTIFICATE_LABELS[c.type] ?? c.type, number: c.number, expiresOn: c.expires_on })),
    }));
    const counted = staff.filter((s) => !s.isVolunteer);
    const care = staff.filter((s) => s.careStaff);
    const row = toRow({
      id: provider.id, name: provider.name, kind: provider.kind, region_id: provider.region_id,
      staff: String(counted.length), trained: String(counted.filter((s) => s.preJobTrained).length),
      care_staff: String(care.length), certified: String(care.filter((s) => s.certifiedOnDate).length),
    });
    return {
      onDate: day,
      row,
      staff,
      missingCertificate: care.filter((s) => !s.certifiedOnDate),
      missingPreJobTraining: counted.filter((s) => !s.preJobTrained),
      expiring: await this.expiring('p.id = ?', [providerId], day),
    };
  }

  /** Care certificates valid on `day` that lapse within the warning window. */
  private async expiring(where: string, params: string[], day: string): Promise<ExpiringCertificateView[]> {
    const until = addDays(day, CERTIFICATE_EXPIRY_WARNING_DAYS);
    const rows: { staff_id: string; staff_name: string; provider_id: string; provider_name: string; type: CertificateType; number: string; expires_on: string }[] =
      await this.dataSource.query(
        `SELECT s.id AS staff_id, s.name AS staff_name, p.id AS provider_id, p.name AS provider_name, c.type, c.number, DATE_FORMAT(c.expires_on, '%Y-%m-%d') AS expires_on
           FROM staff_certificates c JOIN provider_staff s ON s.id = c.staff_id JOIN providers p ON p.id = s.provider_id
          WHERE ${where} AND c.type IN (${CARE_CERTS}) AND c.expires_on >= ? AND c.expires_on <= ?
          ORDER BY c.expires_on, s.name LIMIT 500`,
        [...params, day, until],
      );
    return rows.map((r) => {
      const expiresOn = r.expires_on;
      return {
        staffId: r.staff_id, staffName: r.staff_name, providerId: r.provider_id, providerName: r.provider_name,
        type: r.type, typeLabel: CERTIFICATE_LABELS[r.type] ?? r.type, number: r.number, expiresOn, daysLeft: daysBetween(day, expiresOn),
      };
    });
  }
}

interface RateRow {
  id: string;
  name: string;
  kind: string;
  region_id: string;
  staff: string;
  trained: string;
  care_staff: string;
  certified: string;
}

function rate(n: number, d: number): number | null {
  return d ? Math.round((n / d) * 10_000) / 10_000 : null;
}

function toRow(r: RateRow): ProviderQualificationRow {
  const careStaff = Number(r.care_staff);
  const certified = Number(r.certified);
  const staff = Number(r.staff);
  const preJobTrained = Number(r.trained);
  return {
    providerId: r.id, providerName: r.name, providerKind: r.kind, regionId: r.region_id,
    careStaff, certified, certifiedRate: rate(certified, careStaff), staff, preJobTrained, preJobTrainedRate: rate(preJobTrained, staff),
  };
}

function totalsOf(rows: ProviderQualificationRow[]): QualificationTotals {
  const sum = (k: 'careStaff' | 'certified' | 'staff' | 'preJobTrained') => rows.reduce((s, r) => s + r[k], 0);
  return {
    careStaff: sum('careStaff'), certified: sum('certified'), certifiedRate: rate(sum('certified'), sum('careStaff')),
    staff: sum('staff'), preJobTrained: sum('preJobTrained'), preJobTrainedRate: rate(sum('preJobTrained'), sum('staff')),
  };
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
