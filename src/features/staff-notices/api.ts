/**
 * Typed staff calls to the `announcements` cloud function (desk, supervisor, admin). Shapes come
 * from the contract as types only: zod stays out of the mini-program.
 */
import { callFunction } from '@/services/cloud'
import type { AnnouncementView, NoticeCreateInput, PosterCodeView, ReachView, ScopeInput } from '@/domain/announcements-api'
import type { AnnouncementStatus } from '@/domain/announcements'
import type { NoticePage } from '@/features/notices'

const FN = 'announcements'
const read = { idempotent: true } as const

export type StatusFilter = 'all' | AnnouncementStatus
export type { ReachView }

/** Derived from the backend's strict schemas (types only: zod stays out of the mini-program). */
export type { ScopeInput }
export type NoticeInput = Omit<NoticeCreateInput, 'clientRequestId'>

export interface PublishOptions {
  publishAt?: string
  override?: { reason: string }
}

export const staffNoticesApi = {
  list: (params: { status: StatusFilter; pageSize?: number; cursor?: string }) => callFunction<Omit<NoticePage, 'items'> & { items: AnnouncementView[] }>(FN, 'list', params, read),
  get: (announcementId: string) => callFunction<AnnouncementView>(FN, 'get', { announcementId }, read),
  reach: (announcementId: string) => callFunction<ReachView>(FN, 'reach', { announcementId }, read),
  create: (input: NoticeInput, clientRequestId: string) => callFunction<AnnouncementView>(FN, 'create', { ...input, clientRequestId }),
  /** `override`: moving a published interruption inside its notice period needs a reason. */
  update: (announcementId: string, input: NoticeInput, override?: { reason: string }) =>
    callFunction<AnnouncementView>(FN, 'update', { announcementId, ...input, ...(override ? { override } : {}) }),
  /** Publishes now or at `publishAt` — or submits for review; the answer's status tells which. */
  publish: (announcementId: string, opts: PublishOptions = {}) => callFunction<AnnouncementView>(FN, 'publish', { announcementId, ...opts }),
  review: (announcementId: string, approve: boolean, reason?: string) =>
    callFunction<AnnouncementView>(FN, 'review', reason ? { announcementId, approve, reason } : { announcementId, approve }),
  withdraw: (announcementId: string, reason: string) => callFunction<AnnouncementView>(FN, 'withdraw', { announcementId, reason }),
  pin: (announcementId: string, pinned: boolean) => callFunction<AnnouncementView>(FN, 'pin', { announcementId, pinned }),
  restore: (announcementId: string, body: string, clientRequestId: string) => callFunction<AnnouncementView>(FN, 'restore', { announcementId, body, clientRequestId }),
  /** The poster's mini-program code: made once per notice, so asking again is harmless. */
  posterCode: (announcementId: string) => callFunction<PosterCodeView>(FN, 'posterCode', { announcementId }, read),
}
