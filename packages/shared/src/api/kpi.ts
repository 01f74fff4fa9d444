import type { SubsidyCategory } from '../enums/elder.js';
import type { KpiIndicatorView } from './operator.js';

/**
 * Scale used by every KPI API: a percentage indicator (unit '%') carries a fraction 0–1 in
 * `value` and `target` (0.934 = 93.4 %); other units are plain numbers. Clients multiply by 100
 * to show a percentage.
 */
export const KPI_PERCENT_SCALE = 'fraction' as const;

/** Version of the upward-reporting export (JSON `schemaVersion`, CSV header comment); see docs/kpi-export.md. */
export const KPI_EXPORT_SCHEMA_VERSION = '1.0';

/** Reference data of one region for one year: the denominators of per-population indicators. */
export interface RegionFiguresView {
  regionId: string;
  regionName: string;
  regionLevel: string;
  year: number;
  residents: number | null;
  elderly60: number | null;
  children0to3: number | null;
}

export interface RegionFiguresInput {
  residents: number | null;
  elderly60: number | null;
  children0to3: number | null;
}

export interface RegionFiguresImportView {
  imported: number;
  rows: RegionFiguresView[];
}

/** One record behind an indicator: counted in the denominator, and in the numerator or not. */
export interface KpiRecordView {
  entity: 'elder' | 'order' | 'staff' | 'volunteer' | 'class' | 'canteen' | 'booking' | 'region';
  id: string;
  name: string;
  communityName: string | null;
  detail: string;
  /** The record's own amount where the indicator sums amounts (托位 capacity, stars, meals); otherwise 1. */
  amount: number;
  inNumerator: boolean;
  inDenominator: boolean;
}

/** An indicator with the records it was computed from; `numerator`/`denominator` are sums over those records (or the reference data). */
export interface KpiDrillDownView {
  indicator: KpiIndicatorView;
  regionId: string;
  regionName: string;
  month: string;
  /** How the figure is computed, in words. */
  rule: string;
  numeratorLabel: string;
  denominatorLabel: string;
  /** Reference data used as denominator (people 60+, residents), when the denominator is not a set of records. */
  figures: RegionFiguresView[];
  records: KpiRecordView[];
}

export interface KpiTrendPointView {
  month: string;
  value: number | null;
  target: number | null;
  met: boolean | null;
}

export interface KpiTrendView {
  code: string;
  label: string;
  unit: KpiIndicatorView['unit'];
  regionId: string;
  year: number;
  points: KpiTrendPointView[];
}

/** The indicators of a region and of each region directly under it (街道 → 社区). */
export interface KpiBreakdownView {
  month: string;
  partial: boolean;
  asOf: string;
  regions: { regionId: string; regionName: string; level: string; indicators: KpiIndicatorView[] }[];
}

export interface WorklistEntryView {
  elderId: string;
  elderName: string;
  age: number;
  communityName: string | null;
  reason: string;
  category: SubsidyCategory | null;
  /** Subsidy valid-until (应服尽服) or assessment valid-until (评估). */
  validUntil: string | null;
  lastServedAt: string | null;
}

export interface WorklistsView {
  month: string;
  /** 应服尽服: verified-entitled elders with no completed service or served meal this month. */
  unserved: WorklistEntryView[];
  /** 应评尽评: elders 80+ without a valid ability assessment. */
  unassessed: WorklistEntryView[];
  /** Assessments running out within `days` days. */
  expiring: WorklistEntryView[];
  days: number;
}

export type OfficialListRowStatus = 'matched' | 'unmatched' | 'conflict' | 'invalid';

export interface OfficialListRowView {
  /** Line in the file, counting the header as line 1. */
  row: number;
  name: string;
  idNumberMasked: string;
  category: SubsidyCategory | null;
  validUntil: string | null;
  status: OfficialListRowStatus;
  elderId: string | null;
  communityName: string | null;
  message: string | null;
}

export interface OfficialListPreviewView {
  total: number;
  matched: number;
  unmatched: number;
  conflicts: number;
  invalid: number;
  rows: OfficialListRowView[];
}

export interface OfficialListConfirmView extends OfficialListPreviewView {
  /** Elders marked verified with the list's category and valid-until. */
  applied: number;
}

export interface OfficialListInput {
  csv: string;
}

/** The upward-reporting export (JSON); the CSV carries the same indicator rows. */
export interface KpiExportView {
  schemaVersion: string;
  generatedAt: string;
  month: string;
  region: { id: string; code: string; name: string; level: string };
  percentScale: typeof KPI_PERCENT_SCALE;
  indicators: KpiExportIndicator[];
  regions: { id: string; code: string; name: string; level: string; indicators: KpiExportIndicator[] }[];
}

export interface KpiExportIndicator {
  code: string;
  label: string;
  unit: KpiIndicatorView['unit'];
  value: number | null;
  target: number | null;
  met: boolean | null;
  numerator: number | null;
  denominator: number | null;
}
