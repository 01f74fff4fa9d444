/**
 * Characters as the server counts them for a length limit: after trimming (the DTOs trim), one per
 * character even outside the BMP.
 */
export function textLength(text: string): number {
  return Array.from(text.trim()).length
}
