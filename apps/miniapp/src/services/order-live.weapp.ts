const POLL_MS = 5000

/** weapp has no EventSource: ask again every 5 s while the page is visible (the page stops it on hide). */
export function watchOrder(_orderId: string, onChange: () => void): () => void {
  const poller = setInterval(onChange, POLL_MS)
  return () => clearInterval(poller)
}
