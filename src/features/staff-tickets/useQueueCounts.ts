import { useCount } from '@/components/useCount'
import { staffTicketsApi } from './api'

/** Sizes of the work queues (null until known or when the call failed). */
export function useQueueCounts(enabled: boolean) {
  const { value: counts, refresh } = useCount(enabled, () => staffTicketsApi.queueCounts())
  return { counts, refresh }
}
