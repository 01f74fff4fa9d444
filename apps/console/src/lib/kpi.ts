import type { KpiIndicatorView } from '@carecircle/shared';

/** What a KPI card shows about its figure against the city's target. */
export type KpiState = 'met' | 'unmet' | 'in_progress' | 'no_target' | 'no_data';

export const KPI_STATE_LABELS: Record<KpiState, string> = {
  met: '已达标',
  unmet: '未达标',
  in_progress: '进行中',
  no_target: '无目标值',
  no_data: '暂无数据',
};

/**
 * Every KPI API sends a percentage (unit '%') as a fraction 0–1 in value and target (KPI_PERCENT_SCALE);
 * the card shows it in percent.
 */
export function normalizeIndicator(ind: KpiIndicatorView): KpiIndicatorView {
  if (ind.unit !== '%') return ind;
  const pct = (v: number | null) => (v === null ? null : round(v * 100, 2));
  return { ...ind, value: pct(ind.value), target: pct(ind.target), monthTarget: pct(ind.monthTarget) };
}

/**
 * Met or not: the server's verdict when it gives one (it knows whether higher or lower is better);
 * a month still running without a verdict is 进行中 (its rate is not judged before the month ends);
 * otherwise the figure reaches its target (higher is better). No figure → no data; no target → none.
 */
export function kpiState(ind: KpiIndicatorView): KpiState {
  if (ind.value === null || Number.isNaN(ind.value)) return 'no_data';
  if (ind.met !== null) return ind.met ? 'met' : 'unmet';
  if (ind.partial && ind.target !== null) return 'in_progress';
  if (ind.target === null) return 'no_target';
  return ind.value >= ind.target ? 'met' : 'unmet';
}

/** 截至 11月20日（进行中）for a month still running; null for a month that has ended. */
export function asOfLabel(view: { partial: boolean; asOf: string }): string | null {
  if (!view.partial) return null;
  const [, m, d] = view.asOf.split('-').map(Number);
  return `截至 ${m}月${d}日（本月进行中）`;
}

/** How far the figure is along to its target, 0–100, for the card's bar; null without both. */
export function kpiProgress(ind: KpiIndicatorView): number | null {
  if (ind.value === null || ind.target === null) return null;
  if (ind.target <= 0) return ind.value >= ind.target ? 100 : 0;
  return Math.max(0, Math.min(100, round((ind.value / ind.target) * 100, 1)));
}

/** The gap to close (target − value), positive when below target; null without both. */
export function kpiGap(ind: KpiIndicatorView): number | null {
  if (ind.value === null || ind.target === null) return null;
  return round(ind.target - ind.value, 2);
}

export function formatKpiValue(value: number | null, unit: KpiIndicatorView['unit']): string {
  if (value === null || Number.isNaN(value)) return '—';
  const text = Number.isInteger(value) ? String(value) : value.toFixed(unit === '%' ? 1 : 2).replace(/\.?0+$/, '');
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/** The console page behind an indicator's `drillDown` (a console route, or the API path of its records). */
export function drillDownRoute(drillDown: string | null | undefined): string | null {
  if (!drillDown) return null;
  const path = drillDown.trim();
  if (!path) return null;
  // The records an indicator was computed from: /api/kpi/indicators/<code>/records?regionId=…&month=…
  const records = /^\/api\/kpi\/indicators\/([a-z0-9_]+)\/records(\?.*)?$/.exec(path);
  if (records) return `/kpi/${records[1]}${records[2] ?? ''}`;
  if (!path.startsWith('/api/') && path.startsWith('/')) return path.split('?')[0] === '/' ? '/dashboard' : path;
  const table: [RegExp, string][] = [
    [/visit/, '/visits'],
    [/meal/, '/figures/meals'],
    [/childcare|托育/, '/figures/childcare'],
    [/assessment/, '/assessments'],
    [/eligibility/, '/eligibility'],
    [/complaint|satisfaction|rating/, '/complaints'],
    [/statement|subsid/, '/statements'],
    [/escalation|dispatch|order/, '/escalations'],
    [/provider|certificate|staff/, '/providers'],
    [/audit/, '/audit'],
    [/polic/, '/policies'],
  ];
  for (const [re, route] of table) if (re.test(path)) return route;
  return null;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** The city's targets where no kpi_targets policy says otherwise (DOMAIN: 月探访率 100%, 每千人口托位数 4.5, 普惠托位占比 60%). */
export const DEFAULT_TARGETS = { visitRate: 100, placesPerThousand: 4.5, puhuiShare: 60 } as const;

/** The fallback cards carry no verdict of their own: the server's summary is the only place a KPI is judged. */
const UNJUDGED = { met: null, monthTarget: null, prorated: false, partial: false } as const;

/**
 * The indicators the console can compute itself from the figure endpoints, for when
 * /kpi/summary is not available: same shape (percentages as fractions), same card.
 */
export function fallbackIndicators(parts: {
  visits?: { rate: number | null; required: number } | null;
  childcare?: { placesPerThousand: number | null; puhuiShare: number; places: number } | null;
  meals?: { canteens: { mealsServedPerDay: number; periods: { capacity: number }[] }[] } | null;
  month?: string;
}): KpiIndicatorView[] {
  const out: KpiIndicatorView[] = [];
  const v = parts.visits;
  out.push({
    code: 'visit_rate',
    label: '特殊困难老年人月探访率',
    value: v ? v.rate : null,
    unit: '%',
    target: DEFAULT_TARGETS.visitRate / 100,
    ...UNJUDGED,
    drillDown: '/visits',
  });
  const c = parts.childcare;
  out.push({
    code: 'places_per_thousand',
    label: '每千人口托位数',
    value: c ? c.placesPerThousand : null,
    unit: '个',
    target: DEFAULT_TARGETS.placesPerThousand,
    ...UNJUDGED,
    drillDown: '/figures/childcare',
  });
  out.push({
    code: 'puhui_share',
    label: '普惠托位占比',
    value: c ? (c.places === 0 ? null : c.puhuiShare) : null,
    unit: '%',
    target: DEFAULT_TARGETS.puhuiShare / 100,
    ...UNJUDGED,
    drillDown: '/figures/childcare',
  });
  const m = parts.meals;
  out.push({
    code: 'meals_per_day',
    label: '老年助餐日均供餐',
    value: m ? round(m.canteens.reduce((s, x) => s + x.mealsServedPerDay, 0), 1) : null,
    unit: '份/日',
    target: null,
    ...UNJUDGED,
    drillDown: '/figures/meals',
  });
  return out;
}
