/** Response fixtures in the shapes of the `announcements` contract (src/domain/announcements-api.ts). */
import type { AnnouncementView, ReachView } from '@/domain/announcements-api'
import { announcementActions, type AnnouncementRole } from '@/domain/announcements'
import type { StaffRole } from '@/domain/roles'
import { COMMUNITY } from './fixtures'

/** The `actions` the server returns: the domain's state machine for the reader's role. */
export function withActions(n: AnnouncementView, roles: StaffRole[] = ['desk']): AnnouncementView {
  const role: AnnouncementRole = roles.includes('supervisor') || roles.includes('admin') ? 'reviewer' : roles.includes('desk') ? 'author' : 'resident'
  return { ...n, actions: announcementActions({ status: n.status, type: n.type, pendingRevision: n.status === 'published' && !!n.revision }, role) }
}

export function notice(over: Partial<AnnouncementView> = {}): AnnouncementView {
  const n: AnnouncementView = {
    actions: [],
    announcementId: 'an-1',
    type: 'water',
    typeLabel: '停水',
    title: '1栋停水通知',
    summary: '二次供水水箱清洗',
    body: '因二次供水水箱年度清洗消毒，届时1栋将暂停供水，请提前储水。',
    status: 'published',
    statusLabel: '已发布',
    scope: { kind: 'buildings', buildings: ['1栋'] },
    scopeLabel: '1栋',
    pinned: true,
    images: [],
    attachments: [],
    // Shanghai: 11月29日 09:00–15:00
    interruption: { reason: '二次供水水箱清洗消毒', startAt: '2026-11-29T01:00:00.000Z', endAt: '2026-11-29T07:00:00.000Z' },
    publishAt: '2026-11-28T01:30:00.000Z',
    publishedAt: '2026-11-28T01:30:00.000Z',
    updatedAt: '2026-11-28T01:30:00.000Z',
    revised: false,
    expiresAt: '2026-11-30T07:00:00.000Z',
    communityName: COMMUNITY.name,
    ...over,
  }
  return over.actions ? n : withActions(n)
}

export const generalNotice = (over: Partial<AnnouncementView> = {}) =>
  notice({
    announcementId: 'an-2',
    type: 'general',
    typeLabel: '通知',
    title: '小区消防演练',
    summary: '周六上午消防演练',
    body: '本周六上午 10 点在中心广场进行消防演练。',
    scope: { kind: 'community' },
    scopeLabel: '全小区',
    pinned: false,
    interruption: undefined,
    expiresAt: undefined,
    publishedAt: '2026-11-27T02:00:00.000Z',
    ...over,
  })

export function reach(over: Partial<ReachView> = {}): ReachView {
  return {
    targeted: 8,
    sent: 5,
    failed: 1,
    failures: [{ errcode: '40003', count: 1 }],
    withoutConsent: 2,
    pending: 0,
    read: 4,
    shared: 2,
    groups: [{ openGId: 'G-1栋业主群-abcdef', opens: 3, firstAt: '2026-11-28T02:00:00.000Z' }],
    state: 'done',
    ...over,
  }
}
