/**
 * A page query value. weapp hands `onLoad` options over still URL-encoded, the H5 router decoded:
 * decoding once more is harmless for our values (ids, digits, dish names) and fixes weapp.
 */
export function param(params: Record<string, string | undefined>, key: string): string | null {
  const raw = params[key]
  if (typeof raw !== 'string' || raw === '') return null
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
