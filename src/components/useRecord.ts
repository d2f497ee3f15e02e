import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { CloudError, errorMessage, isRetryable } from '@/services/cloud'

/**
 * One record shown by id (a ticket, a notice): loaded on open and on pull-down. A failed first
 * load shows the error; a failed refresh keeps the record on screen and says why in a toast.
 * `missing` is the error when the page has no id; `onLoaded` sees every loaded version.
 */
export function useRecord<T>(id: string | undefined, missing: string, fetch: (id: string) => Promise<T>, onLoaded?: (record: T) => void) {
  const [record, setRecord] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [retryable, setRetryable] = useState(false)
  const shown = useRef(false)
  const fetchRef = useRef(fetch)
  fetchRef.current = fetch
  const onLoadedRef = useRef(onLoaded)
  onLoadedRef.current = onLoaded

  const load = useCallback(async () => {
    if (!id) {
      setRetryable(false)
      setError(missing)
      return
    }
    try {
      const next = await fetchRef.current(id)
      shown.current = true
      setError(null)
      setRecord(next)
      onLoadedRef.current?.(next)
    } catch (err) {
      if (shown.current) void Taro.showToast({ title: errorMessage(err), icon: 'none' })
      else {
        setRetryable(isRetryable(err))
        setError(errorMessage(err))
      }
    }
  }, [id, missing])

  useEffect(() => {
    void load()
  }, [load])

  usePullDownRefresh(() => {
    void load().finally(() => void Taro.stopPullDownRefresh())
  })

  /** `retryable`: the first load's error is one a retry can fix (offer 重试 only then). */
  return { record, setRecord, error, retryable, loading: !record && !error, shown, reload: load }
}

/**
 * Actions on a shown record, one at a time (a ref, not state: two taps in one render must not both
 * send). Success toasts `done` and reloads; a refusal toasts why, and a CONFLICT (someone else
 * changed it meanwhile) reloads so the screen shows the current state and buttons.
 * Resolves `{ value }` when recorded, undefined when refused.
 */
export function useRecordActions<N extends string>(reload: () => Promise<void>) {
  const [acting, setActing] = useState<N | null>(null)
  const busy = useRef(false)

  async function run<T>(name: N, done: string, call: () => Promise<T>): Promise<{ value: T } | undefined> {
    if (busy.current) return undefined
    busy.current = true
    setActing(name)
    try {
      const value = await call()
      void Taro.showToast({ title: done, icon: 'success' })
      await reload()
      return { value }
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' })
      if (err instanceof CloudError && err.code === 'CONFLICT') await reload()
      return undefined
    } finally {
      busy.current = false
      setActing(null)
    }
  }

  return { acting, run }
}
