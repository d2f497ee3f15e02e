import { useState } from 'react'
import Taro from '@tarojs/taro'
import { errorMessage } from '@/services/cloud'
import { useCount } from '@/components/useCount'
import { accountApi, patchMe, useMe } from '@/features/account'

/** Number of pending binding requests, for reviewers (desk, admin). */
export function usePendingCount(enabled: boolean) {
  return useCount(enabled, () => accountApi.listBindingRequests({ status: 'pending', pageSize: 1 }).then((page) => page.total)).value
}

/** The on-duty switch: optimistic, reverted with a toast when the call fails. */
export function useOnDuty() {
  const { me } = useMe()
  const [saving, setSaving] = useState(false)
  const onDuty = !!me?.staff?.onDuty

  async function toggle(next: boolean) {
    if (saving || !me?.staff) return
    setSaving(true)
    patchMe((m) => ({ ...m, staff: m.staff && { ...m.staff, onDuty: next } }))
    try {
      const staff = await accountApi.setOnDuty(next)
      patchMe((m) => ({ ...m, staff }))
      void Taro.showToast({ title: next ? '已切换为在岗' : '已切换为休息', icon: 'none' })
    } catch (err) {
      patchMe((m) => ({ ...m, staff: m.staff && { ...m.staff, onDuty: !next } }))
      void Taro.showToast({ title: errorMessage(err), icon: 'none' })
    } finally {
      setSaving(false)
    }
  }
  return { onDuty, saving, toggle }
}
