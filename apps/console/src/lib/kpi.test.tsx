import type { KpiIndicatorView } from '@carecircle/shared';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { KpiCard } from '../components/KpiCard';
import { drillDownRoute, fallbackIndicators, formatKpiValue, kpiGap, kpiProgress, kpiState, normalizeIndicator } from './kpi';

function ind(over: Partial<KpiIndicatorView>): KpiIndicatorView {
  return { code: 'visit_rate', label: '特殊困难老年人月探访率', value: 80, unit: '%', target: 100, monthTarget: 100, prorated: false, partial: false, met: null, drillDown: '/visits', ...over };
}

/** As the server sends it: percentages as fractions 0–1. */
function wire(over: Partial<KpiIndicatorView>): KpiIndicatorView {
  return ind({ value: 0.8, target: 1, ...over });
}

describe('KPI met / not met', () => {
  it('takes the server verdict when it gives one, even against a plain comparison', () => {
    // e.g. a lower-is-better figure: 12 complaints against a ceiling of 20 is met.
    expect(kpiState(ind({ code: 'complaints', value: 12, unit: '个', target: 20, met: true }))).toBe('met');
    expect(kpiState(ind({ value: 100, target: 100, met: false }))).toBe('unmet');
  });

  it('compares value with target (higher is better) when the server leaves met empty', () => {
    expect(kpiState(ind({ value: 99.9, target: 100 }))).toBe('unmet');
    expect(kpiState(ind({ value: 100, target: 100 }))).toBe('met');
    expect(kpiState(ind({ value: 4.6, unit: '个', target: 4.5 }))).toBe('met');
  });

  it('has no verdict without a figure or without a target', () => {
    expect(kpiState(ind({ value: null, met: true }))).toBe('no_data');
    expect(kpiState(ind({ value: 30, target: null }))).toBe('no_target');
  });

  it('reads percent indicators as the fractions every KPI API sends', () => {
    const n = normalizeIndicator(ind({ value: 0.55, target: 0.6 }));
    expect(n.value).toBe(55);
    expect(n.target).toBe(60);
    expect(kpiState(n)).toBe('unmet');
    // 1.5 % is 0.015, not to be mistaken for 150 %; 100 % is 1.
    expect(normalizeIndicator(ind({ value: 0.015, target: 1 }))).toMatchObject({ value: 1.5, target: 100 });
    expect(normalizeIndicator(ind({ value: 1, target: null }))).toMatchObject({ value: 100, target: null });
    // other units as they are
    expect(normalizeIndicator(ind({ unit: '个', value: 4.2, target: 4.5 }))).toMatchObject({ value: 4.2, target: 4.5 });
  });

  it('progress is capped at 100 and the gap is what is left to reach the target', () => {
    expect(kpiProgress(ind({ value: 80, target: 100 }))).toBe(80);
    expect(kpiProgress(ind({ value: 6, target: 4.5 }))).toBe(100);
    expect(kpiProgress(ind({ value: 1.33, target: 4.5 }))).toBe(29.6);
    expect(kpiProgress(ind({ target: null }))).toBeNull();
    expect(kpiGap(ind({ value: 1.33, target: 4.5 }))).toBe(3.17);
  });

  it('formats values with their unit', () => {
    expect(formatKpiValue(88.888, '%')).toBe('88.9%');
    expect(formatKpiValue(100, '%')).toBe('100%');
    expect(formatKpiValue(1.33, '个')).toBe('1.33 个');
    expect(formatKpiValue(null, '%')).toBe('—');
  });

  it('maps drill-down paths to console pages', () => {
    expect(drillDownRoute('/api/kpi/indicators/visit_rate/records?regionId=x&month=2026-11')).toBe('/kpi/visit_rate?regionId=x&month=2026-11');
    expect(drillDownRoute('/api/kpi/visits?regionId=x&month=2026-11')).toBe('/visits');
    expect(drillDownRoute('/api/kpi/childcare?regionId=x')).toBe('/figures/childcare');
    expect(drillDownRoute('/api/kpi/meals?month=2026-11')).toBe('/figures/meals');
    expect(drillDownRoute('/api/operator/complaints')).toBe('/complaints');
    expect(drillDownRoute('/statements')).toBe('/statements');
    expect(drillDownRoute('')).toBeNull();
  });

  it('computes fallback indicators from the figure endpoints with the city targets', () => {
    const list = fallbackIndicators({
      visits: { rate: 0.5, required: 4 },
      childcare: { placesPerThousand: 1.33, puhuiShare: 0.5, places: 90 },
      meals: { canteens: [{ mealsServedPerDay: 12.5, periods: [] }, { mealsServedPerDay: 3, periods: [] }] },
    });
    const by = Object.fromEntries(list.map((i) => [i.code, i]));
    expect(by.visit_rate).toMatchObject({ value: 0.5, target: 1 });
    expect(kpiState(by.visit_rate)).toBe('unmet');
    expect(by.places_per_thousand).toMatchObject({ value: 1.33, target: 4.5 });
    expect(by.puhui_share).toMatchObject({ value: 0.5, target: 0.6 });
    expect(by.meals_per_day).toMatchObject({ value: 15.5, target: null });
    expect(kpiState(by.meals_per_day)).toBe('no_target');
    // nobody to visit: no figure, as the server's one definition of 探访率 says (not a client-side 100 %)
    expect(fallbackIndicators({ visits: { rate: null, required: 0 } })[0].value).toBeNull();
  });
});

describe('KpiCard', () => {
  function show(indicator: KpiIndicatorView) {
    return render(
      <MemoryRouter>
        <KpiCard indicator={indicator} />
      </MemoryRouter>,
    );
  }

  it('shows value, target, 未达标 with the gap, and links to the drill-down page', () => {
    show(wire({ value: 0.8, target: 1 }));
    expect(screen.getByText('80%')).toBeTruthy();
    expect(screen.getByText('未达标')).toBeTruthy();
    expect(screen.getByText(/目标 100%，差 20%/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '特殊困难老年人月探访率明细' }).getAttribute('href')).toBe('/visits');
  });

  it('shows 已达标 when met', () => {
    show(ind({ code: 'ppt', label: '每千人口托位数', value: 4.8, unit: '个', target: 4.5, drillDown: '/api/kpi/childcare' }));
    expect(screen.getByText('已达标')).toBeTruthy();
    expect(screen.getByText('4.8 个')).toBeTruthy();
    expect(screen.queryByText(/差/)).toBeNull();
  });

  it('shows 无目标值 for a figure without target', () => {
    show(ind({ code: 'meals', label: '日均供餐', value: 120, unit: '份/日', target: null }));
    expect(screen.getByText('无目标值')).toBeTruthy();
    expect(screen.getByText('目标 —')).toBeTruthy();
  });
});
