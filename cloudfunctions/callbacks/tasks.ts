import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import type { CallbackView, callbackInputs } from '../../src/domain/tickets/callbacks-api';
import { CALLBACK_STATUS_LABELS, DEFAULT_CALLBACK_SETTINGS } from '../../src/domain/tickets/reminders';
import { CATEGORY_BY_CODE, TICKET_TYPE_LABELS } from '../../src/domain/tickets/catalog';
import { reopenDeadlines } from '../../src/domain/tickets/sla';
import type { CallbackResult } from '../../src/domain/register';
import { communitySettings } from '../_lib/community-settings';
import type { ActionContext } from '../_lib/handler';
import { checkText } from '../_lib/content-check';
import { derived, type TicketDoc } from '../_lib/ticket-model';
import { notify } from '../_lib/notify';
import { staffRecipients, target } from '../_lib/ticket-messages';
import type { CallbackDoc } from './remind';

type In<K extends keyof typeof callbackInputs> = z.infer<(typeof callbackInputs)[K]>;
const iso = (d: Date | string) => new Date(d).toISOString();

function scope(ctx: ActionContext, mine: boolean) {
  const s = ctx.caller.staff!;
  const lead = ctx.caller.roles.has('desk') || ctx.caller.roles.has('supervisor') || ctx.caller.roles.has('admin');
  // The desk and supervisors see the community's callbacks; others their own.
  return mine || !lead ? { communityId: s.communityId, assigneeStaffId: s._id } : { communityId: s.communityId };
}

export async function counts(_input: unknown, ctx: ActionContext) {
  const _ = ctx.db.command;
  const now = ctx.clock.now();
  const base = { ...scope(ctx, false), status: 'open' };
  const [open, overdue, mine] = await Promise.all([
    ctx.db.collection('callbacks').where(base).count(),
    ctx.db
      .collection('callbacks')
      .where({ ...base, dueAt: _.lt(now) })
      .count(),
    ctx.db
      .collection('callbacks')
      .where({ ...scope(ctx, true), status: 'open' })
      .count(),
  ]);
  return { open: open.total, overdue: overdue.total, mine: mine.total };
}

/** 待回访, ordered by due time; or closed callbacks, newest first. */
export async function list(input: In<'list'>, ctx: ActionContext) {
  const _ = ctx.db.command;
  const where = { ...scope(ctx, input.mine), status: input.status === 'open' ? 'open' : _.in(['done', 'skipped', 'unreachable']) };
  const offset = input.cursor ? Number.parseInt(input.cursor, 10) || 0 : 0;
  // The page with each callback's ticket and assignee joined in by the database, alongside the count: one step.
  let q = ctx.db
    .collection('callbacks')
    .aggregate()
    .match(where)
    .sort(input.status === 'open' ? { dueAt: 1 } : { closedAt: -1 });
  if (offset) q = q.skip(offset);
  const [page, total] = await Promise.all([
    q
      .limit(input.pageSize)
      .lookup({ from: 'tickets', localField: 'ticketId', foreignField: '_id', as: 'ticket' })
      .lookup({ from: 'staff', localField: 'assigneeStaffId', foreignField: '_id', as: 'assignee' })
      .end(),
    ctx.db.collection('callbacks').where(where).count(),
  ]);
  const cbs = (page as any).data as (CallbackDoc & { ticket: TicketDoc[]; assignee: { _id: string; name: string }[] })[];
  const byId = new Map(cbs.filter((c) => c.ticket[0]).map((c) => [c.ticketId, c.ticket[0]]));
  // A desk-queue callback has no assignee (null matches no staff record: every one has an id).
  const names = new Map(cbs.flatMap((c) => c.assignee ?? []).map((s) => [s._id, s.name]));
  const now = ctx.clock.now();
  const items: CallbackView[] = cbs.map((c) => {
    const t = byId.get(c.ticketId);
    return {
      callbackId: c._id,
      ticketId: c.ticketId,
      no: c.no,
      typeLabel: t ? TICKET_TYPE_LABELS[t.type] : '',
      categoryLabel: t ? (CATEGORY_BY_CODE.get(t.category)?.label ?? '') : '',
      locationLabel: t?.location.label ?? '',
      contactName: t?.contactName ?? '',
      // Whoever makes the call needs the number.
      contactPhone: t?.contactPhone ?? '',
      assigneeName: c.assigneeStaffId ? (names.get(c.assigneeStaffId) ?? t?.ownerName ?? '') : '客服',
      status: c.status,
      statusLabel: CALLBACK_STATUS_LABELS[c.status],
      dueAt: iso(c.dueAt),
      overdue: c.status === 'open' && new Date(c.dueAt) < now,
      attempts: c.attempts.map((a) => ({
        at: iso(a.at),
        by: a.byName,
        reached: a.reached,
        channel: a.channel,
        ...(a.satisfied !== undefined ? { satisfied: a.satisfied } : {}),
        ...(a.comment ? { comment: a.comment } : {}),
      })),
      resolvedAt: t?.resolvedAt ? iso(t.resolvedAt) : '',
      ...(t?.rating ? { rating: t.rating } : {}),
    };
  });
  const next = offset + cbs.length;
  return { items, total: total.total, ...(next < total.total ? { nextCursor: String(next) } : {}) };
}

/** The community's callback settings (policy per type, due hours, attempts, confirmation reminder). */
export async function getSettings(_input: unknown, ctx: ActionContext) {
  return { settings: (await communitySettings(ctx.db, ctx.caller.staff!.communityId)).callbacks, defaults: DEFAULT_CALLBACK_SETTINGS };
}

export async function setSettings(input: In<'setSettings'>, ctx: ActionContext) {
  await ctx.db
    .collection('communities')
    .doc(ctx.caller.staff!.communityId)
    .update({ 'settings.callbacks': ctx.db.command.set(input) });
  return getSettings({}, ctx);
}

const CHANNEL_LABELS = { phone: '电话', message: '留言', visit: '上门' } as const;

/**
 * Record a callback attempt. Satisfied closes it; not satisfied reopens the ticket to its
 * handler with the resident's words; not reached retries until the limit, then closes as
 * unreachable. The callback, the ticket and the communication log change together.
 */
export async function record(input: In<'record'>, ctx: ActionContext) {
  const { db, caller, clock } = ctx;
  const me = caller.staff!;
  // The resident's words go into the ticket's public log when not satisfied.
  await checkText(ctx, input.comment);
  const now = clock.now();
  let result: { status: CallbackDoc['status']; reopened: boolean; ticket?: TicketDoc } = { status: 'open', reopened: false };
  try {
    await db.runTransaction(async (tx: any) => {
      const cb = (await tx.collection('callbacks').doc(input.callbackId).get()).data as CallbackDoc | null;
      if (!cb || cb.communityId !== me.communityId) throw new AppError('NOT_FOUND', '回访任务不存在');
      const lead = caller.roles.has('desk') || caller.roles.has('supervisor') || caller.roles.has('admin');
      if (!lead && cb.assigneeStaffId !== me._id) throw new AppError('FORBIDDEN');
      if (cb.status !== 'open') throw new AppError('CONFLICT', '该回访已完成');
      const t = (await tx.collection('tickets').doc(cb.ticketId).get()).data as TicketDoc;
      const attempt = {
        at: now,
        by: me._id,
        byName: me.name,
        reached: input.reached,
        channel: input.channel,
        ...(input.reached ? { satisfied: input.satisfied } : {}),
        ...(input.comment ? { comment: input.comment } : {}),
      };
      const attempts = [...cb.attempts, attempt];
      const settings = await communitySettings(db, cb.communityId);
      const unreachable = !input.reached && attempts.filter((a) => !a.reached).length >= settings.callbacks.maxAttempts;
      const status: CallbackDoc['status'] = input.reached ? 'done' : unreachable ? 'unreachable' : 'open';
      await tx
        .collection('callbacks')
        .doc(cb._id)
        .update({ attempts, status, ...(status !== 'open' ? { closedAt: now, nextReminderAt: null } : {}) });
      let seq = t.eventCount ?? 0;
      const text = input.reached
        ? `${CHANNEL_LABELS[input.channel]}回访：${input.satisfied ? '满意' : '不满意'}${input.comment ? `，${input.comment}` : ''}`
        : `${CHANNEL_LABELS[input.channel]}回访未联系上（第 ${attempts.filter((a) => !a.reached).length} 次）${unreachable ? '，已按联系不上结束回访' : ''}`;
      const event = (action: string, body: string, visibility = 'internal') => ({
        ticketId: t._id,
        seq: ++seq,
        communityId: t.communityId,
        at: now,
        action,
        actor: { kind: 'staff', id: me._id, name: me.name },
        channel: input.channel === 'phone' ? 'phone' : 'app',
        visibility,
        text: body,
      });
      const cbResult: CallbackResult = !input.reached ? 'unreachable' : input.satisfied ? 'satisfied' : 'unsatisfied';
      await tx.collection('ticket_events').add({ ...event('callback', text, 'public'), outcome: { kind: 'callback', result: cbResult } });
      let patch: Partial<TicketDoc> = { eventCount: seq, updatedAt: now };
      if (input.reached && input.satisfied === false) {
        // Not satisfied: back to the same hands, with a fresh resolve timer.
        const deadlines = reopenDeadlines(t, now, settings.sla, settings.work);
        const status = t.assigneeStaffId ? 'assigned' : 'pending';
        await tx.collection('ticket_events').add(event('reopen', `回访不满意，重新处理：${input.comment}`, 'public'));
        const fresh = derived(deadlines, status, { emergency: t.emergency, now });
        patch = { ...patch, eventCount: seq, deadlines, ...fresh, resolvedAt: null, autoConfirmAt: null, confirmReminderAt: null, closedAt: null };
        result.reopened = true;
      }
      await tx.collection('tickets').doc(t._id).update(patch);
      result = { ...result, status, ticket: { ...t, ...patch } as TicketDoc };
    }, 1);
  } catch (e) {
    if ((e as any)?.code === 'DATABASE_TRANSACTION_CONFLICT') throw new AppError('CONFLICT', '该回访正在被他人记录，请刷新');
    throw e;
  }
  if (result.reopened && result.ticket) {
    const t = result.ticket;
    await notify(ctx, [
      {
        key: `${input.callbackId}:reopened`,
        to: staffRecipients([t.assigneeStaffId, t.ownerStaffId]),
        exceptStaffId: me._id,
        kind: 'reopened',
        title: '回访不满意，工单已重新打开',
        body: `${t.no}：${input.comment}`,
        communityId: t.communityId,
        target: target(t),
      },
    ]);
  }
  return { callbackId: input.callbackId, status: result.status, reopened: result.reopened };
}
