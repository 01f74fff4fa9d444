import { MEAL_PERIOD_LABELS, MEAL_PERIODS, type MealFiguresView, type VisitRateView } from '@carecircle/shared';
import type { ChartOption } from '../components/EChart';

export function visitBars(v: VisitRateView): ChartOption {
  // The same figure as the KPI: a community with nobody to visit has no rate and no bar.
  const rows = v.communities.filter((c): c is typeof c & { rate: number } => c.rate !== null).sort((a, b) => a.rate - b.rate);
  return {
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const p = (params as { dataIndex: number }[])[0];
        const c = rows[p.dataIndex];
        return `${escapeHtml(c.name)}<br/>应探访 ${c.required} 人，已探访 ${c.visited} 人<br/>探访率 ${(c.rate * 100).toFixed(1)}%`;
      },
    },
    grid: { left: 48, right: 24, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: rows.map((c) => c.name) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        name: '探访率',
        barMaxWidth: 48,
        data: rows.map((c) => ({ value: Math.round(c.rate * 1000) / 10, itemStyle: { color: c.rate >= 1 ? '#52c41a' : c.rate >= 0.8 ? '#faad14' : '#f5222d' } })),
        label: { show: true, position: 'top', formatter: '{c}%' },
        markLine: { symbol: 'none', data: [{ yAxis: 100, name: '目标' }], lineStyle: { color: '#1f6feb', type: 'dashed' }, label: { formatter: '目标 100%', position: 'insideEndTop' } },
      },
    ],
  };
}

export function mealBars(m: MealFiguresView): ChartOption {
  const names = m.canteens.map((c) => c.canteenName);
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 56, right: 64, top: 40, bottom: 56 },
    xAxis: { type: 'category', data: names },
    yAxis: [
      { type: 'value', name: '供餐（份）', minInterval: 1 },
      { type: 'value', name: '名额使用率', max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      ...MEAL_PERIODS.map(
        (p) =>
          ({
            type: 'bar',
            name: `${MEAL_PERIOD_LABELS[p]}供餐`,
            barMaxWidth: 36,
            data: m.canteens.map((c) => c.periods.find((x) => x.period === p)?.mealsServed ?? 0),
          }) as const,
      ),
      ...MEAL_PERIODS.map(
        (p) =>
          ({
            type: 'line',
            name: `${MEAL_PERIOD_LABELS[p]}名额使用率`,
            yAxisIndex: 1,
            data: m.canteens.map((c) => Math.round((c.periods.find((x) => x.period === p)?.capacityUse ?? 0) * 1000) / 10),
          }) as const,
      ),
    ],
  };
}

export function gauge(value: number, name: string, max: number, target: number, unit: string): ChartOption {
  const shown = unit === '%' ? Math.round(value * 10) / 10 : Math.round(value * 100) / 100;
  return {
    series: [
      {
        type: 'gauge',
        min: 0,
        max,
        radius: '90%',
        progress: { show: true, width: 14 },
        axisLine: { lineStyle: { width: 14, color: [[target / max, '#f0f0f0'], [1, '#d9f7be']] } },
        axisTick: { show: false },
        splitLine: { length: 8 },
        axisLabel: { distance: 18, fontSize: 10 },
        pointer: { show: false },
        title: { offsetCenter: [0, '70%'], fontSize: 13 },
        detail: { offsetCenter: [0, '20%'], fontSize: 26, formatter: `{value}${unit === '%' ? '%' : ''}` },
        data: [{ value: shown, name: `${name}（目标 ${target}${unit === '%' ? '%' : ` ${unit}`}）`, itemStyle: { color: shown >= target ? '#52c41a' : '#fa8c16' } }],
      },
    ],
  };
}


/** Tooltips are HTML: names from the server go in escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
