import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import type { RoutingRule } from '@/domain/tickets/routing'
import { errorMessage } from '@/services/cloud'
import { staffTicketsApi, type DepartmentMember } from '@/features/staff-tickets'
import { normalize } from './rules'

/** The community's routing rules: loaded, edited locally, saved as a whole. */
export function useRouting(enabled: boolean) {
  const [rules, setRules] = useState<RoutingRule[] | null>(null)
  const [staff, setStaff] = useState<DepartmentMember[]>([])
  const [error, setError] = useState<string | null>(null)
  const [dirty, setDirty] = useState(false)
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)

  const load = useCallback(async () => {
    if (!enabled) return
    setError(null)
    try {
      const [res, people] = await Promise.all([staffTicketsApi.getRouting(), staffTicketsApi.departmentStaff().catch(() => [] as DepartmentMember[])])
      setRules(res.rules)
      setStaff(people)
      setDirty(false)
    } catch (err) {
      setError(errorMessage(err))
    }
  }, [enabled])

  useEffect(() => {
    void load()
  }, [load])

  function change(next: RoutingRule[]) {
    setRules(next)
    setDirty(true)
    setSaveError(null)
  }

  async function save() {
    if (!rules || saving) return
    if (rules.length === 0) {
      setSaveError('至少保留一条规则')
      return
    }
    setSaving(true)
    setSaveError(null)
    try {
      const res = await staffTicketsApi.setRouting(rules.map(normalize))
      setRules(res.rules)
      setDirty(false)
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      setSaveError(errorMessage(err))
    } finally {
      setSaving(false)
    }
  }

  return {
    rules,
    staff,
    error,
    dirty,
    saving,
    saveError,
    reload: load,
    put(index: number | null, rule: RoutingRule) {
      const list = rules ?? []
      change(index === null ? [...list, rule] : list.map((r, i) => (i === index ? rule : r)))
    },
    remove(index: number) {
      change((rules ?? []).filter((_, i) => i !== index))
    },
    save,
  }
}
