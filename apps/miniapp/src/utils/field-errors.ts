import type { FieldError } from '@carecircle/shared'

/** Form field key (a dotted path like the server's: `location.lat`, `emergencyContacts.0.phone`) → message. */
export type FieldErrors = Record<string, string>

export interface MappedFieldErrors {
  byField: FieldErrors
  /** Messages whose field the form does not show; they go into a toast. */
  general: string[]
}

function isPathPrefix(prefix: string, path: string): boolean {
  return path === prefix || path.startsWith(prefix + '.')
}

/**
 * Puts each server field error next to the form field it names: the longest known key that is the
 * path itself or a dotted prefix of it (`location.lat` goes to `location.lat` if the form shows it,
 * else to `location`). The first message for a field wins.
 */
export function mapFieldErrors(fields: readonly FieldError[], knownKeys: readonly string[]): MappedFieldErrors {
  const byField: FieldErrors = {}
  const general: string[] = []
  for (const { field, message } of fields) {
    let best: string | null = null
    for (const key of knownKeys) {
      if (isPathPrefix(key, field) && (best === null || key.length > best.length)) best = key
    }
    if (best === null) {
      if (!general.includes(message)) general.push(message)
    } else if (!(best in byField)) {
      byField[best] = message
    }
  }
  return { byField, general }
}

/** The first message among these keys (a field shown as one control for several paths). */
export function firstError(errors: FieldErrors, ...keys: string[]): string | undefined {
  for (const key of keys) if (errors[key]) return errors[key]
  return undefined
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0
}

/** Without the errors of these fields and of anything under them: editing a field clears what was said about it. */
export function clearFieldErrors(errors: FieldErrors, ...keys: string[]): FieldErrors {
  const next: FieldErrors = {}
  let changed = false
  for (const [key, message] of Object.entries(errors)) {
    if (keys.some((k) => isPathPrefix(k, key))) changed = true
    else next[key] = message
  }
  return changed ? next : errors
}
