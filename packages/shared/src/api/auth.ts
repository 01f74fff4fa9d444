import type { Role } from '../enums/role.js';

export interface WechatLoginInput {
  /** wx.login() code; in dev mode `dev:<name>`. */
  code: string;
}

export interface RefreshInput {
  refreshToken: string;
}

export interface MeView {
  id: string;
  nickname: string;
  roles: Role[];
  householdIds: string[];
  /** Set when the account is an elder's own login: the app opens in elder mode. */
  elderId: string | null;
}

export interface AuthTokensView {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: MeView;
}

export interface DevLoginView {
  code: string;
  nickname: string;
  roles: Role[];
  description: string;
}
