import { useCallback, useRef, useState } from 'react'

/** Runs one submit at a time and exposes `submitting` for the button's loading state. */
export function useSubmit<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  const [submitting, setSubmitting] = useState(false)
  const busy = useRef(false)
  const actionRef = useRef(action)
  actionRef.current = action

  const run = useCallback(async (...args: A) => {
    if (busy.current) return
    busy.current = true
    setSubmitting(true)
    try {
      await actionRef.current(...args)
    } finally {
      busy.current = false
      setSubmitting(false)
    }
  }, [])

  return { submitting, run }
}
