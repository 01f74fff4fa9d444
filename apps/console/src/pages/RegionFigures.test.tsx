import type { RegionFiguresView } from '@carecircle/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleProvider } from '../context';
import { stubServer } from '../test/fetchStub';
import RegionFigures from './RegionFigures';

const rows: RegionFiguresView[] = [
  { regionId: 'r1', regionName: '玉山镇', regionLevel: 'street', year: 2026, residents: null, elderly60: null, children0to3: null },
  { regionId: 'c1', regionName: '朝阳社区', regionLevel: 'community', year: 2026, residents: 18500, elderly60: 4100, children0to3: 520 },
];

afterEach(() => vi.unstubAllGlobals());

describe('RegionFigures (地区基础数据)', () => {
  it('edits a 社区’s figures for the year and saves them', async () => {
    const calls = stubServer({
      '/regions': [{ id: 'r1', name: '玉山镇', level: 'street', parentId: null, center: { lat: 31, lng: 121 } }],
      '/operator/region-figures': rows,
      'PUT /operator/region-figures/c1/': (c: { body: unknown }) => ({ ...rows[1], ...(c.body as object) }),
    });
    render(
      <MemoryRouter>
        <AntApp>
          <ConsoleProvider>
            <RegionFigures />
          </ConsoleProvider>
        </AntApp>
      </MemoryRouter>,
    );
    const input = (await screen.findByLabelText('朝阳社区60 岁以上人口')) as HTMLInputElement;
    expect(input.value).toBe('4100');
    fireEvent.change(input, { target: { value: '4200' } });
    fireEvent.blur(input);
    const save = screen.getAllByText('保存').map((s) => s.closest('button')!).find((b) => !b.disabled)!;
    fireEvent.click(save);
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')).toBeTruthy());
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toMatch(/^\/operator\/region-figures\/c1\/20\d\d$/);
    expect(put.body).toEqual({ residents: 18500, elderly60: 4200, children0to3: 520 });
  });
});
