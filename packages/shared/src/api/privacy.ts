/** The privacy policy in force (`GET /api/privacy/policy`): the app shows it and asks consent to this version. */
export interface PrivacyPolicyView {
  version: string;
  publishedOn: string;
  title: string;
  /** What is collected and why, in the order the policy page shows it. */
  sections: { heading: string; body: string }[];
}

export interface RecordConsentInput {
  version: string;
  /** Where it was given: weapp / h5. */
  channel: 'weapp' | 'h5';
}

/** `GET /api/me/consent`: the caller's latest decision. `required`: new orders are refused until consent to `currentVersion` is given. */
export interface ConsentStateView {
  currentVersion: string;
  consentedVersion: string | null;
  consentedAt: string | null;
  withdrawnAt: string | null;
  required: boolean;
  history: { action: 'consent' | 'withdraw'; version: string; channel: string; at: string }[];
}

/** `POST /api/elders/:elderId/phone-reveal`: the full number, for a call now; each reveal is audited. */
export interface PhoneRevealView {
  elderId: string;
  phone: string | null;
}

/** `GET /api/me/export` (PIPL art. 45): everything the account holds about the caller. */
export interface PersonalDataExportView {
  exportedAt: string;
  user: { id: string; nickname: string; roles: string[]; createdAt: string };
  households: {
    id: string;
    name: string;
    role: string;
    elders: Record<string, unknown>[];
    children: Record<string, unknown>[];
  }[];
  orders: Record<string, unknown>[];
  mealBookings: Record<string, unknown>[];
  childcareBookings: Record<string, unknown>[];
  consents: ConsentStateView['history'];
  timebank: { balanceMinutes: number; entries: Record<string, unknown>[] };
}

export interface DeleteAccountInput {
  /** The person types 注销 to confirm. */
  confirm: string;
}

/** `POST /api/me/delete` (PIPL art. 47): what was deleted and what is kept, and why. */
export interface AccountDeletionView {
  deletedAt: string;
  deleted: string[];
  kept: { what: string; why: string }[];
}

/** What is kept after an account is deleted, and why (shown before and after deletion). */
export const KEPT_AFTER_DELETION: AccountDeletionView['kept'] = [
  { what: '订单记录（服务项目、时间、金额、服务机构，姓名和地址已匿名化）', why: '服务机构结算和民政审计需要，依法保存' },
  { what: '补贴台账（金额、类别、资金来源）', why: '财政补贴结算和审计需要，不再关联到您的身份' },
  { what: '时间银行流水', why: '志愿服务时长是他人也有份的账目，保留数字不保留身份' },
  { what: '隐私同意与撤回记录', why: '证明当时依法取得了同意（个人信息保护法第 14、15 条）' },
  { what: '与其他家人共同管理的家庭和老人', why: '它们也属于其他家庭成员；您只是退出，不删除他们的资料' },
];
