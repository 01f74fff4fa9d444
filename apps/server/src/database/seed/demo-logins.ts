import type { Role } from '@carecircle/shared';

/** The dev logins the demo district creates, listed on the H5 login picker and printed at start. */
export interface DemoLogin {
  name: string;
  roles: Role[];
  description: string;
}

export const DEMO_LOGINS: DemoLogin[] = [
  { name: '王芳', roles: ['family'], description: '家属：为父母下单（王家，父亲王建国独居）' },
  { name: '李强', roles: ['family', 'guardian'], description: '家属兼婴幼儿家长（李家，一老一小）' },
  { name: '张伟', roles: ['family'], description: '家属（张家，母亲低保）' },
  { name: '陈静', roles: ['family'], description: '家属（陈家，失独老人）' },
  { name: '赵敏', roles: ['family', 'guardian'], description: '家属兼家长（赵家）' },
  { name: '王建国', roles: ['elder'], description: '老人本人（长辈版）' },
  { name: '周护理', roles: ['provider_staff'], description: '护理员：安康居家养老' },
  { name: '孙经理', roles: ['provider_admin'], description: '机构管理员：安康居家养老' },
  { name: '吴主任', roles: ['operator'], description: '街道运营：玉山镇' },
  { name: '冯科长', roles: ['operator'], description: '街道运营：玉山镇，结算审核（吴主任生成的结算单由她审批）' },
  { name: '平台管理员', roles: ['platform_admin'], description: '平台管理员：运营管理端的队列监控（暂停、重试、清理，记入审计），不属于任何街道' },
];

/** The second street's operator, added by `pnpm seed -- --second-street` (see second-street.ts). */
export const SECOND_STREET_LOGINS: DemoLogin[] = [{ name: '郑主任', roles: ['operator'], description: '街道运营：周市镇（第二个街道，看不到玉山镇的数据）' }];
