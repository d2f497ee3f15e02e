import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { errorMessage } from '@/services/cloud'
import type { MembershipStatus } from '@/domain/membership-status'
import { accountApi, type BindingRequest } from '@/features/account'

const PAGE_SIZE = 20

/** Binding requests of one status, paged by cursor; approve/reject (pending) and revoke (approved). */
export function useBindingRequests(enabled: boolean, status: MembershipStatus = 'pending') {
  const [items, setItems] = useState<BindingRequest[] | null>(null)
  const [total, setTotal] = useState(0)
  const [cursor, setCursor] = useState<string | undefined>()
  const [loading, setLoading] = useState(false)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [deciding, setDeciding] = useState<string | null>(null)

  const reload = useCallback(async () => {
    if (!enabled) return
    setLoading(true)
    setError(null)
    try {
      const page = await accountApi.listBindingRequests({ status, pageSize: PAGE_SIZE })
      setItems(page.items)
      setTotal(page.total)
      setCursor(page.nextCursor)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setLoading(false)
    }
  }, [enabled, status])

  useEffect(() => {
    void reload()
  }, [reload])

  async function loadMore() {
    if (!cursor || loadingMore) return
    setLoadingMore(true)
    try {
      const page = await accountApi.listBindingRequests({ status, pageSize: PAGE_SIZE, cursor })
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

  /** Resolves true when the decision was recorded (the row is then gone). */
  async function decide(item: BindingRequest, approve: boolean, reason?: string): Promise<boolean> {
    if (deciding) return false
    setDeciding(item.membershipId)
    try {
      await accountApi.decideBinding(item.membershipId, approve, reason?.trim() || undefined)
      setItems((list) => (list ?? []).filter((i) => i.membershipId !== item.membershipId))
      setTotal((t) => Math.max(0, t - 1))
      void Taro.showToast({ title: approve ? '已通过' : '已拒绝', icon: 'success' })
      return true
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' })
      return false
    } finally {
      setDeciding(null)
    }
  }

  /** Ends a membership with a reason on record; the household is told by the server. */
  async function revoke(item: BindingRequest, reason: string): Promise<boolean> {
    if (deciding) return false
    setDeciding(item.membershipId)
    try {
      await accountApi.revokeMembership(item.membershipId, reason)
      setItems((list) => (list ?? []).filter((i) => i.membershipId !== item.membershipId))
      setTotal((t) => Math.max(0, t - 1))
      void Taro.showToast({ title: '已撤销', icon: 'success' })
      return true
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' })
      return false
    } finally {
      setDeciding(null)
    }
  }

  return { items, total, hasMore: !!cursor, loading, loadingMore, error, deciding, reload, loadMore, decide, revoke }
}
