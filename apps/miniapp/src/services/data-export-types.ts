/** Where the exported JSON went, in words for the page, and how to pass it on where the platform can. */
export interface SavedExport {
  fileName: string
  where: string
  /** weapp: send the file to a chat; null where the file is already the user's (H5 download). */
  share: (() => Promise<void>) | null
}

/** `carecircle-mydata-20261127-1630.json`, in Shanghai time. */
export function exportFileName(exportedAt: string): string {
  const d = new Date(new Date(exportedAt).getTime() + 8 * 3600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}`
  return Number.isNaN(d.getTime()) ? 'carecircle-mydata.json' : `carecircle-mydata-${stamp}.json`
}
