import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import type { StaffView } from '@/domain/identity'
import type { StaffRole } from '@/domain/roles'
import { errorMessage } from '@/services/cloud'
import { accountApi } from '@/features/account'

export function useStaffMembers(enabled: boolean) {
  const [staff, setStaff] = useState<StaffView[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState<string | null>(null)

  const reload = useCallback(async () => {
    if (!enabled) return
    setError(null)
    try {
      setStaff(await accountApi.listStaff())
    } catch (err) {
      setError(errorMessage(err))
    }
  }, [enabled])

  useEffect(() => {
    void reload()
  }, [reload])

  async function update(member: StaffView, patch: { roles?: StaffRole[]; active?: boolean }): Promise<boolean> {
    if (saving) return false
    setSaving(member.staffId)
    try {
      const next = await accountApi.updateStaff(member.staffId, patch)
      setStaff((list) => (list ?? []).map((s) => (s.staffId === next.staffId ? next : s)))
      void Taro.showToast({ title: '已保存', icon: 'success' })
      return true
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' })
      return false
    } finally {
      setSaving(null)
    }
  }

  return { staff, error, saving, reload, update }
}
