import type { KpiBreakdownView, KpiIndicatorView } from '@carecircle/shared';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { KpiBreakdownTable } from './KpiInsights';

const ind = (regionId: string, over: Partial<KpiIndicatorView>): KpiIndicatorView => ({
  code: 'visit_rate', label: '特殊困难老年人月探访率', unit: '%', value: 0.5, target: 1, monthTarget: 1, prorated: false, partial: false, met: false, numerator: 1, denominator: 2,
  drillDown: `/api/kpi/indicators/visit_rate/records?regionId=${regionId}&month=2026-11`, ...over,
});

const data: KpiBreakdownView = {
  month: '2026-11',
  partial: false,
  asOf: '2026-11-30',
  regions: [
    { regionId: 'r1', regionName: '玉山镇', level: 'street', indicators: [ind('r1', {}), ind('r1', { code: 'places_per_thousand', label: '每千人口托位数', unit: '个', value: 4.8, target: 4.5, met: true, drillDown: '/api/kpi/indicators/places_per_thousand/records?regionId=r1&month=2026-11' })] },
    { regionId: 'c1', regionName: '朝阳社区', level: 'community', indicators: [ind('c1', { value: 1, met: true }), ind('c1', { code: 'places_per_thousand', label: '每千人口托位数', unit: '个', value: null, target: 4.5, met: null })] },
  ],
};

describe('KpiBreakdownTable', () => {
  it('shows each region’s figures (percent for fractions), each linking to the records behind it', () => {
    render(
      <MemoryRouter>
        <KpiBreakdownTable data={data} />
      </MemoryRouter>,
    );
    expect(screen.getByText('玉山镇（合计）')).toBeTruthy();
    expect(screen.getByRole('link', { name: '玉山镇特殊困难老年人月探访率明细' }).textContent).toBe('50%');
    expect(screen.getByRole('link', { name: '朝阳社区特殊困难老年人月探访率明细' }).getAttribute('href')).toBe('/kpi/visit_rate?regionId=c1&month=2026-11');
    expect(screen.getByRole('link', { name: '玉山镇每千人口托位数明细' }).textContent).toBe('4.8 个');
    // No figure, no link.
    expect(screen.queryByRole('link', { name: '朝阳社区每千人口托位数明细' })).toBeNull();
    expect(screen.getByText('—')).toBeTruthy();
  });
});
