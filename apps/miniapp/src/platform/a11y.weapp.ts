/** weapp: native components carry their own accessibility; nothing to add. */
export function enhanceAccessibility(): void {}
