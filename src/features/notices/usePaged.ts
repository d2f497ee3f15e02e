import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { errorMessage } from '@/services/cloud'
import type { NoticePage } from './api'

export const PAGE_SIZE = 20

type Item = { announcementId: string }

/**
 * A cursor-paged list of notices. `key` names the query (a filter, a status tab): when it
 * changes the list starts over and answers to the older query are dropped; null = don't load.
 */
export function usePaged<T extends Item>(key: string | null, fetchPage: (cursor?: string) => Promise<Omit<NoticePage, 'items'> & { items: T[] }>) {
  const [items, setItems] = useState<T[] | null>(null)
  const [total, setTotal] = useState(0)
  const [unread, setUnread] = useState<number | undefined>()
  const [cursor, setCursor] = useState<string | undefined>()
  const [error, setError] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const generation = useRef(0)

  /** Loads the first page; `keep` leaves the current items on screen meanwhile (refresh). */
  const reload = useCallback(
    async (keep = false) => {
      if (key === null) return
      const gen = ++generation.current
      if (!keep) setItems(null)
      setError(null)
      try {
        const page = await fetchRef.current()
        if (gen !== generation.current) return
        setItems(page.items)
        setTotal(page.total)
        setUnread(page.unread)
        setCursor(page.nextCursor)
      } catch (err) {
        if (gen !== generation.current) return
        if (keep) void Taro.showToast({ title: errorMessage(err), icon: 'none' })
        else setError(errorMessage(err))
      }
    },
    [key],
  )

  useEffect(() => {
    void reload()
  }, [reload])

  async function loadMore() {
    if (!cursor || loadingMore) return
    const gen = generation.current
    setLoadingMore(true)
    try {
      const page = await fetchRef.current(cursor)
      if (gen !== generation.current) return
      setItems((list) => {
        const seen = new Set((list ?? []).map((i) => i.announcementId))
        return [...(list ?? []), ...page.items.filter((i) => !seen.has(i.announcementId))]
      })
      setTotal(page.total)
      if (page.unread !== undefined) setUnread(page.unread)
      setCursor(page.nextCursor)
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' })
    } finally {
      setLoadingMore(false)
    }
  }

  return { items, total, unread, error, loadingMore, hasMore: !!cursor, reload, loadMore }
}
