import { useCallback, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import type { AnnouncementView, ReachView } from '@/domain/announcements-api'
import { errorMessage } from '@/services/cloud'
import { useRecord, useRecordActions } from '@/components/useRecord'
import { staffNoticesApi } from './api'

/** Reach exists once a notice went out (published, then maybe expired or withdrawn). */
export const hasReach = (n: AnnouncementView) => !!n.publishedAt

/** One notice for staff, its reach, and the actions on it (each reloads afterwards). */
export function useStaffNotice(announcementId: string | undefined) {
  const [reach, setReach] = useState<ReachView | null>(null)
  const [reachError, setReachError] = useState<string | null>(null)

  const loadReach = useCallback(async (n: AnnouncementView) => {
    if (!hasReach(n)) return
    try {
      setReach(await staffNoticesApi.reach(n.announcementId))
      setReachError(null)
    } catch (err) {
      setReachError(errorMessage(err))
    }
  }, [])

  const {
    record: notice,
    error,
    loading,
    shown,
    reload,
  } = useRecord(
    announcementId,
    '缺少公告编号',
    (id) => staffNoticesApi.get(id),
    (n) => void loadReach(n),
  )
  const { acting, run } = useRecordActions<string>(reload)
  // Back from the editor: show the saved version.
  useDidShow(() => {
    if (shown.current) void reload()
  })

  /** Runs an action; resolves its answer when recorded (then reloads), undefined when refused. */
  async function act<T>(name: string, done: string, call: () => Promise<T>): Promise<T | undefined> {
    return (await run(name, done, call))?.value
  }

  return {
    notice,
    reach,
    reachError,
    error,
    loading,
    acting,
    reload,
    refreshReach: () => notice && loadReach(notice),
    act,
  }
}
