import type { DeadlineKind } from '@/domain/tickets/sla'
import type { DurationUnit } from '@/domain/limits-staff'
import { useSettingsForm } from '@/components/useSettingsForm'
import { slaApi, type SlaSettings } from './api'
import { checkDraft, convert, toDraft, toPayload, typed, unitOf, type Draft, type Group } from './model'

export { FIX_FIRST } from '@/components/useSettingsForm'

/** `cat.<code>`: an error about an override as a whole (not one of its timers). */
const isOverrideKey = (k: string) => k.startsWith('cat.') && k.split('.').length === 2
const fetchSla = () => slaApi.get()
const storeSla = (draft: Draft, view: SlaSettings) => slaApi.set(toPayload(draft, view.defaults))
const draftOf = (view: SlaSettings) => toDraft(view.sla)

/** Sets the text of the timer at field key `repair.accept` / `cat.noise.accept`. */
function withValue(d: Draft, key: string, value: string): Draft {
  const [head, a, b] = key.split('.')
  if (head === 'cat') return { ...d, categories: d.categories.map((o) => (o.code === a ? { ...o, values: { ...o.values, [b]: value } } : o)) }
  const g = head as Group
  return { ...d, groups: { ...d.groups, [g]: { ...d.groups[g], [a]: value } } }
}

function valueAt(d: Draft, key: string): string {
  const [head, a, b] = key.split('.')
  if (head === 'cat') return d.categories.find((o) => o.code === a)?.values[b as DeadlineKind] ?? ''
  return d.groups[head as Group][a as DeadlineKind] ?? ''
}

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
    /** Switches a timer's unit (分钟/小时/天), keeping the duration when it is whole in the new unit. */
    setUnit(key: string, unit: DurationUnit) {
      change((d) => ({ ...withValue(d, key, convert(valueAt(d, key), unitOf(d, key), unit)), units: { ...d.units, [key]: unit } }))
    },
    /** Back to a default (minutes; undefined: empty), shown in the unit it reads best in. */
    resetTimer(key: string, minutes: number | undefined) {
      const t = typed(minutes)
      change((d) => ({ ...withValue(d, key, t.value), units: { ...d.units, [key]: t.unit } }))
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
