import type { KpiExportView } from '@carecircle/shared';
import { fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleProvider } from '../context';
import { stubServer } from '../test/fetchStub';
import Report from './Report';

const report: KpiExportView = {
  schemaVersion: '1.0', generatedAt: '2026-11-27T02:00:00.000Z', month: '2026-11', percentScale: 'fraction',
  region: { id: 'r1', code: 'ks-ys', name: '玉山镇', level: 'street' },
  indicators: [
    { code: 'certified_rate', label: '养老护理人员持证上岗率', unit: '%', value: 0.8667, target: 0.93, met: false, numerator: 13, denominator: 15 },
    { code: 'places_per_thousand', label: '每千人口托位数', unit: '个', value: 4.8, target: 4.5, met: true, numerator: 324, denominator: 67800 },
  ],
  regions: [{ id: 'c1', code: 'ks-ys-cy', name: '朝阳社区', level: 'community', indicators: [] }],
};

afterEach(() => vi.unstubAllGlobals());

describe('Report (月报)', () => {
  it('lays out the month’s indicators for printing, percentages in percent', async () => {
    stubServer({ '/regions': [{ id: 'r1', name: '玉山镇', level: 'street', parentId: null, center: { lat: 31, lng: 121 } }], '/kpi/report': report });
    const print = vi.fn();
    vi.stubGlobal('print', print);
    render(
      <MemoryRouter>
        <AntApp>
          <ConsoleProvider>
            <Report />
          </ConsoleProvider>
        </AntApp>
      </MemoryRouter>,
    );
    await screen.findByText(/玉山镇 2026-11 养老托育服务月报/);
    expect(screen.getByText('86.7%')).toBeTruthy();
    expect(screen.getByText('93%')).toBeTruthy();
    expect(screen.getByText('4.8 个')).toBeTruthy();
    expect(screen.getByText('朝阳社区')).toBeTruthy();
    fireEvent.click(screen.getByText('打印').closest('button')!);
    expect(print).toHaveBeenCalled();
  });
});
