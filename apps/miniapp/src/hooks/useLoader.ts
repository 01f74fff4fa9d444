import { useCallback, useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { errorMessage } from '../services/api-error'

export interface LoaderState<T> {
  data: T | undefined
  loading: boolean
  error: string | null
  reload: () => Promise<void>
  setData: (data: T) => void
}

/**
 * Loads a page's data every time the page shows (so it is fresh after a sub-page saved something),
 * keeping what it already has on screen while it refreshes.
 */
export function useLoader<T>(load: () => Promise<T>, options: { enabled?: boolean } = {}): LoaderState<T> {
  const enabled = options.enabled !== false
  const [data, setData] = useState<T | undefined>(undefined)
  const [loading, setLoading] = useState(enabled)
  const [error, setError] = useState<string | null>(null)
  const loadRef = useRef(load)
  loadRef.current = load
  const seq = useRef(0)

  const reload = useCallback(async () => {
    const mine = ++seq.current
    setLoading(true)
    setError(null)
    try {
      const result = await loadRef.current()
      if (mine === seq.current) setData(result)
    } catch (err) {
      if (mine === seq.current) setError(errorMessage(err, '加载失败，请稍后再试'))
    } finally {
      if (mine === seq.current) setLoading(false)
    }
  }, [])

  useDidShow(() => {
    if (enabled) void reload()
  })

  return { data, loading, error, reload, setData }
}
