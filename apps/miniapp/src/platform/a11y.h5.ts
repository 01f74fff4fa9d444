/**
 * H5: Taro renders each page as a scrolling <div> and buttons as <taro-button-core> custom elements,
 * which keyboards and screen readers do not know. Mark pages as focusable scroll regions and
 * buttons as buttons (Enter/Space click them), as they appear.
 */
export function enhanceAccessibility(): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return

  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return
    const target = event.target as HTMLElement | null
    if (target?.tagName === 'TARO-BUTTON-CORE' || target?.dataset.ccNavButton) {
      event.preventDefault()
      target.click()
    }
  }

  const apply = () => {
    document.querySelectorAll<HTMLElement>('.taro_page:not([tabindex])').forEach((page) => {
      page.setAttribute('tabindex', '0')
    })
    // The title bar's 返回 / 首页 are bare <div>s with click listeners.
    for (const [selector, label] of [['.taro-navigation-bar-back', '返回'], ['.taro-navigation-bar-home', '回到首页']] as const) {
      document.querySelectorAll<HTMLElement>(`#taro-navigation-bar ${selector}:not([role])`).forEach((button) => {
        button.setAttribute('role', 'button')
        button.setAttribute('aria-label', label)
        button.setAttribute('tabindex', '0')
        button.dataset.ccNavButton = '1'
      })
    }
    document.querySelectorAll<HTMLElement>('taro-button-core:not([role])').forEach((button) => {
      button.setAttribute('role', 'button')
      if (button.getAttribute('disabled') !== 'true') button.setAttribute('tabindex', '0')
    })
  }

  document.addEventListener('keydown', onKey)
  new MutationObserver(apply).observe(document.body, { childList: true, subtree: true })
  apply()
}
