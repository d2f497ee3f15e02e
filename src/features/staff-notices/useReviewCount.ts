import { useCallback, useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { staffNoticesApi } from './api'

/** Notices waiting for review, for the workbench tile (supervisors, admins); null = unknown. */
export function useReviewCount(enabled: boolean) {
  const [count, setCount] = useState<number | null>(null)
  const refresh = useCallback(() => {
    if (!enabled) return
    staffNoticesApi.list({ status: 'review', pageSize: 1 }).then(
      (page) => setCount(page.total),
      () => setCount(null),
    )
  }, [enabled])
  useEffect(refresh, [refresh])
  useDidShow(refresh)
  return count
}
