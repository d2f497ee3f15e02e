import { DEFAULT_CALLBACK_SETTINGS, type CallbackSettings } from '../../src/domain/tickets/reminders';
import { DEFAULT_SLA, type SlaMinutes, type SlaPolicy } from '../../src/domain/tickets/sla';
import type { WorkClock } from '../../src/domain/tickets/working-time';
import type { Database } from './cloud';
import { workClock } from './work-calendar';

/** A community's own settings over the product defaults (stored under `communities.settings`). */
export interface CommunitySettings {
  sla: SlaPolicy;
  callbacks: CallbackSettings;
  /** Notices by the desk need a supervisor's review before publication (default on). */
  announcementReview: boolean;
  /** The working-time clock (service-desk hours on China's working days) for types the SLA runs on it. */
  work: WorkClock;
  /** Completing a repair needs at least one photo (default on; 工单设置). */
  completionPhotoRequired: boolean;
}

/** One read of the community document for every setting a use case needs. */
export async function communitySettings(db: Database, communityId: string): Promise<CommunitySettings> {
  const c = (await db.collection('communities').doc(communityId).field({ settings: true, deskHours: true }).get()).data[0] as any;
  const own = c?.settings ?? {};
  return {
    sla: mergeSla(own.sla),
    callbacks: mergeCallbacks(own.callbacks),
    announcementReview: own.announcementReview !== false,
    work: workClock(c?.deskHours),
    completionPhotoRequired: completionPhotoRequired(own),
  };
}

/** For a run that touches many tickets: each community's settings are read once. */
export function settingsCache(db: Database) {
  const seen = new Map<string, Promise<CommunitySettings>>();
  return (communityId: string) => {
    if (!seen.has(communityId)) seen.set(communityId, communitySettings(db, communityId));
    return seen.get(communityId)!;
  };
}

export function mergeSla(own: Partial<SlaPolicy> | undefined): SlaPolicy {
  if (!own) return DEFAULT_SLA;
  const m = (a: SlaMinutes, b?: SlaMinutes) => ({ ...a, ...(b ?? {}) });
  return {
    emergency: m(DEFAULT_SLA.emergency, own.emergency),
    categories: { ...DEFAULT_SLA.categories, ...(own.categories ?? {}) },
    repair: m(DEFAULT_SLA.repair, own.repair),
    complaint: m(DEFAULT_SLA.complaint, own.complaint),
    consultation: m(DEFAULT_SLA.consultation, own.consultation),
    warnBeforeMinutes: DEFAULT_SLA.warnBeforeMinutes,
    autoConfirmDays: own.autoConfirmDays ?? DEFAULT_SLA.autoConfirmDays,
    workingTime: { ...(own.workingTime ?? {}) },
  };
}

export function mergeCallbacks(own: Partial<CallbackSettings> | undefined): CallbackSettings {
  if (!own) return DEFAULT_CALLBACK_SETTINGS;
  return { ...DEFAULT_CALLBACK_SETTINGS, ...own, policy: { ...DEFAULT_CALLBACK_SETTINGS.policy, ...(own.policy ?? {}) } };
}

/** From a community's stored `settings` (for a use case that already read the community document). */
export const completionPhotoRequired = (own: { completionPhotoRequired?: boolean } | undefined): boolean => own?.completionPhotoRequired !== false;
