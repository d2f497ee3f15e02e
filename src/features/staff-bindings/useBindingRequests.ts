import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { errorMessage } from '@/services/cloud'
import { accountApi, type BindingRequest } from '@/features/account'
import { staffBindingsApi } from './api'

const PAGE_SIZE = 20

/** 待审核 (pending), 审核记录 (decisions, newest first) or 已绑定 (approved members). */
export type ReviewTab = 'pending' | 'history' | 'approved'

const fetchPage = (tab: ReviewTab, cursor?: string) =>
  tab === 'history'
    ? staffBindingsApi.history({ pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) })
    : accountApi.listBindingRequests({ status: tab, pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) })

/** The request just approved here, offered for undo until the server's window closes (see `undo`). */
export interface JustApproved {
  item: BindingRequest
}

/** One tab of 绑定审核, paged by cursor; approve/reject (pending), undo an approval, revoke (approved). */
export function useBindingRequests(enabled: boolean, tab: ReviewTab = 'pending') {
  const [items, setItems] = useState<BindingRequest[] | null>(null)
  const [total, setTotal] = useState(0)
  const [cursor, setCursor] = useState<string | undefined>()
  const [loading, setLoading] = useState(false)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [deciding, setDeciding] = useState<string | null>(null)
  const [justApproved, setJustApproved] = useState<JustApproved | null>(null)

  const reload = useCallback(async () => {
    if (!enabled) return
    setLoading(true)
    setError(null)
    try {
      const page = await fetchPage(tab)
      setItems(page.items)
      setTotal(page.total)
      setCursor(page.nextCursor)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setLoading(false)
    }
  }, [enabled, tab])

  useEffect(() => {
    void reload()
  }, [reload])

  async function loadMore() {
    if (!cursor || loadingMore) return
    setLoadingMore(true)
    try {
      const page = await fetchPage(tab, cursor)
      setItems((list) => {
        const seen = new Set((list ?? []).map((i) => i.membershipId))
        return [...(list ?? []), ...page.items.filter((i) => !seen.has(i.membershipId))]
      })
      setTotal(page.total)
      setCursor(page.nextCursor)
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' })
    } finally {
      setLoadingMore(false)
    }
  }

  /** Runs one change of a row at a time; resolves true when the server recorded it. */
  async function change(item: BindingRequest, run: () => Promise<unknown>, done: string, after: () => void): Promise<boolean> {
    if (deciding) return false
    setDeciding(item.membershipId)
    try {
      await run()
      after()
      void Taro.showToast({ title: done, icon: 'success' })
      return true
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' })
      return false
    } finally {
      setDeciding(null)
    }
  }

  const drop = (item: BindingRequest) => {
    setItems((list) => (list ?? []).filter((i) => i.membershipId !== item.membershipId))
    setTotal((t) => Math.max(0, t - 1))
  }

  /** Approve or reject (the row is then gone; an approval is offered for undo). */
  const decide = (item: BindingRequest, approve: boolean, reason?: string) =>
    change(
      item,
      () => accountApi.decideBinding(item.membershipId, approve, reason?.trim() || undefined),
      approve ? '已通过' : '已拒绝',
      () => {
        drop(item)
        setJustApproved(approve ? { item } : null)
      },
    )

  /** Ends a membership with a reason on record; the household is told by the server. */
  const revoke = (item: BindingRequest, reason: string) =>
    change(
      item,
      () => accountApi.revokeMembership(item.membershipId, reason),
      '已撤销',
      () => drop(item),
    )

  /** Undo an approval (the server decides whether it is still in time and whether the caller may). */
  const undo = (item: BindingRequest) =>
    change(
      item,
      () => staffBindingsApi.undo(item.membershipId),
      '已撤回，申请恢复为待审核',
      () => {
        setJustApproved(null)
        void reload()
      },
    )

  return { items, total, hasMore: !!cursor, loading, loadingMore, error, deciding, justApproved, reload, loadMore, decide, revoke, undo, dismiss: () => setJustApproved(null) }
}
