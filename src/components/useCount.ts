import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'

/**
 * A count (or a few counts) a page shows on a badge or a tile: loaded when enabled and again each
 * time the page shows; null until known or when the call failed (a count is never an error).
 */
export function useCount<T>(enabled: boolean, fetch: () => Promise<T>) {
  const [value, setValue] = useState<T | null>(null)
  const fetchRef = useRef(fetch)
  fetchRef.current = fetch
  const refresh = useCallback(() => {
    if (!enabled) return
    fetchRef.current().then(setValue, () => setValue(null))
  }, [enabled])
  useEffect(refresh, [refresh])
  useDidShow(refresh)
  return { value, refresh }
}
