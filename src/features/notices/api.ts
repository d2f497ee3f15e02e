/**
 * Typed calls to the `announcements` cloud function that residents make (and `get`, which staff
 * share). Shapes are the contract's types, imported as types only: zod stays out of the bundle.
 */
import { callFunction } from '@/services/cloud'
import type { AnnouncementView } from '@/domain/announcements-api'

export const FN = 'announcements'
export const read = { idempotent: true } as const

export type Notice = AnnouncementView

/** A page of notices (`feed` adds the caller's unread count). */
export interface NoticePage {
  items: Notice[]
  total: number
  nextCursor?: string
  unread?: number
}

export const noticesApi = {
  feed: (params: { unreadOnly?: boolean; pageSize?: number; cursor?: string } = {}) => callFunction<NoticePage>(FN, 'feed', params, read),
  get: (announcementId: string) => callFunction<Notice>(FN, 'get', { announcementId }, read),
  /** Marking read twice is harmless: safe to retry. */
  read: (announcementId: string) => callFunction<{ read: true }>(FN, 'read', { announcementId }, read),
  ask: (announcementId: string, question: string, clientRequestId: string) =>
    callFunction<{ ticketId: string; no: string }>(FN, 'ask', { announcementId, question, clientRequestId }),
  /** `cloudID`: a share ticket's, as WeChat gave it; the function resolves the group itself. */
  shared: (announcementId: string, cloudID?: string) => callFunction<{ shared: true }>(FN, 'shared', cloudID ? { announcementId, cloudID } : { announcementId }),
  enteredFromGroup: (announcementId: string, cloudID: string) => callFunction<{ recorded: boolean }>(FN, 'enteredFromGroup', { announcementId, cloudID }),
}
