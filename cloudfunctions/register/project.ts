import {
  accumulate,
  foldDeskLog,
  foldEvent,
  legacyOutcome,
  periodKey,
  REPEAT_WINDOW_DAYS,
  type Contribution,
  type RawEvent,
  type RegisterEntry,
  type TicketFacts,
  type TicketProgress,
} from '../../src/domain/register';
import type { TicketType } from '../../src/domain/tickets/catalog';
import { isTicketEntry } from '../../src/domain/tickets/timeline';
import { insertMissing } from '../_lib/bulk';
import type { ActionContext } from '../_lib/handler';

/** Log entries read per transaction; each batch commits its entries, counters and the watermark together. */
export const BATCH = 200;
const STATE_ID = 'projection';
/** A log entry is projected once it is this old, so entries whose transaction commits late are not passed over. */
const settleMs = () => Number(process.env.LINLI_REGISTER_SETTLE_MS ?? 60_000);

interface Watermark {
  _id: string;
  at: Date;
  /** Ids of log entries already projected at exactly `at` (timestamps can tie). */
  ids: string[];
  projected: number;
}

type Db = ActionContext['db'];

/** A ticket's unchanging facts and its current open state, for the batch's tickets. */
async function ticketFacts(db: Db, ids: string[]) {
  const _ = db.command;
  const out = new Map<string, TicketFacts & { open: boolean; ownerStaffId: string | null; ownerName: string }>();
  for (let i = 0; i < ids.length; i += 100) {
    const docs = (
      await db
        .collection('tickets')
        .where({ _id: _.in(ids.slice(i, i + 100)) })
        .limit(100)
        .get()
    ).data as any[];
    const unitIds = [...new Set(docs.map((t) => t.unitId).filter(Boolean))];
    const units = unitIds.length
      ? new Map(
          (
            (
              await db
                .collection('units')
                .where({ _id: _.in(unitIds) })
                .limit(100)
                .get()
            ).data as any[]
          ).map((u) => [u._id, u.building as string]),
        )
      : new Map<string, string>();
    for (const t of docs)
      out.set(t._id, {
        ticketId: t._id,
        no: t.no ?? '',
        type: t.type as TicketType,
        category: t.category,
        emergency: !!t.emergency,
        department: t.department,
        building: (t.unitId ? units.get(t.unitId) : t.location?.building) ?? '',
        unitId: t.unitId ?? null,
        contactName: t.contactName ?? '',
        contactPhone: t.contactPhone ?? '',
        createdAt: new Date(t.createdAt),
        ...(t.opening ? { opening: t.opening as string } : {}),
        open: !!t.open,
        ownerStaffId: t.ownerStaffId ?? null,
        ownerName: t.ownerName ?? '',
      });
  }
  return out;
}

/**
 * One batch of the projection: the log entries after the watermark (settled ones only), folded
 * into register entries, per-ticket progress and the period counters, committed with the new
 * watermark in one transaction. A rerun or an overlapping timer either finds nothing new or
 * conflicts on the watermark and commits nothing: no entry or count is ever added twice.
 */
export async function projectBatch(ctx: Pick<ActionContext, 'db' | 'clock'>, settle = settleMs()): Promise<{ projected: number; more: boolean }> {
  const { db } = ctx;
  const _ = db.command;
  const cutoff = new Date(ctx.clock.now().getTime() - settle);
  const wm = ((await db.collection('register_state').doc(STATE_ID).get()).data[0] as Watermark | undefined) ?? { _id: STATE_ID, at: new Date(0), ids: [], projected: 0 };
  const wmAt = new Date(wm.at);
  const raw = (
    await db
      .collection('ticket_events')
      .where({ at: _.and(_.gte(wmAt), _.lte(cutoff)) })
      .orderBy('at', 'asc')
      .orderBy('ticketId', 'asc')
      .orderBy('seq', 'asc')
      .limit(BATCH)
      .get()
  ).data as RawEvent[];
  const done = new Set(wm.ids);
  const events = raw.filter((e) => !(new Date(e.at).getTime() === wmAt.getTime() && done.has(e._id))).map((e) => ({ ...e, at: new Date(e.at) }));
  if (!events.length) return { projected: 0, more: false };

  const ticketIds = [...new Set(events.map((e) => e.ticketId))];
  const [facts, history] = await Promise.all([ticketFacts(db, ticketIds), logsOf(db, ticketIds)]);
  const inBatch = new Set(events.map((e) => e._id));
  const entries: RegisterEntry[] = [];
  const byCommunity = new Map<string, Contribution[]>();
  const touched = new Set<string>();
  // Each touched ticket's log is folded from its first entry (the log is the only state: no
  // progress is kept between runs); only this batch's entries contribute.
  for (const id of ticketIds) {
    const t = facts.get(id);
    if (!t) continue; // a log entry of a ticket that no longer exists: nothing to show
    touched.add(id);
    // Only the ticket's own entries (not those of an attempt that lost the insert).
    const log = (history.get(id) ?? []).filter((e) => isTicketEntry(e, t)).sort((a, b) => a.seq - b.seq);
    const lastSeq = Math.max(...log.filter((e) => inBatch.has(e._id)).map((e) => e.seq));
    let progress: TicketProgress | null = null;
    for (const ev of log) {
      if (ev.seq > lastSeq) break;
      const mine = inBatch.has(ev._id);
      const repeat = mine && (ev.action === 'created' || ev.action === 'logged') && !!t.unitId ? await isRepeat(db, t) : false;
      const r = foldEvent(ev, t, progress, { repeat, open: t.open, owner: { id: t.ownerStaffId, name: t.ownerName } });
      progress = r.progress;
      if (!mine) continue;
      if (r.entry) entries.push(r.entry);
      const list = byCommunity.get(ev.communityId) ?? [];
      list.push(...r.contributions);
      byCommunity.set(ev.communityId, list);
    }
  }
  const last = events[events.length - 1];
  const lastAt = last.at.getTime();
  const next: Watermark = {
    _id: STATE_ID,
    at: last.at,
    ids: [...(lastAt === wmAt.getTime() ? wm.ids : []), ...events.filter((e) => e.at.getTime() === lastAt).map((e) => e._id)],
    projected: (wm.projected ?? 0) + events.length,
  };
  // Entries are keyed by their log entry: inserting them first (in bulk) is idempotent; the
  // counters go in with the watermark, so they are added exactly once.
  await insertMissing(db, 'register_entries', entries);
  await db.runTransaction(async (tx: any) => {
    const cur = (await tx.collection('register_state').doc(STATE_ID).get()).data as Watermark | null;
    if ((cur ? new Date(cur.at).getTime() : 0) !== wmAt.getTime() || (cur?.ids.length ?? 0) !== wm.ids.length) {
      throw Object.assign(new Error('watermark moved'), { code: 'DATABASE_TRANSACTION_CONFLICT' });
    }
    await applyCounters(tx, byCommunity);
    await tx.collection('register_state').doc(STATE_ID).set({ at: next.at, ids: next.ids, projected: next.projected });
  });
  // Open/closed follows each touched ticket's current state (closed history stays in the register).
  const ids = [...touched];
  const openNow = ids.filter((id) => facts.get(id)!.open);
  const closedNow = ids.filter((id) => !facts.get(id)!.open);
  if (openNow.length)
    await db
      .collection('register_entries')
      .where({ ticketId: _.in(openNow), open: false })
      .update({ open: true });
  if (closedNow.length)
    await db
      .collection('register_entries')
      .where({ ticketId: _.in(closedNow), open: true })
      .update({ open: false });
  return { projected: events.length, more: raw.length === BATCH };
}

/** Whether an earlier ticket of the same unit and category was created within the repeat window (read from the tickets themselves). */
async function isRepeat(db: Db, t: TicketFacts): Promise<boolean> {
  const _ = db.command;
  const since = new Date(t.createdAt.getTime() - REPEAT_WINDOW_DAYS * 86400_000);
  const r = await db
    .collection('tickets')
    .where({ unitId: t.unitId, createdAt: _.and(_.gte(since), _.lte(t.createdAt)), category: t.category, _id: _.neq(t.ticketId) })
    .field({ _id: true })
    .limit(1)
    .get();
  return r.data.length > 0;
}

/** The whole log of each ticket (every entry up to now), by ticket. */
async function logsOf(db: Db, ticketIds: string[]): Promise<Map<string, RawEvent[]>> {
  const _ = db.command;
  const out = new Map<string, RawEvent[]>();
  for (let i = 0; i < ticketIds.length; i += 50) {
    const chunk = ticketIds.slice(i, i + 50);
    for (let skip = 0; ; skip += 1000) {
      const page = (
        await db
          .collection('ticket_events')
          .where({ ticketId: _.in(chunk) })
          .skip(skip)
          .limit(1000)
          .get()
      ).data as RawEvent[];
      for (const e of page) {
        const list = out.get(e.ticketId) ?? [];
        list.push({ ...e, at: new Date(e.at) });
        out.set(e.ticketId, list);
      }
      if (page.length < 1000) break;
    }
  }
  return out;
}

/** Reads the batch's period documents in the transaction, adds the counters and writes them back. */
export async function applyCounters(tx: any, byCommunity: Map<string, Contribution[]>) {
  for (const [communityId, contributions] of byCommunity) {
    const stats = accumulate(communityId, contributions);
    for (const [id, s] of stats) {
      const cur = (await tx.collection('register_stats').doc(id).get()).data as { counts: Record<string, number> } | null;
      const counts = { ...(cur?.counts ?? {}) };
      for (const [k, n] of Object.entries(s.counts)) counts[k] = (counts[k] ?? 0) + n;
      await tx.collection('register_stats').doc(id).set({ communityId, period: s.period, dim: s.dim, key: s.key, label: s.label, counts });
    }
  }
}

/** The timer: batches until nothing is left or the time budget is spent; then refreshes announcement reach. */
export async function project(input: { settleSeconds?: number; maxBatches?: number }, ctx: ActionContext) {
  const started = Date.now();
  const settle = input.settleSeconds === undefined ? settleMs() : input.settleSeconds * 1000;
  let projected = 0;
  let batches = 0;
  let more = true;
  while (more && batches < (input.maxBatches ?? 1000) && Date.now() - started < 40_000) {
    const r = await projectBatch(ctx, settle);
    projected += r.projected;
    more = r.more;
    batches++;
  }
  await refreshReach(ctx);
  return { projected, batches, more };
}

/** Announcement reach of the current and previous month per community: published notices, deliveries sent, reads. */
export async function refreshReach(ctx: Pick<ActionContext, 'db' | 'clock'>) {
  const { db } = ctx;
  const _ = db.command;
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - 62 * 86400_000);
  const notices = (
    await db
      .collection('announcements')
      .where({ status: _.in(['published', 'expired']), publishedAt: _.gte(since) })
      .field({ _id: true, communityId: true, publishedAt: true, title: true })
      .limit(1000)
      .get()
  ).data as any[];
  const per = new Map<string, Record<string, number>>();
  for (const a of notices) {
    const period = periodKey('month', a.publishedAt);
    const key = `${a.communityId}:${period}:reach:all`;
    const [sent, reads] = await Promise.all([
      db.collection('announcement_deliveries').where({ announcementId: a._id, status: 'sent' }).count(),
      db.collection('announcement_reads').where({ announcementId: a._id }).count(),
    ]);
    const c = per.get(key) ?? { notices: 0, sent: 0, reads: 0 };
    c.notices++;
    c.sent += sent.total;
    c.reads += reads.total;
    per.set(key, c);
  }
  for (const [id, counts] of per) {
    const [communityId, period] = id.split(':');
    await db.collection('register_stats').doc(id).set({ communityId, period, dim: 'reach', key: 'all', label: '公告触达', counts });
  }
  return per.size;
}

/**
 * Log entries written before they carried a structured outcome (callbacks, ratings) get it now,
 * read once from their text; an entry whose text holds none gets null, so each is visited once.
 */
export async function storeLegacyOutcomes(db: Db): Promise<number> {
  const _ = db.command;
  let stored = 0;
  for (;;) {
    const page = (
      await db
        .collection('ticket_events')
        .where({ action: _.in(['callback', 'rate']), outcome: _.exists(false) })
        .field({ _id: true, action: true, text: true })
        .limit(500)
        .get()
    ).data as { _id: string; action: string; text?: string }[];
    if (!page.length) return stored;
    const groups = new Map<string, string[]>();
    for (const e of page) {
      const key = JSON.stringify(legacyOutcome(e.action, e.text));
      groups.set(key, [...(groups.get(key) ?? []), e._id]);
    }
    for (const [key, ids] of groups) {
      const outcome = JSON.parse(key);
      await db
        .collection('ticket_events')
        .where({ _id: _.in(ids), outcome: _.exists(false) })
        .update({ outcome: outcome === null ? null : _.set(outcome) });
    }
    stored += page.length;
  }
}

/** Rebuilds every derived record from the log (and the desk-logged contacts, which are their own source). */
export async function backfill(_input: unknown, ctx: ActionContext) {
  const { db } = ctx;
  const _ = db.command;
  const outcomes = await storeLegacyOutcomes(db);
  await db
    .collection('register_stats')
    .where({ _id: _.exists(true) })
    .remove();
  await db
    .collection('register_entries')
    .where({ source: _.in(['ticket', 'callback']) })
    .remove();
  await db.collection('register_state').doc(STATE_ID).remove();
  const desk: RegisterEntry[] = [];
  for (;;) {
    const page = (await db.collection('register_entries').where({ source: 'desk' }).skip(desk.length).limit(1000).get()).data as RegisterEntry[];
    desk.push(...page);
    if (page.length < 1000) break;
  }
  const byCommunity = new Map<string, Contribution[]>();
  for (const e of desk) {
    const list = byCommunity.get(e.communityId) ?? [];
    list.push(...foldDeskLog({ ...e, at: new Date(e.at) }));
    byCommunity.set(e.communityId, list);
  }
  await db.runTransaction(async (tx: any) => applyCounters(tx, byCommunity));
  return { ...(await project({ settleSeconds: 0 }, ctx)), outcomes };
}
