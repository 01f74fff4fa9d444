import type {
  KpiBreakdownView,
  KpiDrillDownView,
  KpiExportView,
  KpiTrendView,
  OfficialListConfirmView,
  OfficialListPreviewView,
  RegionFiguresImportView,
  RegionFiguresInput,
  RegionFiguresView,
  WorklistsView,
} from '@carecircle/shared';
import { api } from '../api';

const q = (params: Record<string, string | number | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

/** The KPI dashboard's, worklists' and official-list calls (percentages arrive as fractions 0–1). */
export const kpiApi = {
  breakdown: (regionId: string, month: string) => api.request<KpiBreakdownView>('GET', `/kpi/breakdown?${q({ regionId, month })}`),
  records: (code: string, regionId: string, month: string) => api.request<KpiDrillDownView>('GET', `/kpi/indicators/${encodeURIComponent(code)}/records?${q({ regionId, month })}`),
  trend: (code: string, regionId: string, year: number) => api.request<KpiTrendView>('GET', `/kpi/indicators/${encodeURIComponent(code)}/trend?${q({ regionId, year })}`),
  report: (regionId: string, month: string) => api.request<KpiExportView>('GET', `/kpi/report?${q({ regionId, month, format: 'json' })}`),
  worklists: (month: string, days: number, regionId?: string) => api.request<WorklistsView>('GET', `/operator/worklists?${q({ month, days, regionId })}`),
  previewOfficialList: (csv: string) => api.request<OfficialListPreviewView>('POST', '/operator/official-list/preview', { body: { csv } }),
  confirmOfficialList: (csv: string) => api.request<OfficialListConfirmView>('POST', '/operator/official-list/confirm', { body: { csv } }),
  regionFigures: (regionId: string, year: number) => api.request<RegionFiguresView[]>('GET', `/operator/region-figures?${q({ regionId, year })}`),
  putRegionFigures: (regionId: string, year: number, input: RegionFiguresInput) => api.request<RegionFiguresView>('PUT', `/operator/region-figures/${encodeURIComponent(regionId)}/${year}`, { body: input }),
  importRegionFigures: (csv: string) => api.request<RegionFiguresImportView>('POST', '/operator/region-figures/import', { body: { csv } }),
};
