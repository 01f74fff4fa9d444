import type { ConfirmationSettingsInput, ElderView } from '@carecircle/shared'

/** The server's defaults for an elder (migration ElderSide): ask, wait 30 minutes, then go ahead. */
export const CONFIRMATION_DEFAULTS: ConfirmationSettingsInput = { confirmOrders: true, timeoutMinutes: 30, onTimeout: 'proceed' }

export const TIMEOUT_OPTIONS: readonly { minutes: number; label: string }[] = [
  { minutes: 15, label: '15 分钟' },
  { minutes: 30, label: '30 分钟' },
  { minutes: 60, label: '1 小时' },
  { minutes: 120, label: '2 小时' },
  { minutes: 1440, label: '1 天' },
]

/**
 * The elder's current setting when the server sends it with the elder (`confirmation`), else null:
 * ElderView does not carry it yet, and the form then says it shows the defaults.
 */
export function confirmationOf(elder: ElderView): ConfirmationSettingsInput | null {
  const value = (elder as ElderView & { confirmation?: unknown }).confirmation
  const c = value as Partial<ConfirmationSettingsInput> | null | undefined
  if (!c || typeof c.confirmOrders !== 'boolean' || typeof c.timeoutMinutes !== 'number' || (c.onTimeout !== 'proceed' && c.onTimeout !== 'cancel')) return null
  return { confirmOrders: c.confirmOrders, timeoutMinutes: c.timeoutMinutes, onTimeout: c.onTimeout }
}
