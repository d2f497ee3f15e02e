import type { InboxItem, MessageKind } from '@/domain/inbox'

/** Messages a resident receives (as a resident): their links open resident pages. */
const RESIDENT_KINDS: MessageKind[] = [
  'progress',
  'done',
  'reply',
  'confirm-reminder',
  'notice',
  'binding',
  'movein',
  'event-promoted',
  'event-changed',
  'event-cancelled',
  'event-reminder',
  'event-feedback',
]

/**
 * The page an item opens, by what it is about and who it was for; null when there is nothing to
 * open. A tab page (binding → 我的) is reached with switchTab.
 */
export function targetUrl(item: Pick<InboxItem, 'kind' | 'box' | 'target'>): { url: string; tab?: boolean } | null {
  const asStaff = item.box === 'alerts' || !RESIDENT_KINDS.includes(item.kind)
  const id = encodeURIComponent(item.target.id)
  switch (item.target.kind) {
    case 'ticket':
      return { url: asStaff ? `/staff/ticket/index?id=${id}` : `/pages/ticket/index?id=${id}` }
    case 'notice':
      return { url: asStaff ? `/staff/notice/index?id=${id}` : `/pages/notice/index?id=${id}` }
    case 'callback':
      return { url: '/staff/callbacks/index' }
    case 'event':
      return { url: asStaff ? `/staff/event/index?id=${id}` : `/pages/event/index?id=${id}` }
    case 'facility-round':
      return { url: `/staff/round/index?id=${id}` }
    case 'facility-asset':
      return { url: `/staff/asset/index?id=${id}` }
    case 'binding':
      return asStaff ? { url: '/staff/bindings/index' } : { url: '/pages/mine/index', tab: true }
    case 'movein':
      return asStaff ? { url: '/staff/movein/index' } : { url: '/pages/movein/index' }
    case 'export':
      return { url: `/staff/register/index?export=${id}` }
    default:
      return null
  }
}
