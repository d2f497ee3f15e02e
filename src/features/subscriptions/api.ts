/** The caller's subscribe-message consents (`account.subscriptions` / `account.subscribe`). */
import { callFunction } from '@/services/cloud'

const FN = 'account'

export type MessageKind = 'progress' | 'done' | 'reply' | 'notice'
/** Staff templates: new assignment, emergency, deadline warning, callback due. */
export type StaffMessageKind = 'assigned' | 'emergency' | 'deadline' | 'callback'
export type Subscriptions = Record<MessageKind, { templateId: string; remaining: number }> & Partial<Record<StaffMessageKind, { templateId: string; remaining: number }>>

export const subscriptionsApi = {
  /** What is left per template: each consent allows one message. */
  get: () => callFunction<Subscriptions>(FN, 'subscriptions', {}, { idempotent: true }),
  /** Records the consents just granted (≤ 3 templates); answers with the new counts. */
  subscribe: (templateIds: string[]) => callFunction<Subscriptions>(FN, 'subscribe', { templateIds }),
}
