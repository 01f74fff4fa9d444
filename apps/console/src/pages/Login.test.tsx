import type { DevLoginView, MeView } from '@carecircle/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => ({ devLogins: vi.fn(), login: vi.fn(), session: vi.fn(() => null), onSessionEnd: vi.fn() }));

vi.mock('../api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../api')>();
  return { ...real, api: { ...real.api, ...mocks } };
});

const { AuthProvider, useAuth, notOperatorMessage } = await import('../auth');
const { LoginPage, sortDevLogins } = await import('./Login');

const DEV: DevLoginView[] = [
  { code: 'dev:王芳', nickname: '王芳', roles: ['family'], description: '家属' },
  { code: 'dev:吴主任', nickname: '吴主任', roles: ['operator'], description: '街道运营：玉山镇' },
];
const me = (nickname: string, roles: MeView['roles']): MeView => ({ id: nickname, nickname, roles, householdIds: [], elderId: null });

function Who() {
  const { user } = useAuth();
  return user ? <p>已登录：{user.nickname}</p> : <LoginPage />;
}

beforeEach(() => {
  mocks.devLogins.mockResolvedValue(DEV);
  mocks.login.mockReset();
});

function loginButtonOf(name: string): HTMLButtonElement {
  const item = screen.getByText(name).closest('.ant-list-item') as HTMLElement;
  return item.querySelector('button') as HTMLButtonElement;
}

describe('login', () => {
  it('lists operators first', () => {
    expect(sortDevLogins(DEV).map((d) => d.nickname)).toEqual(['吴主任', '王芳']);
  });

  it('lets an operator in', async () => {
    mocks.login.mockResolvedValue(me('吴主任', ['operator']));
    render(
      <AuthProvider>
        <Who />
      </AuthProvider>,
    );
    await screen.findByText('吴主任');
    fireEvent.click(loginButtonOf('吴主任'));
    expect(await screen.findByText('已登录：吴主任')).toBeTruthy();
    // the client is told to keep only operator sessions
    const accept = mocks.login.mock.calls[0][1] as (u: MeView) => boolean;
    expect(accept(me('x', ['operator']))).toBe(true);
    expect(accept(me('x', ['family', 'guardian']))).toBe(false);
  });

  it('tells anyone else plainly that the console is for operators, and stays on the login page', async () => {
    mocks.login.mockResolvedValue(me('王芳', ['family']));
    render(
      <AuthProvider>
        <Who />
      </AuthProvider>,
    );
    await screen.findByText('王芳');
    fireEvent.click(loginButtonOf('王芳'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('不是街道运营人员，不能使用运营管理端');
    expect(alert.textContent).toContain('家属');
    expect(screen.queryByText(/已登录/)).toBeNull();
  });

  it('names every role in the message', () => {
    expect(notOperatorMessage(me('李强', ['family', 'guardian']))).toContain('家属、婴幼儿家长');
    expect(notOperatorMessage(me('周护理', ['provider_staff']))).toContain('服务人员');
  });

  it('offers a login code when the server has no dev logins', async () => {
    const { ApiError } = await import('../api');
    mocks.devLogins.mockRejectedValue(new ApiError(404, 'ROUTE_NOT_FOUND', '没有这个接口：GET /api/auth/dev-logins'));
    mocks.login.mockResolvedValue(me('吴主任', ['operator']));
    render(
      <AuthProvider>
        <Who />
      </AuthProvider>,
    );
    const input = await screen.findByLabelText('登录码');
    fireEvent.change(input, { target: { value: ' dev:吴主任 ' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(mocks.login).toHaveBeenCalledWith('dev:吴主任', expect.any(Function)));
    expect(await screen.findByText('已登录：吴主任')).toBeTruthy();
  });
});
