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

/**
 * What CloudBase resolves server-side: on weapp `wx.cloud.CloudID(cloudID)` becomes
 * `{ cloudID, data: { openGId } }` in the function's input. Opaque to the client.
 */
export type GroupInfo = unknown

export const noticesApi = {
  feed: (params: { unreadOnly?: boolean; pageSize?: number; cursor?: string } = {}) => callFunction<NoticePage>(FN, 'feed', params, read),
  get: (announcementId: string) => callFunction<Notice>(FN, 'get', { announcementId }, read),
  /** Marking read twice is harmless: safe to retry. */
  read: (announcementId: string) => callFunction<{ read: true }>(FN, 'read', { announcementId }, read),
  ask: (announcementId: string, question: string, clientRequestId: string) =>
    callFunction<{ ticketId: string; no: string }>(FN, 'ask', { announcementId, question, clientRequestId }),
  shared: (announcementId: string, groupInfo?: GroupInfo) =>
    callFunction<{ shared: true }>(FN, 'shared', groupInfo ? { announcementId, groupInfo } : { announcementId }),
  enteredFromGroup: (announcementId: string, groupInfo: GroupInfo) => callFunction<{ recorded: true }>(FN, 'enteredFromGroup', { announcementId, groupInfo }),
}
