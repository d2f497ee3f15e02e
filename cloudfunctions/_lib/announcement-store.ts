import type { Scope } from '../../src/domain/announcements';
import { claim } from './bulk';
import { communitySettings } from './community-settings';
import { checkText } from './content-check';
import type { ActionContext } from './handler';

/**
 * Notices that another feature publishes (a move-in batch's 入住通知) go into the same
 * `announcements` collection, under the same review rule as the 公告 editor: where the community
 * has review on and the caller is not a supervisor/admin, the notice waits in 待审核 for a
 * reviewer; otherwise it is published and the announcements broadcast timer targets and sends it
 * (`broadcastState: 'targeting'`). Keyed by the caller's `key`, so a retry publishes nothing twice.
 */
export interface FeatureNotice {
  /** A stable id (e.g. `an-movein-<batchId>`): one notice per event, whatever retries. */
  id: string;
  communityId: string;
  title: string;
  summary: string;
  body: string;
  scope: Scope;
  expiresAt: Date | null;
}

export const isAnnouncementReviewer = (ctx: ActionContext) => ctx.caller.roles.has('supervisor') || ctx.caller.roles.has('admin');

export async function submitFeatureNotice(ctx: ActionContext, n: FeatureNotice): Promise<{ announcementId: string; status: 'review' | 'published' }> {
  const s = ctx.caller.staff!;
  const now = ctx.clock.now();
  const existing = (await ctx.db.collection('announcements').doc(n.id).get()).data[0] as { status: string; updatedAt: Date } | undefined;
  const review = (await communitySettings(ctx.db, n.communityId)).announcementReview && !isAnnouncementReviewer(ctx);
  const lifecycle = review
    ? { status: 'review' as const, publishAt: now, publishedAt: null, broadcastState: null }
    : { status: 'published' as const, publishAt: now, publishedAt: now, broadcastState: 'targeting' as const };
  if (existing) {
    // A reviewer returned it (back to draft): publishing the batch again resubmits it, under the same rule.
    if (existing.status === 'draft') {
      await checkText(ctx, n.title, n.summary, n.body);
      await ctx.db
        .collection('announcements')
        .where({ _id: n.id, status: 'draft', updatedAt: existing.updatedAt })
        .update({ title: n.title, summary: n.summary, body: n.body, ...lifecycle, broadcastCursor: null, updatedAt: now });
      return { announcementId: n.id, status: lifecycle.status };
    }
    return { announcementId: n.id, status: existing.status === 'review' ? 'review' : 'published' };
  }
  await checkText(ctx, n.title, n.summary, n.body);
  await claim(ctx.db, 'announcements', {
    ...newAnnouncement(ctx, now),
    _id: n.id,
    communityId: n.communityId,
    type: 'general',
    title: n.title,
    summary: n.summary,
    body: n.body,
    scope: n.scope,
    images: [],
    attachments: [],
    interruption: null,
    pinned: false,
    expiresAt: n.expiresAt,
    ...lifecycle,
  });
  return { announcementId: n.id, status: lifecycle.status };
}

/** What every new announcement starts with: unpublished, unreviewed, not yet broadcast, by the calling staff member. */
export function newAnnouncement(ctx: ActionContext, now: Date) {
  const s = ctx.caller.staff!;
  return {
    communityId: s.communityId,
    publishAt: null,
    publishedAt: null,
    revisedAt: null,
    restoredOf: null,
    override: null,
    review: null,
    withdrawn: null,
    broadcastState: null,
    broadcastCursor: null,
    targeted: 0,
    createdBy: s._id,
    createdByName: s.name,
    createdAt: now,
    updatedAt: now,
  } as const;
}
