/**
 * Characters as the server counts them for a length limit: after trimming (the DTOs trim), one per
 * character even outside the BMP.
 */
export function textLength(text: string): number {
  return Array.from(text.trim()).length
}

/** The counter under a text area: 12/300. */
export function countLabel(text: string, max: number): string {
  return `${textLength(text)}/${max}`
}
