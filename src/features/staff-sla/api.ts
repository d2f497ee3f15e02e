/** Staff-only calls for the community's service levels (kept out of the main package). */
import { callFunction } from '@/services/cloud'
import type { SlaPolicy } from '@/domain/tickets/sla'
import { FN, read } from '@/features/tickets'
import type { SlaInput } from './model'

export interface SlaSettings {
  /** The community's policy: the defaults under its own overrides. */
  sla: SlaPolicy
  /** The service standard's defaults. */
  defaults: SlaPolicy
  /** The community's service-desk hours, which working-time deadlines run on. */
  serviceHours?: { open: string; close: string }
}

export const slaApi = {
  get: () => callFunction<SlaSettings>(FN, 'getSla', {}, read),
  /** Admins only; answers the policy as now stored. */
  set: (sla: SlaInput) => callFunction<SlaSettings>(FN, 'setSla', { sla }),
}
