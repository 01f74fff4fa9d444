import { orderStreamUrl } from './orders'
import { tokenStore } from './storage'

const RETRY_MS = 5000
const POLL_MS = 5000
const MAX_STREAM_FAILURES = 3

/**
 * H5: calls `onChange` whenever the order's status changes, from the SSE stream (events named
 * `status`). Each opening takes a new one-time ticket; a stream the server closed is reopened with
 * a new one after a refetch; after repeated failures it falls back to polling.
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

  function retry() {
    failures += 1
    onChange()
    timer = setTimeout(() => void open(), RETRY_MS)
  }

  async function open() {
    if (stopped) return
    if (typeof EventSource === 'undefined' || !tokenStore.getAccess() || failures >= MAX_STREAM_FAILURES) {
      poll()
      return
    }
    let url: string
    try {
      url = await orderStreamUrl(orderId)
    } catch {
      retry()
      return
    }
    if (stopped) return
    const es = new EventSource(url)
    source = es
    es.addEventListener('status', () => {
      failures = 0
      onChange()
    })
    es.onerror = () => {
      // CONNECTING means the browser is reconnecting by itself; with a used ticket the server refuses
      // it, the source closes, and it is opened again here with a new ticket.
      if (es.readyState !== EventSource.CLOSED) return
      es.close()
      source = null
      retry()
    }
  }

  void open()
  return () => {
    stopped = true
    source?.close()
    if (timer) clearTimeout(timer)
    if (poller) clearInterval(poller)
  }
}
