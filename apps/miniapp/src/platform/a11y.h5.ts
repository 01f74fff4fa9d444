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
    if (target?.tagName === 'TARO-BUTTON-CORE') {
      event.preventDefault()
      target.click()
    }
  }

  const apply = () => {
    document.querySelectorAll<HTMLElement>('.taro_page:not([tabindex])').forEach((page) => {
      page.setAttribute('tabindex', '0')
    })
    document.querySelectorAll<HTMLElement>('taro-button-core:not([role])').forEach((button) => {
      button.setAttribute('role', 'button')
      if (button.getAttribute('disabled') !== 'true') button.setAttribute('tabindex', '0')
    })
  }

  document.addEventListener('keydown', onKey)
  new MutationObserver(apply).observe(document.body, { childList: true, subtree: true })
  apply()
}
