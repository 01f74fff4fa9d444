import type { WorklistsView } from '@carecircle/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleProvider } from '../context';
import { stubServer } from '../test/fetchStub';
import Worklists from './Worklists';

const lists: WorklistsView = {
  month: '2026-11',
  days: 30,
  unserved: [
    { elderId: 'e1', elderName: '王建国', age: 82, communityName: '朝阳社区', reason: '核验享受补贴，从未接受服务', category: 'dibao', validUntil: '2027-12-31', lastServedAt: null },
    { elderId: 'e2', elderName: '李秀英', age: 76, communityName: '同心社区', reason: '本月尚未服务（上次 2026-10-10）', category: 'tekun', validUntil: null, lastServedAt: '2026-10-10' },
  ],
  unassessed: [{ elderId: 'e3', elderName: '孙凤英', age: 88, communityName: '新城社区', reason: '80 岁以上尚未评估', category: null, validUntil: null, lastServedAt: null }],
  expiring: [],
};

afterEach(() => vi.unstubAllGlobals());

describe('Worklists', () => {
  it('shows the three lists with their counts; each tab lists its elders and why', async () => {
    const calls = stubServer({ '/regions': [{ id: 'r1', name: '玉山镇', level: 'street', parentId: null, center: { lat: 31, lng: 121 } }], '/operator/worklists': lists });
    render(
      <MemoryRouter>
        <AntApp>
          <ConsoleProvider>
            <Worklists />
          </ConsoleProvider>
        </AntApp>
      </MemoryRouter>,
    );
    await screen.findByText('王建国');
    expect(screen.getByText('本月尚未服务（上次 2026-10-10）')).toBeTruthy();
    expect(screen.getByText('从未')).toBeTruthy();
    expect(screen.getByText('低保')).toBeTruthy();
    expect(screen.queryByText('孙凤英')).toBeNull();

    fireEvent.click(screen.getByText('应评尽评'));
    await screen.findByText('孙凤英');
    expect(screen.getByText('80 岁以上尚未评估')).toBeTruthy();
    expect(screen.getByText('去评估').closest('a')!.getAttribute('href')).toBe('/assessments');

    fireEvent.click(screen.getByText('评估即将到期'));
    await screen.findByText('清单为空，本项已全部完成');
    await waitFor(() => expect(calls.some((c) => c.path.startsWith('/operator/worklists?') && c.path.includes('regionId=r1'))).toBe(true));
  });
});
