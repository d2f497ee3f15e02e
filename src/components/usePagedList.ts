import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { errorMessage } from '@/services/cloud'

export const PAGE_SIZE = 20

/** One page of a cursor-paged list, as every list action answers; `unread` where it applies. */
export interface PageOf<T> {
  items: T[]
  total: number
  nextCursor?: string
  unread?: number
}

/**
 * A cursor-paged list (tickets, notices, …). `key` names the query (e.g. the filter): when it
 * changes the list starts over, and answers to an older query are dropped; null = don't load.
 */
export function usePagedList<T>(key: string | null, fetchPage: (cursor?: string) => Promise<PageOf<T>>, idOf: (item: T) => string) {
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
        const seen = new Set((list ?? []).map(idOf))
        return [...(list ?? []), ...page.items.filter((i) => !seen.has(idOf(i)))]
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

/**
 * A paged list that is its page's content: back on the page (from a detail) and pull-down
 * refresh it quietly, reaching the bottom loads the next page. `onPullDown` refreshes what else
 * the page shows (e.g. tab counts).
 */
export function useListPage(list: Pick<ReturnType<typeof usePagedList>, 'items' | 'reload' | 'loadMore'>, onPullDown?: () => void) {
  useDidShow(() => {
    if (list.items) void list.reload(true)
  })
  usePullDownRefresh(() => {
    onPullDown?.()
    void list.reload(true).finally(() => void Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void list.loadMore())
}
