const PROVIDER_ROOT = '/subpackages/provider/pages'

/** Paths of the provider admin's sub-package pages. */
export const providerRoutes = {
  /** 结算单: the provider's monthly statements, newest month first. */
  statements: () => `${PROVIDER_ROOT}/statements/index`,
  /** One statement with every record behind its lines. */
  statement: (id: string) => `${PROVIDER_ROOT}/statement/index?id=${encodeURIComponent(id)}`,
}
