import type { SubscribeScene, SubscribeTemplatesView } from '@carecircle/shared'
import { expectRecord } from './guards'
import { api } from './request'
import { promptSubscribe } from './subscribe-prompt'

const templates = new Map<SubscribeScene, string[]>()

/**
 * Fetches, once, the subscribe-message templates a scene's tap will ask for. Call it when the page
 * opens: WeChat only shows the request inside the user's tap, so nothing may be awaited there.
 */
export async function prepareSubscribe(scene: SubscribeScene): Promise<void> {
  if (templates.has(scene)) return
  try {
    const view = expectRecord<SubscribeTemplatesView>(await api.get('/api/notifications/subscribe-templates', { scene }), ['templateIds'])
    templates.set(scene, view.templateIds)
  } catch {
    // Notifications are a nicety: the tap goes on without asking.
  }
}

/** In the tap itself: asks for the scene's templates (WeChat's own dialog) without holding the tap up; the ids asked for. */
export function askToSubscribe(scene: SubscribeScene): string[] {
  const ids = templates.get(scene) ?? []
  if (ids.length) promptSubscribe(ids)
  return ids
}

/** Tests: forget what was fetched. */
export function resetSubscribeTemplates(): void {
  templates.clear()
}
