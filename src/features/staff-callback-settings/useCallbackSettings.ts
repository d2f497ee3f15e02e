import type { CallbackAssignee, CallbackPolicy } from '@/domain/tickets/reminders'
import { useSettingsForm } from '@/components/useSettingsForm'
import { callbackSettingsApi, type CallbackSettingsView } from './api'
import { checkDraft, toDraft, toPayload, type Draft, type NumberKey, type PolicyType } from './model'

export { FIX_FIRST } from '@/components/useSettingsForm'

const fetchSettings = () => callbackSettingsApi.get()
const storeSettings = (draft: Draft) => callbackSettingsApi.set(toPayload(draft))
const draftOf = (view: CallbackSettingsView) => toDraft(view.settings)

/** The community's callback settings: loaded, edited as text, checked, saved as a whole. */
export function useCallbackSettings(enabled: boolean) {
  const form = useSettingsForm<CallbackSettingsView, Draft>({ enabled, fetch: fetchSettings, store: storeSettings, toDraft: draftOf, check: checkDraft })
  const { change } = form

  return {
    view: form.view,
    draft: form.draft,
    error: form.error,
    errors: form.errors,
    dirty: form.dirty,
    saving: form.saving,
    saveError: form.saveError,
    reload: form.reload,
    setPolicy(type: PolicyType, policy: CallbackPolicy) {
      change((d) => ({ ...d, policy: { ...d.policy, [type]: policy } }))
    },
    setAssignTo(assignTo: CallbackAssignee) {
      change((d) => ({ ...d, assignTo }))
    },
    setNumber(key: NumberKey, value: string) {
      change((d) => ({ ...d, [key]: value }))
    },
    save: form.save,
  }
}
