import type { ProviderView } from '@carecircle/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleProvider } from '../context';
import { stubServer } from '../test/fetchStub';
import Providers from './Providers';

const provider: ProviderView = {
  id: 'p1', kind: 'home_care', name: '安康居家养老服务中心', licenceNo: 'JS-1', regionId: 'r2', address: '朝阳社区', location: { lat: 31, lng: 121 },
  serviceRadiusMeters: 5000, status: 'approved', recommended: true, phone: null,
};

afterEach(() => vi.unstubAllGlobals());

describe('机构管理: 推荐清单', () => {
  it('asks why before taking a provider off the list, then shows it off the list', async () => {
    const calls = stubServer({
      '/regions': [{ id: 'r1', name: '玉山镇', level: 'street', parentId: null, center: { lat: 31, lng: 121 } }],
      '/providers': [provider],
      'PATCH /providers/p1/recommended': (call: { body: unknown }) => ({ ...provider, recommended: (call.body as { recommended: boolean }).recommended }),
    });
    render(
      <MemoryRouter>
        <AntApp>
          <ConsoleProvider>
            <Providers />
          </ConsoleProvider>
        </AntApp>
      </MemoryRouter>,
    );
    const toggle = await screen.findByRole('switch', { name: '安康居家养老服务中心推荐清单' });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(toggle);
    await screen.findByText('移出推荐清单 ·「安康居家养老服务中心」');
    fireEvent.click(screen.getByRole('button', { name: /移\s*出/ }));
    await screen.findByText('请写明原因');
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);

    fireEvent.change(screen.getByPlaceholderText('如：年度等级评定为二星'), { target: { value: '年度等级评定为二星' } });
    fireEvent.click(screen.getByRole('button', { name: /移\s*出/ }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ recommended: false, reason: '年度等级评定为二星' }));
    await waitFor(() => expect(screen.getByRole('switch', { name: '安康居家养老服务中心推荐清单' }).getAttribute('aria-checked')).toBe('false'));
  });
});
