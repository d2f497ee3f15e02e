import { useCallback, useEffect, useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { errorMessage } from '@/services/cloud'

export const FIX_FIRST = '请先修正标红的项目'

interface Options<V, D> {
  /** Only load when the caller may see the settings. */
  enabled: boolean
  fetch: () => Promise<V>
  store: (draft: D, view: V) => Promise<V>
  toDraft: (view: V) => D
  check: (draft: D) => Record<string, string>
}

/**
 * An admin settings page's form: load the settings, edit them as text, check them, save them as
 * a whole (the server's answer becomes the new starting point), with the states the page shows.
 */
export function useSettingsForm<V, D>({ enabled, fetch, store, toDraft, check }: Options<V, D>) {
  const [view, setView] = useState<V | null>(null)
  const [draft, setDraft] = useState<D | null>(null)
  const [saved, setSaved] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [tried, setTried] = useState(false)
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)

  const take = useCallback(
    (res: V) => {
      const d = toDraft(res)
      setView(res)
      setDraft(d)
      setSaved(JSON.stringify(d))
      setTried(false)
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  )

  const load = useCallback(async () => {
    if (!enabled) return
    setError(null)
    try {
      take(await fetch())
    } catch (err) {
      setError(errorMessage(err))
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, take])

  useEffect(() => {
    void load()
  }, [load])

  const errors = useMemo(() => (draft ? check(draft) : {}), [draft, check])
  const dirty = !!draft && JSON.stringify(draft) !== saved

  function change(fn: (d: D) => D) {
    setDraft((d) => (d ? fn(d) : d))
    setSaveError(null)
  }

  async function save() {
    if (!draft || !view || saving) return
    setTried(true)
    if (Object.keys(errors).length > 0) {
      setSaveError(FIX_FIRST)
      return
    }
    setSaving(true)
    setSaveError(null)
    try {
      take(await store(draft, view))
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      setSaveError(errorMessage(err))
    } finally {
      setSaving(false)
    }
  }

  return { view, draft, error, errors, tried, dirty, saving, saveError, reload: load, change, save }
}
