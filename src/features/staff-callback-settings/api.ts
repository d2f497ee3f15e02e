/** Staff calls for the community's callback settings (回访设置). Types only: zod stays out of the bundle. */
import { callFunction } from '@/services/cloud'
import type { CallbackSettings } from '@/domain/tickets/reminders'

const FN = 'callbacks'
const read = { idempotent: true } as const

export interface CallbackSettingsView {
  /** The community's settings (the defaults where it has none). */
  settings: CallbackSettings
  /** The service standard's defaults. */
  defaults: CallbackSettings
}

export const callbackSettingsApi = {
  get: () => callFunction<CallbackSettingsView>(FN, 'getSettings', {}, read),
  /** Admins only; answers the settings as now stored. */
  set: (input: CallbackSettings) => callFunction<CallbackSettingsView>(FN, 'setSettings', input),
}
