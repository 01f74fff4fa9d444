import { ROLE_LABELS, Role, type MeView } from '@carecircle/shared';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError } from './api';

interface AuthState {
  user: MeView | null;
  /** Why the last session ended, to show on the login page. */
  notice: string | null;
  login(code: string): Promise<void>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function isOperator(user: Pick<MeView, 'roles'>): boolean {
  return user.roles.includes(Role.OPERATOR);
}

export function isPlatformAdmin(user: Pick<MeView, 'roles'>): boolean {
  return user.roles.includes(Role.PLATFORM_ADMIN);
}

/** Who may log in: 街道运营 (their region's pages) and 平台管理员 (the platform's queue board only). */
export function canUseConsole(user: Pick<MeView, 'roles'>): boolean {
  return isOperator(user) || isPlatformAdmin(user);
}

/** The console is for 街道/民政 operators (and platform admins); everyone else is told so in plain words. */
export function notOperatorMessage(user: Pick<MeView, 'nickname' | 'roles'>): string {
  const roles = user.roles.map((r) => ROLE_LABELS[r] ?? r).join('、') || '无角色';
  return `「${user.nickname}」的身份是${roles}，不是街道运营人员，不能使用运营管理端。请用运营账号（或平台管理员账号）登录；家属、服务人员请使用 CareCircle 小程序。`;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<MeView | null>(() => {
    const s = api.session();
    return s && canUseConsole(s.user) ? s.user : null;
  });
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    api.onSessionEnd((reason) => {
      setUser(null);
      setNotice(`登录已过期，请重新登录${reason && !reason.includes('登录') ? `（${reason}）` : ''}`);
    });
    return () => api.onSessionEnd(undefined);
  }, []);

  const login = useCallback(async (code: string) => {
    setNotice(null);
    const me = await api.login(code, canUseConsole);
    if (!canUseConsole(me)) throw new ApiError(403, 'AUTH.FORBIDDEN_ROLE', notOperatorMessage(me));
    setUser(me);
  }, []);

  const logout = useCallback(async () => {
    await api.logout();
    setUser(null);
    setNotice('已退出登录');
  }, []);

  const value = useMemo(() => ({ user, notice, login, logout }), [user, notice, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The signed-in user's id, or null outside a session (pages rendered on their own, as in tests). */
export function useCurrentUserId(): string | null {
  return useContext(AuthContext)?.user?.id ?? null;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
