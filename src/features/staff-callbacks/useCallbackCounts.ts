import { useCount } from '@/components/useCount'
import { callbacksApi } from './api'

/** Open / overdue / mine callback counts (null until known or when the call failed). */
export function useCallbackCounts(enabled: boolean) {
  const { value: counts, refresh } = useCount(enabled, () => callbacksApi.counts())
  return { counts, refresh }
}
