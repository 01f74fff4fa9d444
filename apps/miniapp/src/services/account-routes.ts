const ACCOUNT_ROOT = '/subpackages/account/pages'

/** Paths of the account pages (我的 → 隐私与数据) and the privacy guide asking for consent. */
export const accountRoutes = {
  /** 隐私与数据: the policy agreed to, withdrawal, export and 注销账号. */
  privacy: () => `${ACCOUNT_ROOT}/privacy/index`,
  /** 注销账号: what is deleted and what is kept, typed confirmation. */
  deleteAccount: () => `${ACCOUNT_ROOT}/delete/index`,
  /** The privacy guide with 同意 / 不同意: no consent yet on the server, or the policy changed since. */
  askConsent: () => '/pages/privacy/index?ask=1',
}
