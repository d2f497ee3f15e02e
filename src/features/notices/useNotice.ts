import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { errorMessage } from '@/services/cloud'
import { noticesApi, type Notice } from './api'

/** One notice for a resident: loaded, marked read once shown, refreshed on pull-down. */
export function useNotice(announcementId: string | undefined) {
  const [notice, setNotice] = useState<Notice | null>(null)
  const [error, setError] = useState<string | null>(null)
  const marked = useRef<string | null>(null)

  const load = useCallback(async () => {
    if (!announcementId) {
      setError('缺少通知编号')
      return
    }
    try {
      const n = await noticesApi.get(announcementId)
      setError(null)
      setNotice(n)
      // Residents' views carry `read`; mark it once per page (staff views have no read flag).
      if (n.read === false && marked.current !== n.announcementId) {
        marked.current = n.announcementId
        noticesApi.read(n.announcementId).then(
          () => setNotice((cur) => (cur && cur.announcementId === n.announcementId ? { ...cur, read: true } : cur)),
          () => {
            marked.current = null
          },
        )
      }
    } catch (err) {
      if (notice) void Taro.showToast({ title: errorMessage(err), icon: 'none' })
      else setError(errorMessage(err))
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [announcementId])

  useEffect(() => {
    void load()
  }, [load])

  usePullDownRefresh(() => {
    void load().finally(() => void Taro.stopPullDownRefresh())
  })

  return { notice, error, loading: !notice && !error, reload: load }
}
