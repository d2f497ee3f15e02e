import { useCallback, useEffect, useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import type { DeadlineKind } from '@/domain/tickets/sla'
import { errorMessage } from '@/services/cloud'
import { slaApi, type SlaSettings } from './api'
import { checkDraft, toDraft, toPayload, type Draft, type Group } from './model'

export const FIX_FIRST = '请先修正标红的项目'

/** `cat.<code>`: an error about an override as a whole (not one of its timers). */
const isOverrideKey = (k: string) => k.startsWith('cat.') && k.split('.').length === 2

/** The community's service levels: loaded, edited as text, checked, saved as a whole. */
export function useSla(enabled: boolean) {
  const [settings, setSettings] = useState<SlaSettings | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [saved, setSaved] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [tried, setTried] = useState(false)
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)

  const take = useCallback((res: SlaSettings) => {
    const d = toDraft(res.sla)
    setSettings(res)
    setDraft(d)
    setSaved(JSON.stringify(d))
    setTried(false)
  }, [])

  const load = useCallback(async () => {
    if (!enabled) return
    setError(null)
    try {
      take(await slaApi.get())
    } catch (err) {
      setError(errorMessage(err))
    }
  }, [enabled, take])

  useEffect(() => {
    void load()
  }, [load])

  const errors = useMemo(() => (draft ? checkDraft(draft) : {}), [draft])
  const dirty = !!draft && JSON.stringify(draft) !== saved

  function change(fn: (d: Draft) => Draft) {
    setDraft((d) => (d ? fn(d) : d))
    setSaveError(null)
  }

  async function save() {
    if (!draft || !settings || saving) return
    setTried(true)
    if (Object.keys(errors).length > 0) {
      setSaveError(FIX_FIRST)
      return
    }
    setSaving(true)
    setSaveError(null)
    try {
      take(await slaApi.set(toPayload(draft, settings.defaults)))
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      setSaveError(errorMessage(err))
    } finally {
      setSaving(false)
    }
  }

  return {
    settings,
    draft,
    error,
    /** Field errors; an override left empty is only flagged after a save attempt. */
    errors: tried ? errors : Object.fromEntries(Object.entries(errors).filter(([k]) => !isOverrideKey(k))),
    dirty,
    saving,
    saveError,
    reload: load,
    setTimer(group: Group, kind: DeadlineKind, value: string) {
      change((d) => ({ ...d, groups: { ...d.groups, [group]: { ...d.groups[group], [kind]: value } } }))
    },
    setOverride(code: string, kind: DeadlineKind, value: string) {
      change((d) => ({ ...d, categories: d.categories.map((o) => (o.code === code ? { ...o, values: { ...o.values, [kind]: value } } : o)) }))
    },
    addOverride(code: string) {
      change((d) => (d.categories.some((o) => o.code === code) ? d : { ...d, categories: [...d.categories, { code, values: {} }] }))
    },
    removeOverride(code: string) {
      change((d) => ({ ...d, categories: d.categories.filter((o) => o.code !== code) }))
    },
    setAutoConfirmDays(value: string) {
      change((d) => ({ ...d, autoConfirmDays: value }))
    },
    save,
  }
}

export type Sla = ReturnType<typeof useSla>
