/**
 * H5: Taro sizes the root font to 20 px per 375 px of width (between 20 and 40 px) and every length
 * is in rem. A larger root than that (the browser's or the system's text zoom) is the text scale.
 */
export function readTextScale(): number {
  if (typeof document === 'undefined' || typeof window === 'undefined') return 1
  const root = document.documentElement
  const rect = root.getBoundingClientRect()
  const width = Math.min(...[rect.width, rect.height].filter((v) => v > 0))
  const expected = Math.min(40, Math.max(20, (20 * width) / 375))
  const actual = parseFloat(window.getComputedStyle(root).fontSize)
  if (!Number.isFinite(actual) || !Number.isFinite(expected) || expected <= 0) return 1
  return actual / expected
}
