/**
 * H5: the field label becomes the accessible name of the real <input> inside Taro's element
 * (`nativeProps` reach it), so screen readers and `getByLabel('姓名')` find it.
 */
export function labelled(label: string): { nativeProps: Record<string, unknown> } {
  return { nativeProps: { 'aria-label': label } }
}
