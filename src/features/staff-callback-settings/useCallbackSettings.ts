import { useCallback, useEffect, useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import type { CallbackPolicy } from '@/domain/tickets/reminders'
import { errorMessage } from '@/services/cloud'
import { callbackSettingsApi, type CallbackSettingsView } from './api'
import { checkDraft, toDraft, toPayload, type Draft, type NumberKey, type PolicyType } from './model'

export const FIX_FIRST = '请先修正标红的项目'

/** The community's callback settings: loaded, edited as text, checked, saved as a whole. */
export function useCallbackSettings(enabled: boolean) {
  const [view, setView] = useState<CallbackSettingsView | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [saved, setSaved] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)

  const take = useCallback((res: CallbackSettingsView) => {
    const d = toDraft(res.settings)
    setView(res)
    setDraft(d)
    setSaved(JSON.stringify(d))
  }, [])

  const load = useCallback(async () => {
    if (!enabled) return
    setError(null)
    try {
      take(await callbackSettingsApi.get())
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
    if (!draft || saving) return
    if (Object.keys(errors).length > 0) {
      setSaveError(FIX_FIRST)
      return
    }
    setSaving(true)
    setSaveError(null)
    try {
      take(await callbackSettingsApi.set(toPayload(draft)))
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      setSaveError(errorMessage(err))
    } finally {
      setSaving(false)
    }
  }

  return {
    view,
    draft,
    error,
    errors,
    dirty,
    saving,
    saveError,
    reload: load,
    setPolicy(type: PolicyType, policy: CallbackPolicy) {
      change((d) => ({ ...d, policy: { ...d.policy, [type]: policy } }))
    },
    setNumber(key: NumberKey, value: string) {
      change((d) => ({ ...d, [key]: value }))
    },
    save,
  }
}

export type CallbackSettingsState = ReturnType<typeof useCallbackSettings>
