/** weapp: WeChat's screen reader reads the input's aria-label. */
export function labelled(label: string): { ariaLabel: string } {
  return { ariaLabel: label }
}
