import type { DeadlineKind } from '@/domain/tickets/sla'
import { useSettingsForm } from '@/components/useSettingsForm'
import { slaApi, type SlaSettings } from './api'
import { checkDraft, toDraft, toPayload, type Draft, type Group } from './model'

export { FIX_FIRST } from '@/components/useSettingsForm'

/** `cat.<code>`: an error about an override as a whole (not one of its timers). */
const isOverrideKey = (k: string) => k.startsWith('cat.') && k.split('.').length === 2
const fetchSla = () => slaApi.get()
const storeSla = (draft: Draft, view: SlaSettings) => slaApi.set(toPayload(draft, view.defaults))
const draftOf = (view: SlaSettings) => toDraft(view.sla)

/** The community's service levels: loaded, edited as text, checked, saved as a whole. */
export function useSla(enabled: boolean) {
  const form = useSettingsForm<SlaSettings, Draft>({ enabled, fetch: fetchSla, store: storeSla, toDraft: draftOf, check: checkDraft })
  const { change, errors, tried } = form

  return {
    settings: form.view,
    draft: form.draft,
    error: form.error,
    /** Field errors; an override left empty is only flagged after a save attempt. */
    errors: tried ? errors : Object.fromEntries(Object.entries(errors).filter(([k]) => !isOverrideKey(k))),
    dirty: form.dirty,
    saving: form.saving,
    saveError: form.saveError,
    reload: form.reload,
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
    setWorkingTime(type: keyof Draft['workingTime'], on: boolean) {
      change((d) => ({ ...d, workingTime: { ...d.workingTime, [type]: on } }))
    },
    save: form.save,
  }
}

export type Sla = ReturnType<typeof useSla>
