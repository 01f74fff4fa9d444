import type { KpiDrillDownView, KpiTrendView } from '@carecircle/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleProvider } from '../context';
import { stubServer } from '../test/fetchStub';
import KpiRecords from './KpiRecords';

const drill: KpiDrillDownView = {
  indicator: { code: 'visit_rate', label: '特殊困难老年人月探访率', unit: '%', value: 0.5, target: 1, monthTarget: 1, prorated: false, partial: false, met: false, numerator: 1, denominator: 2, drillDown: '/api/kpi/indicators/visit_rate/records?regionId=r1&month=2026-11' },
  regionId: 'r1', regionName: '玉山镇', month: '2026-11', rule: '按地区探访计划应探访的老人中，本月有已完成探访的人数占比',
  numeratorLabel: '本月已探访', denominatorLabel: '应探访老人', figures: [],
  records: [
    { entity: 'elder', id: 'e1', name: '王建国', communityName: '朝阳社区', detail: '独居；已探访 2026-11-10', amount: 1, inNumerator: true, inDenominator: true },
    { entity: 'elder', id: 'e2', name: '张桂兰', communityName: '城北社区', detail: '独居；本月未探访', amount: 1, inNumerator: false, inDenominator: true },
  ],
};
const trend: KpiTrendView = { code: 'visit_rate', label: '特殊困难老年人月探访率', unit: '%', regionId: 'r1', year: 2026, points: [{ month: '2026-11', value: 0.5, target: 1, met: false }] };

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** jsdom has no canvas: a 2D context that accepts every drawing call, so the trend chart can mount. */
function fakeCanvas() {
  const ctx = new Proxy<Record<string | symbol, unknown>>({}, {
    get: (t, k) => (k in t ? t[k] : () => ({ width: 0 })),
    set: (t, k, v) => ((t[k] = v), true),
  });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => ctx as unknown as CanvasRenderingContext2D);
}

describe('KpiRecords (drill-down)', () => {
  it('shows the figure in percent against its target and the records counted, filterable', async () => {
    fakeCanvas();
    const calls = stubServer({ '/regions': [], '/kpi/indicators/visit_rate/records': drill, '/kpi/indicators/visit_rate/trend': trend });
    render(
      <MemoryRouter initialEntries={['/kpi/visit_rate?regionId=r1&month=2026-11']}>
        <AntApp>
          <ConsoleProvider>
            <Routes>
              <Route path="/kpi/:code" element={<KpiRecords />} />
            </Routes>
          </ConsoleProvider>
        </AntApp>
      </MemoryRouter>,
    );
    await screen.findByText('张桂兰');
    expect(calls.find((c) => c.path.startsWith('/kpi/indicators/visit_rate/records'))!.path).toBe('/kpi/indicators/visit_rate/records?regionId=r1&month=2026-11');
    expect(screen.getByText('50%')).toBeTruthy();
    expect(screen.getByText('100%')).toBeTruthy();
    expect(screen.getByText('未达标')).toBeTruthy();
    expect(screen.getByText('计入的记录（2 条）')).toBeTruthy();
    fireEvent.click(screen.getByText('未计入本月已探访'));
    expect(screen.queryByText('王建国')).toBeNull();
    expect(screen.getByText('独居；本月未探访')).toBeTruthy();
    await waitFor(() => expect(calls.some((c) => c.path === '/kpi/indicators/visit_rate/trend?regionId=r1&year=2026')).toBe(true));
  });
});
