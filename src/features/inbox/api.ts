/** The caller's messages (`inbox.list` / `inbox.read`). */
import type { Box, InboxPage, OpenedTarget, UnreadCounts } from '@/domain/inbox'
import { callFunction } from '@/services/cloud'

const FN = 'inbox'

export const inboxApi = {
  list: (box: Box, pageSize: number, cursor?: string) => callFunction<InboxPage>(FN, 'list', { box, pageSize, ...(cursor ? { cursor } : {}) }, { idempotent: true }),
  /** Marks one read; answers where it links and whether the reader may open it. */
  open: (id: string) => callFunction<OpenedTarget & { unread: UnreadCounts }>(FN, 'read', { id }),
  readAll: (box?: Box) => callFunction<{ unread: UnreadCounts }>(FN, 'read', { all: true, ...(box ? { box } : {}) }),
}
