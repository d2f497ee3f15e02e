import { useRef } from 'react'
import { useRecord } from '@/components/useRecord'
import { noticesApi } from './api'

/** One notice for a resident: loaded, marked read once shown, refreshed on pull-down. */
export function useNotice(announcementId: string | undefined) {
  const marked = useRef<string | null>(null)
  const {
    record: notice,
    setRecord,
    error,
    retryable,
    loading,
    reload,
  } = useRecord(
    announcementId,
    '缺少通知编号',
    (id) => noticesApi.get(id),
    (n) => {
      // Residents' views carry `read`; mark it once per page (staff views have no read flag).
      if (n.read === false && marked.current !== n.announcementId) {
        marked.current = n.announcementId
        noticesApi.read(n.announcementId).then(
          () => setRecord((cur) => (cur && cur.announcementId === n.announcementId ? { ...cur, read: true } : cur)),
          () => {
            marked.current = null
          },
        )
      }
    },
  )
  return { notice, error, retryable, loading, reload }
}
