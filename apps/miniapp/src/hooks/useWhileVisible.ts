import { useEffect, useRef } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'

/**
 * Runs `start` while the page is on screen (live updates, polling, countdowns) and the function it
 * returns when the page is hidden or closed, so nothing keeps polling behind another page.
 */
export function useWhileVisible(start: () => () => void): void {
  const startRef = useRef(start)
  startRef.current = start
  const stopRef = useRef<(() => void) | null>(null)

  const begin = () => {
    if (!stopRef.current) stopRef.current = startRef.current()
  }
  const end = () => {
    stopRef.current?.()
    stopRef.current = null
  }

  useDidShow(begin)
  useDidHide(end)
  useEffect(() => end, [])
}
