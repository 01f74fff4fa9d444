import type { KpiTrendView, OfficialListRowStatus } from '@carecircle/shared';
import type { ChartOption } from '../components/EChart';
import { formatKpiValue } from './kpi';

/** A figure as shown: percentages (sent as fractions) in percent, the rest as they are. */
export function shown(value: number | null, unit: KpiTrendView['unit']): number | null {
  if (value === null) return null;
  return unit === '%' ? Math.round(value * 1000) / 10 : value;
}

/** An indicator month by month (bars coloured met / not met) with its target as a dashed step line. */
export function trendOption(trend: KpiTrendView): ChartOption {
  const months = trend.points.map((p) => `${Number(p.month.slice(5))}月`);
  const hasTarget = trend.points.some((p) => p.target !== null);
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (v === null || v === undefined || v === '-' ? '—' : formatKpiValue(Number(v), trend.unit)),
    },
    legend: { data: hasTarget ? [trend.label, '目标'] : [trend.label], bottom: 0 },
    grid: { left: 48, right: 24, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', axisLabel: { formatter: trend.unit === '%' ? '{value}%' : '{value}' } },
    series: [
      {
        type: 'line',
        name: trend.label,
        connectNulls: false,
        symbolSize: 8,
        data: trend.points.map((p) => ({ value: shown(p.value, trend.unit) ?? '-', itemStyle: { color: p.met === null ? '#1677ff' : p.met ? '#52c41a' : '#f5222d' } })),
      },
      ...(hasTarget
        ? [{ type: 'line' as const, name: '目标', step: 'middle' as const, symbol: 'none', lineStyle: { type: 'dashed' as const, color: '#fa8c16' }, itemStyle: { color: '#fa8c16' }, data: trend.points.map((p) => shown(p.target, trend.unit) ?? '-') }]
        : []),
    ],
  };
}

export const OFFICIAL_ROW_STATUS: Record<OfficialListRowStatus, { label: string; color: string }> = {
  matched: { label: '已匹配', color: 'green' },
  unmatched: { label: '未匹配', color: 'default' },
  conflict: { label: '有冲突', color: 'orange' },
  invalid: { label: '格式错误', color: 'red' },
};
