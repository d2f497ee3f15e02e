import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import type { HomeView } from '@/domain/identity'
import { errorMessage } from '@/services/cloud'
import { accountApi } from '@/features/account'

/** Members of one home (owner's view) and removing one of them. */
export function useHousehold(unitId: string | null) {
  const [members, setMembers] = useState<HomeView[] | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [removing, setRemoving] = useState<string | null>(null)

  const load = useCallback(async () => {
    if (!unitId) return
    setLoading(true)
    setError(null)
    try {
      setMembers(await accountApi.householdMembers(unitId))
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setLoading(false)
    }
  }, [unitId])

  useEffect(() => {
    setMembers(null)
    void load()
  }, [load])

  async function remove(member: HomeView) {
    const { confirm } = await Taro.showModal({
      title: '移除家庭成员',
      content: `确定将「${member.name}」移出本户吗？移除后对方将无法使用本房屋的物业服务。`,
      confirmText: '移除',
      confirmColor: '#e5484d',
    })
    if (!confirm) return
    setRemoving(member.membershipId)
    try {
      await accountApi.removeMember(member.membershipId)
      setMembers((list) => (list ?? []).filter((m) => m.membershipId !== member.membershipId))
      void Taro.showToast({ title: '已移除', icon: 'success' })
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' })
    } finally {
      setRemoving(null)
    }
  }

  /** An owner lets a family member or tenant in (or not): the same decision the desk can make. */
  async function decide(member: HomeView, approve: boolean) {
    let reason: string | undefined
    if (!approve) {
      const res = await Taro.showModal({
        title: '拒绝加入',
        content: `拒绝「${member.name}」加入本户？`,
        confirmText: '拒绝',
        confirmColor: '#e5484d',
        editable: true,
        placeholderText: '原因（必填）',
      } as any)
      if (!res.confirm) return
      reason = String((res as any).content ?? '').trim() || '业主未同意'
    }
    setRemoving(member.membershipId)
    try {
      const updated = await accountApi.decideBinding(member.membershipId, approve, reason)
      setMembers((list) => (list ?? []).map((m) => (m.membershipId === updated.membershipId ? updated : m)).filter((m) => m.status !== 'rejected'))
      void Taro.showToast({ title: approve ? '已同意加入' : '已拒绝', icon: approve ? 'success' : 'none' })
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' })
    } finally {
      setRemoving(null)
    }
  }

  return { members, loading, error, reload: load, remove, decide, removing }
}
