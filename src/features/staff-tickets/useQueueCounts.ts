import { useCallback, useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { staffTicketsApi, type QueueCounts } from './api'

/** Sizes of the work queues (null until known or when the call failed). */
export function useQueueCounts(enabled: boolean) {
  const [counts, setCounts] = useState<QueueCounts | null>(null)
  const refresh = useCallback(() => {
    if (!enabled) return
    staffTicketsApi.queueCounts().then(setCounts, () => setCounts(null))
  }, [enabled])
  useEffect(refresh, [refresh])
  useDidShow(refresh)
  return { counts, refresh }
}
