import type { KpiTrendView } from '@carecircle/shared';
import { describe, expect, it } from 'vitest';
import { shown, trendOption } from './kpiTrend';

const trend: KpiTrendView = {
  code: 'visit_rate', label: '特殊困难老年人月探访率', unit: '%', regionId: 'r', year: 2026,
  points: [
    { month: '2026-01', value: 0.5, target: null, met: null },
    { month: '2026-02', value: 0.955, target: 1, met: false },
    { month: '2026-03', value: 1, target: 1, met: true },
    { month: '2026-04', value: null, target: null, met: null },
  ],
};

describe('KPI trend chart', () => {
  it('shows percentages (sent as fractions) in percent and other units as they are', () => {
    expect(shown(0.955, '%')).toBe(95.5);
    expect(shown(4.5, '个')).toBe(4.5);
    expect(shown(null, '%')).toBeNull();
  });

  it('draws the months with a dashed target line, gaps where there is no figure, colours met / not met', () => {
    const option = trendOption(trend) as unknown as { xAxis: { data: string[] }; series: { name: string; data: unknown[]; lineStyle?: { type: string } }[] };
    expect(option.xAxis.data).toEqual(['1月', '2月', '3月', '4月']);
    const [values, target] = option.series;
    expect(values.data.map((d) => (d as { value: unknown }).value)).toEqual([50, 95.5, 100, '-']);
    expect(values.data.map((d) => (d as { itemStyle: { color: string } }).itemStyle.color)).toEqual(['#1677ff', '#f5222d', '#52c41a', '#1677ff']);
    expect(target).toMatchObject({ name: '目标', lineStyle: { type: 'dashed' }, data: ['-', 100, 100, '-'] });
  });

  it('has no target line when no month has a target', () => {
    const option = trendOption({ ...trend, points: trend.points.map((p) => ({ ...p, target: null })) }) as unknown as { series: unknown[] };
    expect(option.series).toHaveLength(1);
  });
});
