export const Role = {
  FAMILY: 'family',
  GUARDIAN: 'guardian',
  ELDER: 'elder',
  PROVIDER_STAFF: 'provider_staff',
  PROVIDER_ADMIN: 'provider_admin',
  OPERATOR: 'operator',
  /** Runs the platform itself (the queue board's pause/retry/clean), tied to no region and seeing no region data. */
  PLATFORM_ADMIN: 'platform_admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);

export const ROLE_LABELS: Record<Role, string> = {
  family: '家属',
  guardian: '婴幼儿家长',
  elder: '老人',
  provider_staff: '服务人员',
  provider_admin: '机构管理员',
  operator: '街道运营',
  platform_admin: '平台管理员',
};
