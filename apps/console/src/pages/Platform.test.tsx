import type { AuthTokensView, DevLoginView, MeView } from '@carecircle/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { api } from '../api';
import { AuthProvider, canUseConsole } from '../auth';
import { stubServer } from '../test/fetchStub';

const me = (nickname: string, roles: MeView['roles']): MeView => ({ id: nickname, nickname, roles, householdIds: [], elderId: null });
const tokens = (user: MeView): AuthTokensView => ({ accessToken: `a-${user.id}`, refreshToken: `r-${user.id}`, expiresIn: 900, user });
const DEV: DevLoginView[] = [
  { code: 'dev:吴主任', nickname: '吴主任', roles: ['operator'], description: '街道运营：玉山镇' },
  { code: 'dev:平台管理员', nickname: '平台管理员', roles: ['platform_admin'], description: '平台管理员：队列监控' },
];

beforeEach(async () => {
  await api.logout();
});
afterEach(() => vi.unstubAllGlobals());

function renderConsole() {
  render(
    <MemoryRouter>
      <AntApp>
        <AuthProvider>
          <App />
        </AuthProvider>
      </AntApp>
    </MemoryRouter>,
  );
}

describe('platform admin in the console', () => {
  it('lets 街道运营 and 平台管理员 in, nobody else', () => {
    expect(canUseConsole(me('吴主任', ['operator']))).toBe(true);
    expect(canUseConsole(me('平台管理员', ['platform_admin']))).toBe(true);
    expect(canUseConsole(me('孙经理', ['provider_admin', 'family']))).toBe(false);
  });

  it('logs a platform admin in to the platform page (no region menu, no region data asked for) and opens the queue board from it', async () => {
    const calls = stubServer({
      '/auth/dev-logins': DEV,
      'POST /auth/wechat': tokens(me('平台管理员', ['platform_admin'])),
      'POST /operator/queue-board/session': { url: '/api/operator/queue-board/', expiresInSeconds: 1800 },
    });
    const tab = { location: { href: 'about:blank' }, close: vi.fn() };
    vi.stubGlobal('open', vi.fn(() => tab));
    renderConsole();

    const item = (await screen.findByText('平台管理员：队列监控')).closest('.ant-list-item') as HTMLElement;
    fireEvent.click(item.querySelector('button')!);

    expect(await screen.findByText('CareCircle 平台运维')).toBeTruthy();
    expect(screen.getByText(/不属于任何街道，看不到老人、订单、机构、补贴等地区数据/)).toBeTruthy();
    expect(screen.queryByText('工作台')).toBeNull();
    expect(screen.queryByText('审计日志')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /打开队列监控/ }));
    await waitFor(() => expect(tab.location.href).toBe('/api/operator/queue-board/'));
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /auth/dev-logins', 'POST /auth/wechat', 'POST /operator/queue-board/session']);
  });
});
