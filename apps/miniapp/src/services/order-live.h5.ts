import { orderStreamUrl } from './orders'
import { tokenStore } from './storage'

const RETRY_MS = 5000
const POLL_MS = 5000
const MAX_STREAM_FAILURES = 3

/**
 * H5: calls `onChange` whenever the order's status changes, from the SSE stream (events named
 * `status`). A stream the server closed (e.g. an expired token) is reopened with the current token
 * after a refetch, which refreshes it; after repeated failures it falls back to polling.
 * Returns the function that stops watching.
 */
export function watchOrder(orderId: string, onChange: () => void): () => void {
  let stopped = false
  let failures = 0
  let source: EventSource | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let poller: ReturnType<typeof setInterval> | null = null

  function poll() {
    if (!poller) poller = setInterval(onChange, POLL_MS)
  }

  function open() {
    if (stopped) return
    const token = tokenStore.getAccess()
    if (typeof EventSource === 'undefined' || !token || failures >= MAX_STREAM_FAILURES) {
      poll()
      return
    }
    const es = new EventSource(orderStreamUrl(orderId, token))
    source = es
    es.addEventListener('status', () => {
      failures = 0
      onChange()
    })
    es.onerror = () => {
      // CONNECTING means the browser is already reconnecting by itself.
      if (es.readyState !== EventSource.CLOSED) return
      es.close()
      source = null
      failures += 1
      onChange()
      timer = setTimeout(open, RETRY_MS)
    }
  }

  open()
  return () => {
    stopped = true
    source?.close()
    if (timer) clearTimeout(timer)
    if (poller) clearInterval(poller)
  }
}
