import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import { inScope } from '../../src/domain/announcements';
import type { announcementInputs, ReachView } from '../../src/domain/announcements-api';
import type { ActionContext } from '../_lib/handler';
import { openTicket } from '../_lib/ticket-store';
import type { AnnouncementDoc } from './model';
import { announcementRole, communityNames, view } from './views';

type In<K extends keyof typeof announcementInputs> = z.infer<(typeof announcementInputs)[K]>;
const offsetOf = (c?: string) => (c ? Math.max(0, Number.parseInt(c, 10) || 0) : 0);

/** A notice with its community joined in (`communityLookup`). */
type Placed = AnnouncementDoc & { community: { name?: string }[] };
const communityLookup = { from: 'communities', localField: 'communityId', foreignField: '_id', as: 'community' };

/** Staff: the community's announcements, newest first. */
export async function list(input: In<'list'>, ctx: ActionContext) {
  const _ = ctx.db.command;
  const base: Record<string, unknown> = { communityId: ctx.caller.staff!.communityId };
  if (input.status !== 'all' && input.status !== 'review') base.status = input.status;
  // 待审核 includes published notices whose change waits for review.
  const where: any =
    input.status === 'review'
      ? _.or([
          { ...base, status: 'review' },
          { ...base, status: 'published', revision: _.neq(null) },
        ])
      : base;
  const offset = offsetOf(input.cursor);
  // The page with its community's name joined in by the database, alongside the count: one step.
  let q = ctx.db.collection('announcements').aggregate().match(where).sort({ createdAt: -1 });
  if (offset) q = q.skip(offset);
  const [page, total] = await Promise.all([q.limit(input.pageSize).lookup(communityLookup).end(), ctx.db.collection('announcements').where(where).count()]);
  const notices = (page as any).data as Placed[];
  const items = await Promise.all(notices.map((a) => view(ctx, a, { communityName: a.community[0]?.name ?? '' })));
  const next = offset + notices.length;
  return { items, total: total.total, ...(next < total.total ? { nextCursor: String(next) } : {}) };
}

async function myHomes(ctx: ActionContext) {
  const _ = ctx.db.command;
  const ids = ctx.caller.homes.map((h) => h.unitId);
  if (!ids.length) return [];
  const units = await ctx.db
    .collection('units')
    .where({ _id: _.in(ids) })
    .field({ building: true, communityId: true })
    .limit(50)
    .get();
  return units.data.map((u: any) => ({ unitId: u._id as string, building: u.building as string, communityId: u.communityId as string }));
}

/** Published (or expired) notices are public; drafts, those in review or scheduled, and withdrawn ones are not. */
const isPublic = (a: AnnouncementDoc | undefined): a is AnnouncementDoc => !!a && ['published', 'expired'].includes(a.status);

type Home = { unitId: string; building: string; communityId: string };
const covers = (a: AnnouncementDoc, homes: Home[]) => homes.some((h) => h.communityId === a.communityId && inScope(a.scope, h));

/** A resident's own notices (首页, read marks, questions): published (or expired) and concerning one of their homes. */
async function visibleTo(ctx: ActionContext, a: AnnouncementDoc | undefined, homes: Home[]) {
  return isPublic(a) && covers(a, homes);
}

const gone = () => new AppError('NOT_FOUND', '公告不存在或已撤回');

async function loadNotice(ctx: ActionContext, id: string) {
  return (await ctx.db.collection('announcements').doc(id).get()).data[0] as AnnouncementDoc | undefined;
}

/**
 * One notice. The community's notice authors (客服/主管/管理员) see every status, with staff facts.
 * Anyone else identified — a resident of another building, a pending binding, an unbound WeChat
 * user, an engineer — reads a published notice as it hangs on the bulletin board (a shared card,
 * the poster's code): targeting decides who is pushed, not who may read. Drafts, notices in review
 * and withdrawn ones answer the same NOT_FOUND as a notice that never existed.
 */
export async function get(input: In<'get'>, ctx: ActionContext) {
  const a = await loadNotice(ctx, input.announcementId);
  if (a && announcementRole(ctx, a) !== 'resident') return view(ctx, a);
  if (!isPublic(a)) throw gone();
  const [homes, community] = await Promise.all([
    myHomes(ctx),
    ctx.db
      .collection('communities')
      .doc(a.communityId)
      .field({ name: true, hotline: true })
      .get()
      .then((r: any) => r.data[0] as { name?: string; hotline?: string } | undefined),
  ]);
  const covered = covers(a, homes);
  const reader = { covered, buildings: [...new Set(homes.filter((h) => h.communityId === a.communityId).map((h) => h.building))] };
  const shown = await view(ctx, a, {
    forResident: true,
    outsider: !covered,
    communityName: community?.name ?? '',
    ...(covered ? { read: await hasRead(ctx, a._id) } : {}),
  });
  return { ...shown, reader, ...(community?.hotline ? { hotline: community.hotline } : {}) };
}

async function hasRead(ctx: ActionContext, id: string) {
  return (await ctx.db.collection('announcement_reads').doc(`${id}:${ctx.caller.openid}`).get()).data.length > 0;
}

/** 首页: pinned first, then newest, only what concerns my homes; unread marked. */
export async function feed(input: In<'feed'>, ctx: ActionContext) {
  const _ = ctx.db.command;
  const $ = _.aggregate;
  const communities = [...new Set(ctx.caller.homes.map((h) => h.communityId))];
  if (!communities.length) return { items: [], total: 0, unread: 0 };
  // The homes' buildings and the published notices (with the caller's read mark — its id is
  // `<notice>:<openid>` — and the community's name joined in) in one step.
  const [homes, res] = await Promise.all([
    myHomes(ctx),
    ctx.db
      .collection('announcements')
      .aggregate()
      .match({ communityId: _.in(communities), status: 'published' })
      .sort({ publishedAt: -1 })
      .limit(200)
      .addFields({ readId: $.concat(['$_id', `:${ctx.caller.openid}`]) })
      .lookup({ from: 'announcement_reads', localField: 'readId', foreignField: '_id', as: 'myRead' })
      .lookup(communityLookup)
      .end(),
  ]);
  const mine = ((res as any).data as (Placed & { myRead: unknown[] })[]).filter((a) => homes.some((h) => h.communityId === a.communityId && inScope(a.scope, h)));
  const read = new Set(mine.filter((a) => a.myRead.length > 0).map((a) => a._id));
  const sorted = [...mine.filter((a) => a.pinned), ...mine.filter((a) => !a.pinned)].filter((a) => !input.unreadOnly || !read.has(a._id));
  const offset = offsetOf(input.cursor);
  const pageItems = sorted.slice(offset, offset + input.pageSize);
  const items = await Promise.all(pageItems.map((a) => view(ctx, a, { forResident: true, read: read.has(a._id), communityName: a.community[0]?.name ?? '' })));
  const next = offset + pageItems.length;
  return { items, total: sorted.length, unread: mine.filter((a) => !read.has(a._id)).length, ...(next < sorted.length ? { nextCursor: String(next) } : {}) };
}

export async function read(input: In<'read'>, ctx: ActionContext) {
  const a = await loadNotice(ctx, input.announcementId);
  if (!(await visibleTo(ctx, a, await myHomes(ctx)))) throw gone();
  const id = `${a!._id}:${ctx.caller.openid}`;
  const existing = (await ctx.db.collection('announcement_reads').doc(id).get()).data[0];
  if (!existing) {
    await ctx.db
      .collection('announcement_reads')
      .add({ _id: id, announcementId: a!._id, openid: ctx.caller.openid, at: ctx.clock.now(), shared: false })
      .catch((e: any) => {
        if (e?.code !== 'DATABASE_DUPLICATE_WRITE') throw e;
      });
  }
  return { read: true };
}

export async function ask(input: In<'ask'>, ctx: ActionContext) {
  const a = await loadNotice(ctx, input.announcementId);
  if (!(await visibleTo(ctx, a, await myHomes(ctx)))) throw gone();
  // A resident's question on a notice becomes a consultation ticket linked to it.
  const home = ctx.caller.homes.find((h) => h.communityId === a!.communityId) ?? ctx.caller.homes[0];
  if (!home) throw new AppError('FORBIDDEN', '请先绑定房屋');
  const res = await openTicket(ctx, {
    key: `${ctx.caller.openid!}\u0001${input.clientRequestId}`,
    communityId: home.communityId,
    type: 'consultation',
    category: 'consultation_other',
    description: `关于公告「${a!.title}」：${input.question}`,
    location: { kind: 'home', unitId: home.unitId },
    reporter: { openid: ctx.caller.openid!, name: home.name, phone: home.phone },
    channel: 'app',
    origin: { kind: 'announcement', id: a!._id, label: `公告：${a!.title}` },
  });
  return { ticketId: res.ticketId, no: res.no };
}

/**
 * The group chat a share ticket names, resolved on the server from its cloudID (WeChat's
 * getOpenData, which only answers for cloudIDs it issued to this caller). Null when it does not
 * resolve: a group id the client names itself is never counted.
 */
async function groupOf(ctx: ActionContext, cloudID: string | undefined): Promise<string | null> {
  if (!cloudID) return null;
  let res: any;
  try {
    res = await ctx.app.callWxOpenApi({ apiName: '/wxa/getopendata', requestData: { cloudid_list: [cloudID], openid: ctx.caller.openid } } as any);
  } catch (e) {
    console.warn('getOpenData unavailable', (e as Error).message);
    return null;
  }
  const body = res?.result ?? res;
  const item = (body?.data_list ?? []).find((x: any) => x?.cloud_id === cloudID);
  let json: any = item?.json;
  if (typeof json === 'string') {
    try {
      json = JSON.parse(json);
    } catch {
      return null;
    }
  }
  const openGId = json?.data?.openGId;
  return typeof openGId === 'string' && openGId.length > 0 && openGId.length <= 100 ? openGId : null;
}

async function recordGroup(ctx: ActionContext, announcementId: string, openGId: string | null) {
  if (!openGId) return;
  const _ = ctx.db.command;
  const id = `${announcementId}:${openGId}`;
  const res = await ctx.db
    .collection('announcement_groups')
    .where({ _id: id })
    .update({ opens: _.inc(1), lastAt: ctx.clock.now() });
  if (res.updated === 0) {
    await ctx.db
      .collection('announcement_groups')
      .add({ _id: id, announcementId, openGId, opens: 1, firstAt: ctx.clock.now(), lastAt: ctx.clock.now() })
      .catch((e: any) => {
        if (e?.code !== 'DATABASE_DUPLICATE_WRITE') throw e;
      });
  }
}

export async function shared(input: In<'shared'>, ctx: ActionContext) {
  await read({ announcementId: input.announcementId }, ctx);
  await ctx.db.collection('announcement_reads').doc(`${input.announcementId}:${ctx.caller.openid}`).update({ shared: true });
  await recordGroup(ctx, input.announcementId, await groupOf(ctx, input.cloudID));
  return { shared: true };
}

/**
 * Opened from a group chat's card: anyone who may read the notice (it is public) counts the group;
 * the read mark is only kept for residents the notice concerns.
 */
export async function enteredFromGroup(input: In<'enteredFromGroup'>, ctx: ActionContext) {
  const a = await loadNotice(ctx, input.announcementId);
  if (!isPublic(a)) throw gone();
  if (covers(a, await myHomes(ctx))) await read({ announcementId: input.announcementId }, ctx);
  const group = await groupOf(ctx, input.cloudID);
  await recordGroup(ctx, input.announcementId, group);
  return { recorded: !!group };
}

/** For each notice: targeted, sent, failed (with reasons), without consent, read, shared, group chats reached. */
export async function reach(input: In<'reach'>, ctx: ActionContext): Promise<ReachView> {
  const a = (await ctx.db.collection('announcements').doc(input.announcementId).get()).data[0] as AnnouncementDoc | undefined;
  if (!a || a.communityId !== ctx.caller.staff!.communityId) throw new AppError('NOT_FOUND', '公告不存在');
  const $ = ctx.db.command.aggregate;
  const byStatus = await ctx.db
    .collection('announcement_deliveries')
    .aggregate()
    .match({ announcementId: a._id })
    .group({ _id: { status: '$status', errcode: '$errcode', reason: '$reason' }, n: $.sum(1) })
    .end();
  const rows = byStatus.data as { _id: { status: string; errcode?: string; reason?: string }; n: number }[];
  const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((x, r) => x + r.n, 0);
  const [reads, sharedCount, groups] = await Promise.all([
    ctx.db.collection('announcement_reads').where({ announcementId: a._id }).count(),
    ctx.db.collection('announcement_reads').where({ announcementId: a._id, shared: true }).count(),
    ctx.db.collection('announcement_groups').where({ announcementId: a._id }).orderBy('firstAt', 'asc').limit(100).get(),
  ]);
  const failures = new Map<string, number>();
  for (const r of rows.filter((r) => r._id.status === 'failed'))
    failures.set(String(r._id.errcode ?? r._id.reason ?? 'unknown'), (failures.get(String(r._id.errcode ?? r._id.reason ?? 'unknown')) ?? 0) + r.n);
  return {
    targeted: sum(() => true),
    sent: sum((r) => r._id.status === 'sent'),
    failed: sum((r) => r._id.status === 'failed'),
    failures: [...failures].map(([errcode, count]) => ({ errcode, count })),
    withoutConsent: sum((r) => r._id.status === 'skipped' && r._id.reason === 'no-consent'),
    pending: sum((r) => r._id.status === 'pending' || r._id.status === 'sending'),
    read: reads.total,
    shared: sharedCount.total,
    groups: groups.data.map((g: any) => ({ openGId: g.openGId, opens: g.opens, firstAt: new Date(g.firstAt).toISOString() })),
    state: a.broadcastState ?? 'none',
  };
}
