import { pickAssignee, ruleFor } from '../../src/domain/tickets/routing';
import type { ActionContext } from '../_lib/handler';
import type { EventDoc, TicketDoc } from '../_lib/ticket-model';
import { changeTicket } from '../_lib/ticket-store';
import { deadlines } from './deadlines';
import { notify } from '../_lib/notify';
import { assignedMessage, target, what } from '../_lib/ticket-messages';
import { UNCLAIMED_ALERT_ROLE } from '../../src/domain/inbox';
import { candidatesFor, loadRules, markAssigned } from '../_lib/ticket-routing';
import { dueBatch } from '../_lib/timer-run';
import { URGENCY_BACKFILL_ID } from '../_lib/schema';
import { urgencyOf } from '../../src/domain/tickets/urgency';

const BATCH = 100;
const system = { kind: 'system' as const, id: 'sweep', name: '系统' };

/**
 * The ticket timer (every minute): pool tickets nobody grabbed in time are assigned,
 * completions the resident did not confirm within the configured days confirm themselves,
 * and the deadline reminders run (`deadlines.ts`).
 * Each change is a transaction that re-checks the ticket, so overlapping or repeated runs
 * change each ticket once.
 */
export async function sweep(_input: unknown, ctx: ActionContext) {
  const { db, clock } = ctx;
  const now = clock.now();
  let assigned = 0;
  let confirmed = 0;

  const unclaimed = await dueBatch<TicketDoc>(db, 'tickets', 'grabDeadline', now, BATCH, { status: 'pending' });
  for (const t of unclaimed) {
    const rule = ruleFor(await loadRules(db, t.communityId), t.category);
    const pick = pickAssignee(await candidatesFor(db, t.communityId, rule.department));
    const who = pick ? ((await db.collection('staff').doc(pick.staffId).get()).data[0] as any) : null;
    const ok = await change(
      ctx,
      t._id,
      (cur) => cur.status === 'pending' && !!cur.grabDeadline && new Date(cur.grabDeadline) <= now,
      (cur) => ({
        patch: who ? { status: 'assigned', pool: false, grabDeadline: null, assigneeStaffId: who._id, assigneeName: who.name } : { grabDeadline: null },
        event: { action: 'fallback', text: who ? `超时无人接单，已派给 ${who.name}` : '超时无人接单，暂无在岗人员，等待客服派单', visibility: who ? 'public' : 'internal' },
        cur,
      }),
    );
    if (ok && who) {
      assigned++;
      await markAssigned(db, who._id, now);
      await notify(ctx, [assignedMessage(t, who._id, `${t._id}:fallback:${who._id}`, `${t.no} ${what(t)}（超时未抢，系统派单）`, now)]);
    } else if (ok) {
      // Nobody on duty to take it: one alert the service desk shares.
      await notify(ctx, [
        {
          key: `${t._id}:unclaimed:${new Date(t.grabDeadline!).getTime()}`,
          to: [{ role: UNCLAIMED_ALERT_ROLE, communityId: t.communityId }],
          kind: 'unclaimed',
          title: '超时无人接单，请派单',
          body: `${t.no} ${what(t)}`,
          communityId: t.communityId,
          target: target(t),
        },
      ]);
    }
  }

  const stale = await dueBatch<TicketDoc>(db, 'tickets', 'autoConfirmAt', now, BATCH, { status: 'resolved' });
  for (const t of stale) {
    const ok = await change(
      ctx,
      t._id,
      (cur) => cur.status === 'resolved' && !!cur.autoConfirmAt && new Date(cur.autoConfirmAt) <= now,
      (cur) => ({
        patch: { status: 'closed', closedAt: now, autoConfirmAt: null, confirmReminderAt: null },
        event: { action: 'auto-confirm', text: '住户未在期限内确认，系统自动确认完成', visibility: 'public' },
        cur,
      }),
    );
    if (ok) confirmed++;
  }
  // The tickets' own timers: deadline reminders, escalation, re-routing, overdue pauses.
  const reminders = await deadlines(ctx);
  const backfilled = await backfillUrgency(ctx, now);
  return { assigned, confirmed, ...reminders, ...(backfilled ? { backfilled } : {}), at: now.toISOString() };
}

/** The walk over the tickets stored before `urgency` existed (done from the start on a database created with it: `FRESH_DOCS`). */
const URGENCY_BACKFILLED = URGENCY_BACKFILL_ID;
/** Tickets the walk reads a page, in `_id` order (the primary key), and pages a run: 10,000 tickets a minute at most. */
const WALK = 500;
const WALK_PAGES = 20;

/**
 * Open tickets stored before their queue order (`urgency`) was: the timer walks every ticket in
 * `_id` order, pages of 500 and at most 20 pages a run (indexed pages, never a search of the whole
 * collection for a field that is missing), gives the open ones without it their rank, and keeps how
 * far it got; past the last ticket it marks the walk done (then one read by id a run). Every write of
 * a ticket sets it since, so none appears behind the walk. Until the walk passes it such a ticket
 * sorts first in its queues (shown, not lost): 100,000 stored tickets take 10 runs. Overlapping
 * runs walk the same pages and write the same values.
 */
async function backfillUrgency(ctx: ActionContext, now: Date): Promise<number> {
  const { db } = ctx;
  const mark = (await db.collection('counters').doc(URGENCY_BACKFILLED).get()).data[0] as { after?: string; done?: boolean } | undefined;
  if (mark?.done) return 0;
  const _ = db.command;
  let after = mark?.after;
  let done = false;
  let ranked = 0;
  for (let i = 0; i < WALK_PAGES && !done; i++) {
    const page = (
      await db
        .collection('tickets')
        .where(after ? { _id: _.gt(after) } : {})
        .orderBy('_id', 'asc')
        .field({ _id: true, open: true, urgency: true, nextDueAt: true, emergency: true })
        .limit(WALK)
        .get()
    ).data as Pick<TicketDoc, '_id' | 'open' | 'urgency' | 'nextDueAt' | 'emergency'>[];
    const byRank = new Map<number, string[]>();
    for (const t of page) {
      if (!t.open || t.urgency !== undefined) continue;
      const u = urgencyOf(t, now);
      byRank.set(u, [...(byRank.get(u) ?? []), t._id]);
    }
    // Only where still absent: a ticket written meanwhile has its own.
    for (const [urgency, ids] of byRank) {
      await db
        .collection('tickets')
        .where({ _id: _.in(ids), urgency: _.exists(false) })
        .update({ urgency });
      ranked += ids.length;
    }
    after = page[page.length - 1]?._id ?? after;
    done = page.length < WALK;
  }
  await db
    .collection('counters')
    .doc(URGENCY_BACKFILLED)
    .set({ ...(after ? { after } : {}), done, at: now });
  return ranked;
}

/** One system change (ticket + timeline entry together), if the ticket still qualifies; false when someone else's change won. */
async function change(
  ctx: ActionContext,
  id: string,
  still: (t: TicketDoc) => boolean,
  make: (t: TicketDoc) => { patch: Partial<TicketDoc>; event: Pick<EventDoc, 'text' | 'visibility'> & { action: 'fallback' | 'auto-confirm' }; cur: TicketDoc },
): Promise<boolean> {
  try {
    const res = await changeTicket(ctx, id, (cur) => {
      if (!cur || !still(cur)) return null;
      const { patch, event } = make(cur);
      return { patch, event: { ...event, actor: system, channel: 'system' } };
    });
    return !!res;
  } catch (e) {
    // Another run or a person changed it at the same moment: theirs stands.
    if ((e as any)?.code === 'DATABASE_TRANSACTION_CONFLICT') return false;
    throw e;
  }
}
