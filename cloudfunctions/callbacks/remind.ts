import { DEFAULT_SLA } from '../../src/domain/tickets/sla';
import { callbackAssignee, callbackNeeded, dueStages, markStages, nextReminderAt, type StagedDeadline } from '../../src/domain/tickets/reminders';
import { settingsCache } from '../_lib/community-settings';
import type { ActionContext } from '../_lib/handler';
import { claim as claimDoc } from '../_lib/bulk';
import { notify, type Outgoing } from '../_lib/notify';
import { staffData, staffRecipients, supervisorsCache, target, type TicketRef } from '../_lib/ticket-messages';
import { dueBatch, inParallel, timeBudget } from '../_lib/timer-run';
import { durationText, formatMinute } from '../../src/domain/time';
import { UNCLAIMED_ALERT_ROLE } from '../../src/domain/inbox';
import type { TicketDoc } from '../_lib/ticket-model';

const BATCH = 100;
const PARALLEL = 20;
const WARN = DEFAULT_SLA.warnBeforeMinutes;
/** Work stops after this long; the next run resumes from the data (indexed due times). */
const BUDGET_MS = 20_000;

export interface CallbackDoc {
  _id: string;
  ticketId: string;
  communityId: string;
  no: string;
  resolution: number;
  assigneeStaffId: string | null;
  dueAt: Date;
  status: 'open' | 'done' | 'skipped' | 'unreachable';
  attempts: { at: Date; by: string; byName: string; reached: boolean; channel: string; satisfied?: boolean; comment?: string }[];
  nextReminderAt: Date | null;
  stages?: StagedDeadline['stages'];
  createdAt: Date;
  closedAt?: Date | null;
  reason?: string;
}

const inBatches = <T>(items: T[], fn: (x: T) => Promise<void>) => inParallel(items, PARALLEL, fn);

const claim = (ctx: ActionContext, collection: string, doc: Record<string, any>) => claimDoc(ctx.db, collection, doc);

/**
 * The callbacks timer (every 5 minutes): resolutions become callback tasks, callback timers,
 * and residents' confirmation reminders (ticket timers are the tickets function's own). Each part works through an indexed due-time
 * query in batches, and every effect is keyed so that overlapping runs, a run that crashed
 * half-way and is run again, or two runs for the same minute decide each reminder once.
 */
export async function remind(_input: unknown, ctx: ActionContext) {
  const left = timeBudget(BUDGET_MS);
  const out = { callbacksCreated: 0, callbacksSkipped: 0, callbackWarnings: 0, confirmReminders: 0, more: false };
  const now = ctx.clock.now();
  const _ = ctx.db.command;
  const settingsOf = settingsCache(ctx.db);
  const supervisors = supervisorsCache(ctx.db);
  const more = () => ({ ...out, more: true });

  // 2. Resolutions become callback tasks, by policy.
  for (;;) {
    if (!left()) return more();
    const resolved = (await ctx.db.collection('tickets').where({ callbackDue: true }).orderBy('resolvedAt', 'asc').limit(BATCH).get()).data as TicketDoc[];
    if (resolved.length === 0) break;
    await inBatches(resolved, async (t) => {
      const settings = (await settingsOf(t.communityId)).callbacks;
      const policy = settings.policy[t.type];
      if (callbackNeeded(policy, t.rating)) {
        const resolvedAt = new Date(t.resolvedAt ?? now);
        const dueAt = new Date(resolvedAt.getTime() + settings.dueHours * 3600_000);
        const cb: CallbackDoc = {
          _id: `cb-${t._id}-${t.resolutionCount ?? 1}`,
          ticketId: t._id,
          communityId: t.communityId,
          no: t.no,
          resolution: t.resolutionCount ?? 1,
          // The service desk's queue by default; the handler when the community chose so (回访设置).
          assigneeStaffId: callbackAssignee(settings.assignTo, t),
          dueAt,
          status: 'open',
          attempts: [],
          nextReminderAt: new Date(dueAt.getTime() - WARN * 60_000),
          createdAt: now,
        };
        if (await claim(ctx, 'callbacks', cb)) {
          out.callbacksCreated++;
          await notify(ctx, [
            callbackMessage(cb, 'callback', '待回访', `${t.no} 请于 ${durationText(settings.dueHours * 60)}内完成回访（${formatMinute(dueAt)} 前）`, now, `${cb._id}:created`),
          ]);
        }
      } else out.callbacksSkipped++;
      await ctx.db.collection('tickets').where({ _id: t._id, callbackDue: true, resolutionCount: t.resolutionCount }).update({ callbackDue: false });
    });
  }

  // 3. Callback timers, and callbacks made moot (the ticket was reopened or rated well).
  for (;;) {
    if (!left()) return more();
    const cbs = await dueBatch<CallbackDoc>(ctx.db, 'callbacks', 'nextReminderAt', now, BATCH);
    if (cbs.length === 0) break;
    await inBatches(cbs, async (cb) => {
      const t = (await ctx.db.collection('tickets').doc(cb.ticketId).get()).data[0] as TicketDoc | undefined;
      if (cb.status !== 'open') {
        await ctx.db.collection('callbacks').doc(cb._id).update({ nextReminderAt: null });
        return;
      }
      const policy = t ? (await settingsOf(t.communityId)).callbacks.policy[t.type] : 'never';
      const moot = !t || (t.resolutionCount ?? 0) > cb.resolution || !['resolved', 'closed'].includes(t.status) || !callbackNeeded(policy, t.rating);
      if (moot) {
        await ctx.db
          .collection('callbacks')
          .where({ _id: cb._id, status: 'open' })
          .update({ status: 'skipped', reason: t && t.rating && t.rating >= 4 ? 'rated-well' : 'reopened', closedAt: now, nextReminderAt: null });
        return;
      }
      const d: StagedDeadline = { kind: 'resolve', dueAt: cb.dueAt, stages: cb.stages };
      const stages = dueStages(d, now, WARN);
      for (const stage of stages) {
        const key = `${cb._id}:${new Date(cb.dueAt).getTime()}:${stage}`;
        const fresh = await claim(ctx, 'reminders', {
          _id: key,
          ticketId: cb.ticketId,
          communityId: cb.communityId,
          kind: 'callback',
          stage,
          dueAt: cb.dueAt,
          at: now,
          channel: 'in-app',
        });
        const dueHours = (await settingsOf(cb.communityId)).callbacks.dueHours;
        if (stage === 'warn')
          await notify(ctx, [callbackMessage(cb, 'callback-warning', '回访将到期', `${cb.no} 的回访将在 ${durationText(WARN)}内到期（${formatMinute(cb.dueAt)}）`, now, key)]);
        else
          await notify(ctx, [
            callbackMessage(cb, 'callback-breach', '回访已超时', `${cb.no} 的回访已超时（${formatMinute(cb.dueAt)}）`, now, key),
            {
              key: `${key}:escalate`,
              to: staffRecipients(await supervisors(cb.communityId)),
              kind: 'escalation',
              title: '超时上报',
              body: `${cb.no} 未在 ${durationText(dueHours * 60)}内回访`,
              communityId: cb.communityId,
              target: { kind: 'callback', id: cb._id },
            },
          ]);
        if (fresh) out.callbackWarnings++;
      }
      const m = markStages(d, stages);
      await ctx.db
        .collection('callbacks')
        .where({ _id: cb._id, status: 'open' })
        .update({ stages: m.stages, nextReminderAt: nextReminderAt([m], WARN) ?? null });
    });
  }

  // 4. Residents whose completion awaits their confirmation.
  for (;;) {
    if (!left()) return more();
    const waiting = await dueBatch<TicketDoc>(ctx.db, 'tickets', 'confirmReminderAt', now, BATCH);
    if (waiting.length === 0) break;
    await inBatches(waiting, async (t) => {
      const key = `${t._id}:confirm:${t.resolutionCount ?? 1}`;
      if (
        t.status === 'resolved' &&
        t.reporterOpenid &&
        (await claim(ctx, 'reminders', { _id: key, ticketId: t._id, communityId: t.communityId, kind: 'confirm', stage: 'remind', at: now }))
      ) {
        await remindResident(ctx, t, key, now);
        out.confirmReminders++;
      }
      await ctx.db.collection('tickets').where({ _id: t._id, confirmReminderAt: t.confirmReminderAt }).update({ confirmReminderAt: null });
    });
  }
  return out;
}

/** A callback message to its assignee, or, without one, an alert the service desk shares. */
function callbackMessage(cb: CallbackDoc, kind: 'callback' | 'callback-warning' | 'callback-breach', title: string, body: string, at: Date, key: string): Outgoing {
  const ref: TicketRef = { _id: cb.ticketId, no: cb.no, communityId: cb.communityId };
  return {
    key,
    to: cb.assigneeStaffId ? [{ staffId: cb.assigneeStaffId }] : [{ role: UNCLAIMED_ALERT_ROLE, communityId: cb.communityId }],
    kind,
    title,
    body,
    communityId: cb.communityId,
    target: { kind: 'callback', id: cb._id },
    subscribe: { template: 'callback', page: 'staff/callbacks/index', data: staffData(ref, title, at) },
  };
}

/** The resident is asked to confirm: inbox always, subscribe message when a consent is left; recorded once. */
async function remindResident(ctx: ActionContext, t: TicketDoc, key: string, now: Date) {
  const res = await notify(ctx, [
    {
      key,
      to: [{ openid: t.reporterOpenid }],
      kind: 'confirm-reminder',
      title: '请确认维修结果',
      body: `${t.no} 已处理完成，请确认结果或提出意见`,
      communityId: t.communityId,
      target: target(t),
      subscribe: {
        template: 'done',
        page: `pages/ticket/index?id=${t._id}`,
        data: { character_string1: { value: t.no }, thing2: { value: '维修已完成，请确认结果' }, phrase3: { value: '待确认' }, time4: { value: formatMinute(now) } },
      },
    },
  ]);
  await ctx.db
    .collection('reminders')
    .doc(key)
    .update({ channel: res.sent ? 'subscribe' : 'in-app' });
}
