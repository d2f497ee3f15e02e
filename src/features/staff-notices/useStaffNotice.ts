import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { AnnouncementView, ReachView } from '@/domain/announcements-api'
import { CloudError, errorMessage } from '@/services/cloud'
import { staffNoticesApi } from './api'

/** Reach exists once a notice went out (published, then maybe expired or withdrawn). */
export const hasReach = (n: AnnouncementView) => !!n.publishedAt

/** One notice for staff, its reach, and the actions on it (each reloads afterwards). */
export function useStaffNotice(announcementId: string | undefined) {
  const [notice, setNotice] = useState<AnnouncementView | null>(null)
  const [reach, setReach] = useState<ReachView | null>(null)
  const [reachError, setReachError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [acting, setActing] = useState<string | null>(null)
  const busy = useRef(false)
  const shown = useRef(false)

  const loadReach = useCallback(async (n: AnnouncementView) => {
    if (!hasReach(n)) return
    try {
      setReach(await staffNoticesApi.reach(n.announcementId))
      setReachError(null)
    } catch (err) {
      setReachError(errorMessage(err))
    }
  }, [])

  const load = useCallback(async () => {
    if (!announcementId) {
      setError('缺少公告编号')
      return
    }
    try {
      const n = await staffNoticesApi.get(announcementId)
      shown.current = true
      setError(null)
      setNotice(n)
      void loadReach(n)
    } catch (err) {
      if (shown.current) void Taro.showToast({ title: errorMessage(err), icon: 'none' })
      else setError(errorMessage(err))
    }
  }, [announcementId, loadReach])

  useEffect(() => {
    void load()
  }, [load])
  // Back from the editor: show the saved version.
  useDidShow(() => {
    if (shown.current) void load()
  })
  usePullDownRefresh(() => {
    void load().finally(() => void Taro.stopPullDownRefresh())
  })

  /** Runs an action; resolves its answer when recorded (then reloads), undefined when refused. */
  async function act<T>(name: string, done: string, call: () => Promise<T>): Promise<T | undefined> {
    if (busy.current) return undefined
    busy.current = true
    setActing(name)
    try {
      const res = await call()
      void Taro.showToast({ title: done, icon: 'success' })
      await load()
      return res
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' })
      if (err instanceof CloudError && err.code === 'CONFLICT') await load()
      return undefined
    } finally {
      busy.current = false
      setActing(null)
    }
  }

  return {
    notice,
    reach,
    reachError,
    error,
    loading: !notice && !error,
    acting,
    reload: load,
    refreshReach: () => notice && loadReach(notice),
    act,
  }
}
