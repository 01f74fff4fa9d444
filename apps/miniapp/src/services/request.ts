import { createApiClient } from './api-client'
import { redirectToLogin } from './navigation'
import { tokenStore } from './storage'
import { transport } from './transport'

export { ApiError, NETWORK_ERROR, errorMessage } from './api-error'
export type { ApiClient, RequestOptions } from './api-client'

/** The app's only way to the API. */
export const api = createApiClient({
  baseUrl: API_BASE_URL,
  transport,
  tokens: tokenStore,
  onLoggedOut: redirectToLogin,
})
