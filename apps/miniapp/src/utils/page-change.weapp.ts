/** In the mini-program a toast outlives the page change, so it can be shown at once. */
export function afterNextPageChange(fn: () => void): void {
  fn()
}
