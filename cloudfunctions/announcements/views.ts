import {
  ANNOUNCEMENT_STATUS_LABELS,
  ANNOUNCEMENT_TYPE_LABELS,
  announcementActions,
  interruptionSummary,
  scopeLabel,
  type AnnouncementRole,
  type AnnouncementState,
} from '../../src/domain/announcements';
import type { AnnouncementView } from '../../src/domain/announcements-api';
import type { ActionContext } from '../_lib/handler';
import type { AnnouncementDoc } from './model';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : undefined);

/** Community names for a page of notices, read once per community (not once per notice). */
export async function communityNames(ctx: ActionContext, notices: AnnouncementDoc[]): Promise<Map<string, string>> {
  const ids = [...new Set(notices.map((a) => a.communityId))];
  if (!ids.length) return new Map();
  const res = await ctx.db
    .collection('communities')
    .where({ _id: ctx.db.command.in(ids) })
    .field({ name: true })
    .limit(100)
    .get();
  return new Map(res.data.map((c: any) => [c._id, c.name]));
}

/**
 * A notice as its reader sees it. `forResident`: without staff facts (author, review, files).
 * `outsider`: a reader the notice does not concern also does not learn which flats it names.
 */
export async function view(
  ctx: ActionContext,
  a: AnnouncementDoc,
  opts: { read?: boolean; forResident?: boolean; outsider?: boolean; communityName?: string } = {},
): Promise<AnnouncementView> {
  const _ = ctx.db.command;
  const fileIds = [...a.images, ...a.attachments.map((x) => x.fileId)];
  const urls = new Map<string, string>();
  if (fileIds.length) {
    const res: any = await ctx.app.getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge: 3600 })) } as any);
    for (const f of res.fileList ?? []) if (f.code === 'SUCCESS') urls.set(f.fileID, f.tempFileURL);
  }
  let unitLabels: Record<string, string> = {};
  if (a.scope.kind === 'units' && a.scope.unitIds?.length && !opts.outsider) {
    const units = await ctx.db
      .collection('units')
      .where({ _id: _.in(a.scope.unitIds.slice(0, 100)) })
      .field({ label: true })
      .limit(100)
      .get();
    unitLabels = Object.fromEntries(units.data.map((u: any) => [u._id, u.label]));
  }
  const name = opts.communityName ?? (await communityNames(ctx, [a])).get(a.communityId) ?? '';
  const staffOnly = !opts.forResident;
  return {
    announcementId: a._id,
    type: a.type,
    typeLabel: ANNOUNCEMENT_TYPE_LABELS[a.type],
    title: a.title,
    summary: summaryOf(a),
    body: a.body,
    status: a.status,
    statusLabel: ANNOUNCEMENT_STATUS_LABELS[a.status],
    ...(opts.outsider && a.scope.kind === 'units'
      ? { scope: { kind: 'units' as const, unitIds: [] }, scopeLabel: `部分房屋（${(a.scope.unitIds ?? []).length} 户）` }
      : { scope: a.scope, scopeLabel: scopeLabel(a.scope, unitLabels) }),
    pinned: a.pinned,
    images: a.images.map((id) => urls.get(id) ?? id),
    attachments: a.attachments.map((x) => ({ name: x.name, url: urls.get(x.fileId) ?? '' })),
    ...(a.interruption ? { interruption: { reason: a.interruption.reason, startAt: iso(a.interruption.startAt)!, endAt: iso(a.interruption.endAt)! } } : {}),
    ...(a.publishAt ? { publishAt: iso(a.publishAt) } : {}),
    ...(a.publishedAt ? { publishedAt: iso(a.publishedAt) } : {}),
    updatedAt: iso(a.revisedAt ?? a.updatedAt)!,
    revised: !!a.revisedAt,
    ...(a.expiresAt ? { expiresAt: iso(a.expiresAt) } : {}),
    ...(a.restoredOf ? { restoredOf: a.restoredOf } : {}),
    communityName: name,
    ...(opts.read !== undefined ? { read: opts.read } : {}),
    ...(staffOnly && a.override ? { override: { reason: a.override.reason, by: a.override.byName, at: iso(a.override.at)! } } : {}),
    ...(staffOnly && a.review
      ? { review: { by: a.review.byName, at: iso(a.review.at)!, approved: a.review.approved, ...(a.review.reason ? { reason: a.review.reason } : {}) } }
      : {}),
    ...(staffOnly && a.revision
      ? {
          revision: {
            title: a.revision.fields.title,
            summary: a.revision.fields.summary,
            body: a.revision.fields.body,
            ...(a.revision.fields.interruption
              ? {
                  interruption: {
                    reason: a.revision.fields.interruption.reason,
                    startAt: iso(a.revision.fields.interruption.startAt)!,
                    endAt: iso(a.revision.fields.interruption.endAt)!,
                  },
                }
              : {}),
            ...(a.revision.fields.expiresAt ? { expiresAt: iso(a.revision.fields.expiresAt) } : {}),
            by: a.revision.byName,
            at: iso(a.revision.at)!,
          },
        }
      : {}),
    ...(staffOnly ? { files: { images: a.images, attachments: a.attachments }, author: a.createdByName } : {}),
    ...(staffOnly && a.withdrawn ? { withdrawn: { reason: a.withdrawn.reason, at: iso(a.withdrawn.at)! } } : {}),
    actions: staffOnly ? announcementActions(announcementState(a), announcementRole(ctx, a)) : [],
  };
}

/** What a notice says in one line: an interruption's times from its fields (also for notices stored before that rule), else the summary. */
export const summaryOf = (a: Pick<AnnouncementDoc, 'summary' | 'title' | 'interruption'>) =>
  a.interruption ? interruptionSummary(a.interruption.startAt, a.interruption.endAt) : a.summary || a.title;

/** The notice as the domain's state machine sees it. */
export const announcementState = (a: AnnouncementDoc): AnnouncementState => ({ status: a.status, type: a.type, pendingRevision: a.status === 'published' && !!a.revision });

/** The caller's role on a notice: reviewer (主管/管理员) or author (客服) of its community, else a resident. */
export function announcementRole(ctx: ActionContext, a: Pick<AnnouncementDoc, 'communityId'>): AnnouncementRole {
  const { caller } = ctx;
  if (!caller.staff || caller.staff.communityId !== a.communityId) return 'resident';
  if (caller.roles.has('supervisor') || caller.roles.has('admin')) return 'reviewer';
  return caller.roles.has('desk') ? 'author' : 'resident';
}
