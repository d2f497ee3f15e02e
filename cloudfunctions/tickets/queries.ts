import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import { STAFF_QUEUES, type Page, type StaffLoad, type StaffQueue, type TicketDetail, type TicketSummary, type ticketInputs } from '../../src/domain/tickets/api';
import { DEFAULT_SLA } from '../../src/domain/tickets/sla';
import { canSee, OPEN_STATUSES } from '../../src/domain/tickets/state-machine';
import { isTicketEntry } from '../../src/domain/tickets/timeline';
import { DEPARTMENT_ROLE, type Department } from '../../src/domain/tickets/catalog';
import type { ActionContext } from '../_lib/handler';
import type { Database } from '../_lib/cloud';
import { completionPhotoRequired } from '../_lib/community-settings';
import { actorFor, type EventDoc, type TicketDoc } from './model';
import { detail, summary } from './views';

type In<K extends keyof typeof ticketInputs> = z.infer<(typeof ticketInputs)[K]>;
const offsetOf = (cursor?: string) => (cursor ? Math.max(0, Number.parseInt(cursor, 10) || 0) : 0);

const STATUS_GROUPS = {
  open: OPEN_STATUSES,
  resolved: ['resolved'],
  closed: ['closed', 'cancelled'],
} as const;

/** A resident's requests: their own and their households' homes. */
export async function listMine(input: In<'listMine'>, ctx: ActionContext) {
  const _ = ctx.db.command;
  const units = ctx.caller.homes.map((h) => h.unitId);
  const who = units.length ? _.or([{ reporterOpenid: ctx.caller.openid }, { unitId: _.in(units) }]) : _.and([{ reporterOpenid: ctx.caller.openid }]);
  const where = input.status === 'all' ? who : _.and([who, { status: _.in([...STATUS_GROUPS[input.status]]) }]);
  return queuePage(ctx, single(where, [['createdAt', 'desc']]), input);
}

type TicketWithPlace = TicketDoc & { community: { hotline?: string; settings?: any }[]; events: EventDoc[] };

/**
 * A ticket with its community's hotline and its timeline joined in by the database: one round
 * trip, sent with resolving the caller (`prefetch`: it depends only on the input). Nothing of it
 * is shown before `get` has checked who may see the ticket.
 */
export async function ticketWithPlace(db: Database, ticketId: string): Promise<TicketWithPlace | undefined> {
  const res = await db
    .collection('tickets')
    .aggregate()
    .match({ _id: ticketId })
    .limit(1)
    .lookup({ from: 'communities', localField: 'communityId', foreignField: '_id', as: 'community' })
    .lookup({ from: 'ticket_events', localField: '_id', foreignField: 'ticketId', as: 'events' })
    .end();
  return (res as any).data[0];
}

export async function get(input: In<'get'>, ctx: ActionContext): Promise<TicketDetail> {
  const found = (ctx.prefetched as TicketWithPlace | undefined) ?? (await ticketWithPlace(ctx.db, input.ticketId));
  if (!found) throw new AppError('NOT_FOUND', '工单不存在');
  const { community, events, ...t } = found;
  const actor = actorFor(ctx.caller, t);
  if (!canSee(t, actor)) throw new AppError('NOT_FOUND', '工单不存在');
  // The timeline as the actor may see it: staff every entry, residents the public ones; first 200 by seq.
  const timeline = events
    .filter((e) => isTicketEntry(e, t) && (actor.kind === 'staff' || e.visibility === 'public'))
    .sort((a, b) => a.seq - b.seq)
    .slice(0, 200);
  const view = await detail(ctx, t, actor, timeline, community[0]?.hotline);
  // Staff completing a repair see whether a photo is required here (the same rule `act` enforces).
  return actor.kind === 'staff' && t.type === 'repair' ? { ...view, completionPhotoRequired: completionPhotoRequired(community[0]?.settings) } : view;
}

function departmentsOf(roles: Set<string>): Department[] {
  return (Object.keys(DEPARTMENT_ROLE) as Department[]).filter((d) => roles.has(DEPARTMENT_ROLE[d]));
}

type Order = [string, 'asc' | 'desc'][];
/** A queue: the tickets it holds (what its tab counts) and their order. */
interface QueueQuery {
  where: object;
  order: Order;
}
const single = (where: object, order: Order): QueueQuery => ({ where, order });

/**
 * Most urgent first: overdue tickets, then the rest by nearest deadline, emergencies first within
 * each, paused tickets (no running timer) last, newest first. The rank is stored on the ticket
 * (`urgency`, see src/domain/tickets/urgency.ts: 0 overdue emergency, 1 overdue, 2 emergency, 3
 * the rest, 4 paused), so the page is read in index order — where it was ranked in memory by an
 * aggregate over every matching ticket. A ticket just past due keeps its place until the tickets
 * timer's next run marks the breach. Tickets stored before `urgency` (none once the timer's
 * backfill ran) sort first: shown, not lost.
 */
const byUrgency = (where: object): QueueQuery => ({
  where,
  order: [
    ['urgency', 'asc'],
    ['nextDueAt', 'asc'],
    ['createdAt', 'desc'],
    // Tickets opened in one go (a round's findings) tie on all three: offset pages need one fixed order.
    ['_id', 'asc'],
  ],
});

function queueQuery(ctx: ActionContext, queue: In<'listQueue'>['queue']): QueueQuery {
  const _ = ctx.db.command;
  const s = ctx.caller.staff!;
  const now = ctx.clock.now();
  const soon = new Date(now.getTime() + DEFAULT_SLA.warnBeforeMinutes * 60_000);
  // The desk and supervisors watch the whole community's timers (unassigned tickets too); others their own tickets.
  const wide = (['supervisor', 'admin', 'desk'] as const).some((r) => ctx.caller.roles.has(r));
  const scope = wide ? { communityId: s.communityId, open: true } : { assigneeStaffId: s._id, open: true };
  switch (queue) {
    case 'assigned':
      return byUrgency({ assigneeStaffId: s._id, open: true });
    case 'pool':
      return single({ communityId: s.communityId, department: _.in(departmentsOf(ctx.caller.roles)), status: 'pending', pool: true }, [['createdAt', 'desc']]);
    case 'owned':
      return single({ ownerStaffId: s._id, status: _.in([...OPEN_STATUSES, 'resolved']) }, [['updatedAt', 'desc']]);
    case 'unassigned':
      return byUrgency({ communityId: s.communityId, status: 'pending' });
    case 'dueSoon':
      return byUrgency({ ...scope, nextDueAt: _.gte(now).and(_.lte(soon)) });
    case 'overdue':
      return byUrgency({ ...scope, nextDueAt: _.lt(now) });
    case 'open':
      return byUrgency({ communityId: s.communityId, open: true });
    case 'closed':
      return single({ communityId: s.communityId, status: _.in(['closed', 'cancelled']) }, [['createdAt', 'desc']]);
    case 'all':
      return single({ communityId: s.communityId }, [['createdAt', 'desc']]);
  }
}

/** One page of a queue (or of a resident's list) and its total: two round trips in one step. */
async function queuePage(ctx: ActionContext, queue: QueueQuery, input: { pageSize: number; cursor?: string }): Promise<Page<TicketSummary>> {
  const offset = offsetOf(input.cursor);
  const coll = ctx.db.collection('tickets');
  const q = queue.order.reduce((acc: any, [k, d]) => acc.orderBy(k, d), coll.where(queue.where));
  const [res, count] = await Promise.all([q.skip(offset).limit(input.pageSize).get(), coll.where(queue.where).count()]);
  const docs = res.data as TicketDoc[];
  const now = ctx.clock.now();
  const next = offset + docs.length;
  return { items: docs.map((t) => summary(t, now)), total: count.total, ...(next < count.total && docs.length ? { nextCursor: String(next) } : {}) };
}

export async function listQueue(input: In<'listQueue'>, ctx: ActionContext) {
  return queuePage(ctx, queueQuery(ctx, input.queue), input);
}

/** The tabs' numbers. 已关闭 and 全部 are not counted (large, and nothing to act on): their tabs show no number. */
export const COUNTED_QUEUES = STAFF_QUEUES.filter((q): q is Exclude<StaffQueue, 'closed' | 'all'> => q !== 'closed' && q !== 'all');

export async function queueCounts(_input: unknown, ctx: ActionContext) {
  const coll = ctx.db.collection('tickets');
  // 待派单 is a tab of those who dispatch only: nobody else pays for its count.
  const dispatcher = (['desk', 'supervisor', 'admin'] as const).some((r) => ctx.caller.roles.has(r));
  const counts = await Promise.all(COUNTED_QUEUES.map((q) => (q === 'unassigned' && !dispatcher ? { total: 0 } : coll.where(queueQuery(ctx, q).where).count())));
  return Object.fromEntries(COUNTED_QUEUES.map((q, i) => [q, counts[i].total])) as Record<(typeof COUNTED_QUEUES)[number], number>;
}

/** Staff of a department who can take a ticket (for dispatch and transfer). */
export async function departmentStaff(input: In<'departmentStaff'>, ctx: ActionContext) {
  const where: Record<string, unknown> = { communityId: ctx.caller.staff!.communityId, active: true };
  if (input.department) where.roles = DEPARTMENT_ROLE[input.department];
  const res = await ctx.db.collection('staff').where(where).limit(200).get();
  // Each person's open load (an indexed count each, in parallel): the sheet shows who is free.
  const loads = await Promise.all(res.data.map((s: any) => ctx.db.collection('tickets').where({ assigneeStaffId: s._id, open: true }).count()));
  return res.data.map((s: any, i: number): StaffLoad => ({ staffId: s._id, name: s.name, roles: s.roles, onDuty: !!s.onDuty, openLoad: loads[i].total }));
}
