import { useCount } from '@/components/useCount'
import { staffNoticesApi } from './api'

/** Notices waiting for review, for the workbench tile (supervisors, admins); null = unknown. */
export function useReviewCount(enabled: boolean) {
  return useCount(enabled, () => staffNoticesApi.list({ status: 'review', pageSize: 1 }).then((page) => page.total)).value
}
