import { useCallback, useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { callbacksApi, type CallbackCounts } from './api'

/** Open / overdue / mine callback counts (null until known or when the call failed). */
export function useCallbackCounts(enabled: boolean) {
  const [counts, setCounts] = useState<CallbackCounts | null>(null)
  const refresh = useCallback(() => {
    if (!enabled) return
    callbacksApi.counts().then(setCounts, () => setCounts(null))
  }, [enabled])
  useEffect(refresh, [refresh])
  useDidShow(refresh)
  return { counts, refresh }
}
