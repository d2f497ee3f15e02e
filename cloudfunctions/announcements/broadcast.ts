import { ANNOUNCEMENT_TYPE_LABELS, inScope } from '../../src/domain/announcements';
import type { ActionContext } from '../_lib/handler';
import { clearConsent } from '../_lib/subscriptions';
import { notify } from '../_lib/notify';
import { TEMPLATES } from '../_lib/templates';
import { formatMinute } from '../../src/domain/time';
import type { AnnouncementDoc, DeliveryDoc } from './model';
import { summaryOf } from './views';

const PAGE = 500;
const SEND_BATCH = 200;
const MAX_ATTEMPTS = 5;
/** WeChat errors worth retrying (system busy, rate limits, timeouts); anything else fails at once. */
const TRANSIENT = new Set([-1, 45009, 45011, 45047, 9410000]);
const budgetMs = () => Number(process.env.LINLI_TIMER_BUDGET_MS) || 20_000;
/** Subscribe messages sent per second (stay under WeChat's limits); configurable. */
const rate = () => Math.max(1, Number(process.env.LINLI_BROADCAST_RATE) || 50);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/**
 * The broadcast timer (every minute): publishes scheduled notices, expires old ones, turns
 * each new notice into one delivery record per targeted resident (the record's id is the
 * pair, so a resident is targeted once), and sends pending deliveries at the configured
 * rate. Every step resumes from data, so a crash or an overlapping run neither repeats nor
 * skips a recipient.
 */
export async function broadcast(_input: unknown, ctx: ActionContext) {
  const started = Date.now();
  const left = () => Date.now() - started < budgetMs();
  const { db } = ctx;
  const _ = db.command;
  const now = ctx.clock.now();
  const out = { published: 0, expired: 0, targeted: 0, sent: 0, failed: 0, skipped: 0, retried: 0, interrupted: 0, more: false };

  // Scheduled → published; published → expired: up to 100 a run each, every move guarded by the status it leaves.
  const move = async (from: AnnouncementDoc['status'], dueField: 'publishAt' | 'expiresAt', patch: Record<string, unknown>) => {
    let moved = 0;
    const due = await db
      .collection('announcements')
      .where({ status: from, [dueField]: _.lte(now) })
      .limit(100)
      .get();
    for (const a of due.data as AnnouncementDoc[]) moved += (await db.collection('announcements').where({ _id: a._id, status: from }).update(patch)).updated;
    return moved;
  };
  out.published += await move('scheduled', 'publishAt', { status: 'published', publishedAt: now, broadcastState: 'targeting', broadcastCursor: null, updatedAt: now });
  out.expired += await move('published', 'expiresAt', { status: 'expired', pinned: false, updatedAt: now });

  // Targeting: page through the community's approved memberships by _id, resuming at the cursor.
  for (const a of (await db.collection('announcements').where({ broadcastState: 'targeting' }).limit(20).get()).data as AnnouncementDoc[]) {
    let cursor = a.broadcastCursor;
    for (;;) {
      if (!left()) return { ...out, more: true };
      const where: Record<string, unknown> = { communityId: a.communityId, status: 'approved' };
      if (cursor) where._id = _.gt(cursor);
      const page = (await db.collection('memberships').where(where).orderBy('_id', 'asc').limit(PAGE).get()).data as any[];
      if (page.length === 0) break;
      const units = await db
        .collection('units')
        .where({ _id: _.in([...new Set(page.map((m) => m.unitId))]) })
        .field({ building: true })
        .limit(1000)
        .get();
      const building = new Map(units.data.map((u: any) => [u._id, u.building]));
      const openids = [...new Set(page.filter((m) => inScope(a.scope, { unitId: m.unitId, building: building.get(m.unitId) ?? '' })).map((m) => m.openid as string))];
      out.targeted += await insertDeliveries(ctx, a, openids, now);
      cursor = page[page.length - 1]._id;
      await db.collection('announcements').where({ _id: a._id, broadcastState: 'targeting' }).update({ broadcastCursor: cursor });
    }
    const total = await db.collection('announcement_deliveries').where({ announcementId: a._id }).count();
    await db.collection('announcements').where({ _id: a._id, broadcastState: 'targeting' }).update({ broadcastState: 'sending', targeted: total.total });
  }

  // A delivery left "sending" by a run that died may or may not have gone out: it is never
  // sent again (a resident must not get it twice); it is reported as interrupted.
  const stuck = await db
    .collection('announcement_deliveries')
    .where({ status: 'sending', leaseUntil: _.lt(now) })
    .limit(500)
    .get();
  for (const d of stuck.data as DeliveryDoc[]) {
    const r = await db.collection('announcement_deliveries').where({ _id: d._id, status: 'sending' }).update({ status: 'failed', errcode: 'interrupted', leaseUntil: null });
    out.interrupted += r.updated;
  }

  // Sending, paced at the configured rate: claim a batch in one write, check consents in
  // one read, send with requests in flight (each starting at its paced slot), record
  // outcomes in bulk.
  const runId = `run-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const interval = 1000 / rate();
  let nextSlot = Date.now();
  const announcements = new Map<string, AnnouncementDoc | null>();
  for (;;) {
    if (!left()) return { ...out, more: true };
    const batch = (
      await db
        .collection('announcement_deliveries')
        .where({ status: 'pending', nextAttemptAt: _.lte(now) })
        .orderBy('nextAttemptAt', 'asc')
        .limit(SEND_BATCH)
        .get()
    ).data as DeliveryDoc[];
    if (batch.length === 0) break;
    await db
      .collection('announcement_deliveries')
      .where({ _id: _.in(batch.map((d) => d._id)), status: 'pending' })
      .update({ status: 'sending', claim: runId, leaseUntil: new Date(now.getTime() + 5 * 60_000) });
    const owned = (await db.collection('announcement_deliveries').where({ claim: runId, status: 'sending' }).limit(SEND_BATCH).get()).data as DeliveryDoc[];
    if (owned.length === 0) continue; // another run took them all
    for (const id of new Set(owned.map((d) => d.announcementId))) {
      if (!announcements.has(id)) announcements.set(id, ((await db.collection('announcements').doc(id).get()).data[0] as AnnouncementDoc) ?? null);
    }
    const gone = owned.filter((d) => announcements.get(d.announcementId)?.status !== 'published');
    const live = owned.filter((d) => announcements.get(d.announcementId)?.status === 'published');
    const consentIds = live.map((d) => `${d.openid}:${TEMPLATES.notice}`);
    const consents = consentIds.length
      ? (
          await db
            .collection('subscriptions')
            .where({ _id: _.in(consentIds), remaining: _.gt(0) })
            .limit(SEND_BATCH)
            .get()
        ).data
      : [];
    const hasConsent = new Set(consents.map((c: any) => c.openid));
    const sendable = live.filter((d) => hasConsent.has(d.openid));
    const noConsent = live.filter((d) => !hasConsent.has(d.openid));
    if (sendable.length)
      await db
        .collection('subscriptions')
        .where({ _id: _.in(sendable.map((d) => `${d.openid}:${TEMPLATES.notice}`)), remaining: _.gt(0) })
        .update({ remaining: _.inc(-1), updatedAt: now });
    await markMany(ctx, gone, { status: 'skipped', reason: 'not-published' });
    await markMany(ctx, noConsent, { status: 'skipped', reason: 'no-consent' });
    out.skipped += gone.length + noConsent.length;
    await inApp(ctx, noConsent, announcements);

    const results: { d: DeliveryDoc; errcode: number }[] = [];
    const inFlight = new Set<Promise<void>>();
    for (const d of sendable) {
      const wait = nextSlot - Date.now();
      if (wait > 0) await sleep(wait);
      // Time spent on bookkeeping between batches may be made up, but never more than half a
      // second's worth: the rate holds over any window longer than that.
      nextSlot = Math.max(nextSlot, Date.now() - 500) + interval;
      const p: Promise<void> = send(ctx, announcements.get(d.announcementId)!, d.openid).then((errcode) => {
        results.push({ d, errcode });
        inFlight.delete(p);
      });
      inFlight.add(p);
      if (inFlight.size >= 16) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);

    const sentNow = results.filter((r) => r.errcode === 0).map((r) => r.d);
    await markMany(ctx, sentNow, { status: 'sent', sentAt: ctx.clock.now(), leaseUntil: null }, true);
    out.sent += sentNow.length;
    const unsent: DeliveryDoc[] = [];
    for (const { d, errcode } of results.filter((r) => r.errcode !== 0)) {
      if (errcode === 43101) {
        await clearConsent(db, d.openid, TEMPLATES.notice, now);
        await db
          .collection('announcement_deliveries')
          .doc(d._id)
          .update({ status: 'skipped', reason: 'no-consent', errcode: '43101', attempts: d.attempts + 1, leaseUntil: null });
        out.skipped++;
        unsent.push(d);
      } else if (TRANSIENT.has(errcode) && d.attempts + 1 < MAX_ATTEMPTS) {
        // Back off 1, 2, 4, 8 minutes. The consent was not used: give it back.
        await db
          .collection('subscriptions')
          .doc(`${d.openid}:${TEMPLATES.notice}`)
          .update({ remaining: _.inc(1) });
        await db
          .collection('announcement_deliveries')
          .doc(d._id)
          .update({
            status: 'pending',
            errcode: String(errcode),
            attempts: d.attempts + 1,
            nextAttemptAt: new Date(now.getTime() + 2 ** d.attempts * 60_000),
            leaseUntil: null,
            claim: null,
          });
        out.retried++;
      } else {
        await db
          .collection('announcement_deliveries')
          .doc(d._id)
          .update({ status: 'failed', errcode: String(errcode), attempts: d.attempts + 1, leaseUntil: null });
        out.failed++;
        unsent.push(d);
      }
    }
    await inApp(ctx, unsent, announcements);
  }
  // Notices with nothing left to send are done.
  for (const a of (await db.collection('announcements').where({ broadcastState: 'sending' }).limit(50).get()).data as AnnouncementDoc[]) {
    const open = await db
      .collection('announcement_deliveries')
      .where({ announcementId: a._id, status: _.in(['pending', 'sending']) })
      .count();
    if (open.total === 0) await db.collection('announcements').where({ _id: a._id, broadcastState: 'sending' }).update({ broadcastState: 'done' });
  }
  return out;
}

/**
 * The in-app fallback: a resident the subscribe message could not reach (no consent left, or
 * WeChat refused) finds the notice in their 消息 inbox, once (keyed by the delivery).
 */
async function inApp(ctx: ActionContext, ds: DeliveryDoc[], announcements: Map<string, AnnouncementDoc | null>) {
  await notify(
    ctx,
    ds.flatMap((d) => {
      const a = announcements.get(d.announcementId);
      if (!a) return [];
      return [
        {
          key: d._id,
          to: [{ openid: d.openid }],
          kind: 'notice' as const,
          tone: a.interruption ? ('warning' as const) : ('info' as const),
          title: clip(a.title, 30),
          body: a.interruption ? `${ANNOUNCEMENT_TYPE_LABELS[a.type]}：${summaryOf(a)}` : a.summary || clip(a.body ?? '', 60),
          communityId: a.communityId,
          target: { kind: 'notice' as const, id: a._id },
        },
      ];
    }),
  );
}

/** One write for many deliveries of this run (ids owned through the run's claim). */
async function markMany(ctx: ActionContext, ds: DeliveryDoc[], patch: Record<string, unknown>, countAttempt = false) {
  if (!ds.length) return;
  const _ = ctx.db.command;
  await ctx.db
    .collection('announcement_deliveries')
    .where({ _id: _.in(ds.map((d) => d._id)), status: 'sending' })
    .update({ ...patch, leaseUntil: null, ...(countAttempt ? { attempts: _.inc(1) } : {}) });
}

async function insertDeliveries(ctx: ActionContext, a: AnnouncementDoc, openids: string[], now: Date): Promise<number> {
  if (!openids.length) return 0;
  const _ = ctx.db.command;
  const ids = openids.map((o) => `${a._id}:${o}`);
  const existing = new Set(
    (
      await ctx.db
        .collection('announcement_deliveries')
        .where({ _id: _.in(ids) })
        .field({ _id: true })
        .limit(1000)
        .get()
    ).data.map((d: any) => d._id),
  );
  const fresh: DeliveryDoc[] = openids
    .filter((o) => !existing.has(`${a._id}:${o}`))
    .map((openid) => ({
      _id: `${a._id}:${openid}`,
      announcementId: a._id,
      communityId: a.communityId,
      openid,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    }));
  if (!fresh.length) return 0;
  try {
    await ctx.db.collection('announcement_deliveries').add(fresh);
    return fresh.length;
  } catch (e: any) {
    if (e?.code !== 'DATABASE_DUPLICATE_WRITE') throw e;
    // Another run inserted some of them meanwhile: insert one by one, keeping theirs.
    let n = 0;
    for (const d of fresh) {
      try {
        await ctx.db.collection('announcement_deliveries').add(d);
        n++;
      } catch (err: any) {
        if (err?.code !== 'DATABASE_DUPLICATE_WRITE') throw err;
      }
    }
    return n;
  }
}

async function send(ctx: ActionContext, a: AnnouncementDoc, openid: string): Promise<number> {
  try {
    const res: any = await ctx.app.callWxOpenApi({
      apiName: '/cgi-bin/message/subscribe/send',
      requestData: {
        touser: openid,
        template_id: TEMPLATES.notice,
        page: `pages/notice/index?id=${a._id}`,
        data: {
          thing1: { value: clip(a.title, 20) },
          thing2: { value: clip(summaryOf(a), 20) },
          time3: { value: formatMinute(a.interruption?.startAt ?? a.publishedAt ?? ctx.clock.now()) },
        },
      },
    } as any);
    return Number(res?.result?.errcode ?? 0);
  } catch {
    return -1;
  }
}
