import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import { MESSAGE_KINDS, type InboxItem, type InboxPage, type MessageTarget, type OpenedTarget, type UnreadCounts } from '../../src/domain/inbox';
import type { inboxInputs } from '../../src/domain/inbox-api';
import { callerCanSee } from '../_lib/ticket-model';
import type { ActionContext, PrefetchContext } from '../_lib/handler';
import { claim } from '../_lib/bulk';
import type { AlertDoc, MessageDoc } from '../_lib/notify';

type In<K extends keyof typeof inboxInputs> = z.infer<(typeof inboxInputs)[K]>;

/** Staff see their role's shared alerts in their own community. */
function alertScope(ctx: ActionContext) {
  const s = ctx.caller.staff;
  if (!s) return null;
  return { communityId: s.communityId, roles: [...ctx.caller.roles] };
}

/** What list/unread read knowing only who calls, alongside resolving them (one round-trip step). */
interface Prefetched {
  /** The person's 全部已读 marks, by community. */
  marks?: Map<string, string>;
  personalUnread?: number;
  page?: { data: MessageDoc[] };
  total?: number;
}

function marksOf(db: PrefetchContext['db'], openid: string) {
  return db
    .collection('inbox_marks')
    .where({ openid })
    .limit(20)
    .get()
    .then((r) => new Map((r.data as { communityId: string; upTo: string }[]).map((m) => [m.communityId, m.upTo])));
}

const personalUnread = (db: PrefetchContext['db'], openid: string) =>
  db
    .collection('messages')
    .where({ openid, read: false })
    .count()
    .then((r) => r.total);

export async function prefetchUnread(_input: unknown, { db, openid }: PrefetchContext): Promise<Prefetched> {
  const [marks, unread] = await Promise.all([marksOf(db, openid), personalUnread(db, openid)]);
  return { marks, personalUnread: unread };
}

export async function prefetchList(input: In<'list'>, { db, openid }: PrefetchContext): Promise<Prefetched> {
  if (input.box !== 'personal') return { marks: await marksOf(db, openid) };
  const _ = db.command;
  const where = { openid, ...(input.cursor ? { sk: _.lt(input.cursor) } : {}) };
  const [page, total, unread] = await Promise.all([
    db
      .collection('messages')
      .where(where)
      .orderBy('sk', 'desc')
      .limit(input.pageSize + 1)
      .get(),
    db.collection('messages').where({ openid }).count(),
    personalUnread(db, openid),
  ]);
  return { page: page as { data: MessageDoc[] }, total: total.total, personalUnread: unread };
}

/** Every role alert up to this sort key counts as read for the person (none until their first 全部已读). */
async function markOf(ctx: ActionContext, communityId: string): Promise<string> {
  const known = (ctx.prefetched as Prefetched | undefined)?.marks;
  if (known) return known.get(communityId) ?? '';
  const doc = (await ctx.db.collection('inbox_marks').doc(`${ctx.caller.openid}:${communityId}`).get()).data[0] as { upTo: string } | undefined;
  return doc?.upTo ?? '';
}

const view = (d: MessageDoc | AlertDoc, box: 'personal' | 'alerts', read: boolean): InboxItem => ({
  id: d._id,
  box,
  kind: d.kind,
  kindLabel: MESSAGE_KINDS[d.kind]?.label ?? '通知',
  tone: d.tone,
  title: d.title,
  body: d.body,
  at: new Date(d.at).toISOString(),
  read,
  target: d.target,
  ...('role' in d ? { role: d.role } : {}),
});

export async function list(input: In<'list'>, ctx: ActionContext): Promise<InboxPage> {
  const { db } = ctx;
  const _ = db.command;
  const openid = ctx.caller.openid!;
  if (input.box === 'personal') {
    // Read with the caller's resolution (prefetchList): only the person's own messages.
    const { page, total, personalUnread: unread } = ctx.prefetched as Required<Prefetched>;
    const docs = page.data;
    const items = docs.slice(0, input.pageSize);
    return {
      items: items.map((m) => view(m, 'personal', m.read)),
      total,
      unread,
      ...(docs.length > input.pageSize ? { nextCursor: items[items.length - 1].sk } : {}),
    };
  }
  const scope = alertScope(ctx);
  if (!scope) return { items: [], total: 0, unread: 0 };
  const base = { communityId: scope.communityId, role: _.in(scope.roles) };
  // The page with the person's read record of each alert (id `<alert>:<openid>`) joined in by the database.
  const [page, total, counts] = await Promise.all([
    db
      .collection('alerts')
      .aggregate()
      .match({ ...base, ...(input.cursor ? { sk: _.lt(input.cursor) } : {}) })
      .sort({ sk: -1 })
      .limit(input.pageSize + 1)
      .addFields({ readId: _.aggregate.concat(['$_id', `:${openid}`]) })
      .lookup({ from: 'alert_reads', localField: 'readId', foreignField: '_id', as: 'myRead' })
      .end(),
    db.collection('alerts').where(base).count(),
    alertUnread(ctx),
  ]);
  const docs = ((page as any).data as (AlertDoc & { readId: string; myRead: unknown[] })[]).map(({ readId: _r, myRead, ...a }) => ({ a: a as AlertDoc, read: myRead.length > 0 }));
  const items = docs.slice(0, input.pageSize);
  const mark = counts.mark;
  return {
    items: items.map(({ a, read }) => view(a, 'alerts', a.sk <= mark || read)),
    total: total.total,
    unread: counts.unread,
    ...(docs.length > input.pageSize ? { nextCursor: items[items.length - 1].a.sk } : {}),
  };
}

/** The person's unread alerts as kept on their staff record by `notify` (undefined: not kept, count them). */
const keptUnread = (ctx: ActionContext): number | undefined => {
  const n = (ctx.caller.staff as { alertsUnread?: unknown } | null)?.alertsUnread;
  return typeof n === 'number' ? Math.max(0, n) : undefined;
};

/**
 * Unread role alerts: those above the person's mark, less those read one by one above it — kept
 * on the staff record (read with the caller, no round trip) once the person has used 全部已读;
 * counted (two more reads) before. `kept` overrides the record as read (after this call's change).
 */
async function alertUnread(ctx: ActionContext, kept = keptUnread(ctx)): Promise<{ unread: number; mark: string }> {
  const scope = alertScope(ctx);
  if (!scope) return { unread: 0, mark: '' };
  const _ = ctx.db.command;
  const mark = await markOf(ctx, scope.communityId);
  if (kept !== undefined) return { unread: kept, mark };
  const [alerts, reads] = await Promise.all([
    ctx.db
      .collection('alerts')
      .where({ communityId: scope.communityId, role: _.in(scope.roles), sk: _.gt(mark) })
      .count(),
    ctx.db
      .collection('alert_reads')
      .where({ openid: ctx.caller.openid, communityId: scope.communityId, sk: _.gt(mark) })
      .count(),
  ]);
  return { unread: Math.max(0, alerts.total - reads.total), mark };
}

export async function unread(_input: unknown, ctx: ActionContext, kept = keptUnread(ctx)): Promise<UnreadCounts> {
  const known = (ctx.prefetched as Prefetched | undefined)?.personalUnread;
  const [personal, alerts] = await Promise.all([known ?? personalUnread(ctx.db, ctx.caller.openid!), alertUnread(ctx, kept)]);
  return { personal, alerts: alerts.unread, total: personal + alerts.unread };
}

/**
 * Marks one message read (only one's own: anyone else's is refused and left as it is) and
 * answers where its link goes and whether the reader may open it; or marks all read.
 */
export async function read(input: In<'read'>, ctx: ActionContext): Promise<(OpenedTarget & { unread: UnreadCounts }) | { unread: UnreadCounts }> {
  const { db, caller } = ctx;
  const _ = db.command;
  const now = ctx.clock.now();
  const openid = caller.openid!;
  if ('id' in input) {
    if (input.id.startsWith('a-')) {
      const a = (await db.collection('alerts').doc(input.id).get()).data[0] as AlertDoc | undefined;
      if (!a) throw new AppError('NOT_FOUND', '消息不存在或已删除');
      const scope = alertScope(ctx);
      if (!scope || scope.communityId !== a.communityId || !scope.roles.includes(a.role)) throw new AppError('FORBIDDEN', '这不是您的消息');
      let kept = keptUnread(ctx);
      if (a.sk > (await markOf(ctx, a.communityId))) {
        const first = await claim(db, 'alert_reads', { _id: `${a._id}:${openid}`, alertId: a._id, openid, communityId: a.communityId, sk: a.sk, at: now });
        if (first && kept !== undefined) {
          await db
            .collection('staff')
            .where({ _id: caller.staff!._id, alertsUnread: _.gt(0) })
            .update({ alertsUnread: _.inc(-1) });
          kept = Math.max(0, kept - 1);
        }
      }
      return { target: a.target, allowed: await mayOpen(ctx, a.target), unread: await unread({}, ctx, kept) };
    }
    const m = (await db.collection('messages').doc(input.id).get()).data[0] as MessageDoc | undefined;
    if (!m) throw new AppError('NOT_FOUND', '消息不存在或已删除');
    if (m.openid !== openid) throw new AppError('FORBIDDEN', '这不是您的消息');
    if (!m.read) await db.collection('messages').where({ _id: m._id, openid, read: false }).update({ read: true, readAt: now });
    return { target: m.target, allowed: await mayOpen(ctx, m.target), unread: await unread({}, ctx) };
  }
  if (input.box !== 'alerts') await db.collection('messages').where({ openid, read: false }).update({ read: true, readAt: now });
  const scope = alertScope(ctx);
  let kept = keptUnread(ctx);
  if (input.box !== 'personal' && scope) {
    // Everything up to now is read: from here on `notify` keeps the count on the staff record.
    await db.collection('staff').doc(caller.staff!._id).update({ alertsUnread: 0 });
    kept = 0;
    const newest = (
      await db
        .collection('alerts')
        .where({ communityId: scope.communityId, role: _.in(scope.roles) })
        .orderBy('sk', 'desc')
        .field({ sk: true })
        .limit(1)
        .get()
    ).data[0] as { sk: string } | undefined;
    const mark = await markOf(ctx, scope.communityId);
    if (newest && newest.sk > mark) {
      await db.collection('inbox_marks').doc(`${openid}:${scope.communityId}`).set({ openid, communityId: scope.communityId, upTo: newest.sk, at: now });
      await db
        .collection('alert_reads')
        .where({ openid, communityId: scope.communityId, sk: _.lte(newest.sk) })
        .remove();
    }
  }
  return { unread: await unread({}, ctx, kept) };
}

/** Whether the reader may see what a message links to (else the client shows 无权查看). */
async function mayOpen(ctx: ActionContext, target: MessageTarget): Promise<boolean> {
  const { db, caller } = ctx;
  const staffOf = (communityId: string) => !!caller.staff && caller.staff.communityId === communityId;
  switch (target.kind) {
    case 'ticket': {
      const t = (await db.collection('tickets').doc(target.id).get()).data[0] as any;
      if (!t) return false;
      return callerCanSee(caller, t);
    }
    case 'notice': {
      const a = (await db.collection('announcements').doc(target.id).get()).data[0] as any;
      if (!a) return false;
      // Published notices are public; drafts only for their community's staff.
      return ['published', 'expired'].includes(a.status) || staffOf(a.communityId);
    }
    case 'callback': {
      const cb = (await db.collection('callbacks').doc(target.id).get()).data[0] as any;
      return !!cb && staffOf(cb.communityId);
    }
    case 'binding': {
      const m = (await db.collection('memberships').doc(target.id).get()).data[0] as any;
      return !!m && (m.openid === caller.openid || staffOf(m.communityId));
    }
    default:
      return true;
  }
}
