import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import type { Page, TicketDetail, TicketSummary, ticketInputs } from '../../src/domain/tickets/api';
import { DEFAULT_SLA } from '../../src/domain/tickets/sla';
import { canSee, OPEN_STATUSES } from '../../src/domain/tickets/state-machine';
import { DEPARTMENT_ROLE, type Department } from '../../src/domain/tickets/catalog';
import type { ActionContext } from '../_lib/handler';
import type { Database } from '../_lib/cloud';
import { actorFor, type EventDoc, type TicketDoc } from './model';
import { detail, summary } from './views';

type In<K extends keyof typeof ticketInputs> = z.infer<(typeof ticketInputs)[K]>;
const offsetOf = (cursor?: string) => (cursor ? Math.max(0, Number.parseInt(cursor, 10) || 0) : 0);

async function page(ctx: ActionContext, where: object, order: [string, 'asc' | 'desc'], input: { pageSize: number; cursor?: string }): Promise<Page<TicketSummary>> {
  const offset = offsetOf(input.cursor);
  const coll = ctx.db.collection('tickets');
  const [res, count] = await Promise.all([coll.where(where).orderBy(order[0], order[1]).skip(offset).limit(input.pageSize).get(), coll.where(where).count()]);
  const now = ctx.clock.now();
  const next = offset + res.data.length;
  return { items: (res.data as TicketDoc[]).map((t) => summary(t, now)), total: count.total, ...(next < count.total ? { nextCursor: String(next) } : {}) };
}

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
  return page(ctx, where, ['createdAt', 'desc'], input);
}

type TicketWithPlace = TicketDoc & { community: { hotline?: string }[]; events: EventDoc[] };

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
    .filter((e) => actor.kind === 'staff' || e.visibility === 'public')
    .sort((a, b) => a.seq - b.seq)
    .slice(0, 200);
  return detail(ctx, t, actor, timeline, community[0]?.hotline);
}

function departmentsOf(roles: Set<string>): Department[] {
  return (Object.keys(DEPARTMENT_ROLE) as Department[]).filter((d) => roles.has(DEPARTMENT_ROLE[d]));
}

function queueWhere(ctx: ActionContext, queue: In<'listQueue'>['queue']): { where: object; order: [string, 'asc' | 'desc'] } {
  const _ = ctx.db.command;
  const s = ctx.caller.staff!;
  const now = ctx.clock.now();
  const soon = new Date(now.getTime() + DEFAULT_SLA.warnBeforeMinutes * 60_000);
  const supervisor = ctx.caller.roles.has('supervisor') || ctx.caller.roles.has('admin');
  // Supervisors watch the whole community's timers; others their own tickets.
  const scope = supervisor ? { communityId: s.communityId } : { assigneeStaffId: s._id };
  switch (queue) {
    case 'assigned':
      return { where: { assigneeStaffId: s._id, open: true }, order: ['nextDueAt', 'asc'] };
    case 'pool':
      return { where: { communityId: s.communityId, department: _.in(departmentsOf(ctx.caller.roles)), status: 'pending', pool: true }, order: ['createdAt', 'desc'] };
    case 'owned':
      return { where: { ownerStaffId: s._id, status: _.in([...OPEN_STATUSES, 'resolved']) }, order: ['updatedAt', 'desc'] };
    case 'dueSoon':
      return { where: { ...scope, open: true, nextDueAt: _.gte(now).and(_.lte(soon)) }, order: ['nextDueAt', 'asc'] };
    case 'overdue':
      return { where: { ...scope, open: true, nextDueAt: _.lt(now) }, order: ['nextDueAt', 'asc'] };
    case 'open':
      return { where: { communityId: s.communityId, open: true }, order: ['createdAt', 'desc'] };
  }
}

export async function listQueue(input: In<'listQueue'>, ctx: ActionContext) {
  const { where, order } = queueWhere(ctx, input.queue);
  return page(ctx, where, order, input);
}

export async function queueCounts(_input: unknown, ctx: ActionContext) {
  const queues = ['assigned', 'pool', 'owned', 'dueSoon', 'overdue', 'open'] as const;
  const counts = await Promise.all(queues.map((q) => ctx.db.collection('tickets').where(queueWhere(ctx, q).where).count()));
  return Object.fromEntries(queues.map((q, i) => [q, counts[i].total])) as Record<(typeof queues)[number], number>;
}

/** Staff of a department who can take a ticket (for dispatch and transfer). */
export async function departmentStaff(input: In<'departmentStaff'>, ctx: ActionContext) {
  const where: Record<string, unknown> = { communityId: ctx.caller.staff!.communityId, active: true };
  if (input.department) where.roles = DEPARTMENT_ROLE[input.department];
  const res = await ctx.db.collection('staff').where(where).limit(200).get();
  return res.data.map((s: any) => ({ staffId: s._id, name: s.name, roles: s.roles, onDuty: s.onDuty }));
}
