/** What the elder typed, as the server reads it: letters upper-cased, spaces and dashes dropped. */
export function normaliseBindCode(raw: string): string {
  return raw.replace(/[^0-9a-z]/gi, '').toUpperCase().slice(0, 12)
}
