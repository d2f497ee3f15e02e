import { ruleFor, pickAssignee } from '../../src/domain/tickets/routing';
import { DEFAULT_SLA, DEADLINE_LABELS } from '../../src/domain/tickets/sla';
import { callbackNeeded, dueStages, markStages, nextReminderAt, type StagedDeadline } from '../../src/domain/tickets/reminders';
import { settingsCache } from '../_lib/community-settings';
import { CATEGORY_BY_CODE } from '../../src/domain/tickets/catalog';
import type { ActionContext } from '../_lib/handler';
import { isDuplicate } from '../_lib/ids';
import { claim as claimDoc, insertMissing } from '../_lib/bulk';
import { notify, type Outgoing } from '../_lib/notify';
import { assignedMessage, staffData, staffRecipients, staffTicketPage, supervisorsOf, target, type TicketRef } from '../_lib/ticket-messages';
import { durationText, formatMinute } from '../../src/domain/time';
import { UNCLAIMED_ALERT_ROLE } from '../../src/domain/inbox';
import { reminderAt, type TicketDoc } from '../_lib/ticket-model';
import { candidatesFor, loadRules, markAssigned } from '../_lib/ticket-routing';

const BATCH = 100;
const PARALLEL = 20;
const WARN = DEFAULT_SLA.warnBeforeMinutes;
/** Work stops after this long; the next run resumes from the data (indexed due times). */
const budgetMs = () => Number(process.env.LINLI_TIMER_BUDGET_MS) || 20_000;

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

async function inBatches<T>(items: T[], fn: (x: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += PARALLEL) await Promise.all(items.slice(i, i + PARALLEL).map(fn));
}

const claim = (ctx: ActionContext, collection: string, doc: Record<string, any>) => claimDoc(ctx.db, collection, doc);

/**
 * The reminders timer (every 5 minutes). Each part works through an indexed due-time
 * query in batches, and every effect is keyed so that overlapping runs, a run that crashed
 * half-way and is run again, or two runs for the same minute decide each reminder once.
 */
export async function remind(_input: unknown, ctx: ActionContext) {
  const started = Date.now();
  const left = () => Date.now() - started < budgetMs();
  const out = { warned: 0, breached: 0, escalated: 0, rerouted: 0, callbacksCreated: 0, callbacksSkipped: 0, callbackWarnings: 0, confirmReminders: 0, more: false };
  const now = ctx.clock.now();
  const _ = ctx.db.command;
  const supervisorCache = new Map<string, string[]>();
  const settingsOf = settingsCache(ctx.db);
  const supervisors = async (c: string) => supervisorCache.get(c) ?? (supervisorCache.set(c, await supervisorsOf(ctx.db, c)), supervisorCache.get(c)!);

  // 1. Ticket timers: warning → breach → supervisor, and re-routing of unaccepted tickets.
  const seen = new Set<string>();
  for (;;) {
    if (!left()) return { ...out, more: true };
    const fetched = (
      await ctx.db
        .collection('tickets')
        .where({ nextReminderAt: _.lte(now) })
        .orderBy('nextReminderAt', 'asc')
        .limit(BATCH)
        .get()
    ).data as TicketDoc[];
    // A ticket changed by someone while we looked keeps its reminder time; it is left for
    // the next run rather than looked at again in this one.
    const due = fetched.filter((t) => !seen.has(t._id));
    if (due.length === 0) break;
    due.forEach((t) => seen.add(t._id));
    // Decide every reminder of the batch first, then record them and their notices in a
    // few bulk writes; each keeps its key, so a repeat decides and delivers nothing twice.
    const reminders: { key: string; doc: Record<string, unknown>; kind: string; stage: string; t: TicketDoc }[] = [];
    const notices: Outgoing[] = [];
    const marks = new Map<string, StagedDeadline[]>();
    for (const t of due) {
      const sup = await supervisors(t.communityId);
      marks.set(
        t._id,
        (t.deadlines as StagedDeadline[]).map((d) => {
          const stages = dueStages(d, now, WARN);
          for (const stage of stages) {
            const key = `${t._id}:${d.kind}:${new Date(d.dueAt).getTime()}:${stage}`;
            reminders.push({ key, kind: d.kind, stage, t, doc: { ticketId: t._id, communityId: t.communityId, kind: d.kind, stage, dueAt: d.dueAt, at: now, channel: 'in-app' } });
            const label = `${DEADLINE_LABELS[d.kind]}时限`;
            const who = t.assigneeStaffId ? [t.assigneeStaffId, t.ownerStaffId] : [t.ownerStaffId, ...sup];
            const due = formatMinute(d.dueAt);
            if (stage === 'warn')
              notices.push(deadlineMessage(who, t, 'deadline-warning', `${label}将到期`, `${t.no} 的${label}将在 ${durationText(WARN)}内到期（${due}）`, now, key));
            else {
              notices.push(deadlineMessage(who, t, 'deadline-breach', `已超过${label}`, `${t.no} 已超过${label}（${due}）`, now, key));
              notices.push(
                deadlineMessage(sup, t, 'escalation', '超时上报', `${t.no}（${CATEGORY_BY_CODE.get(t.category)?.label ?? ''}）已超过${label}（${due}）`, now, `${key}:escalate`),
              );
            }
          }
          return stages.length ? markStages(d, stages) : d;
        }),
      );
    }
    const fresh = await insertMissing(
      ctx.db,
      'reminders',
      reminders.map((r) => ({ _id: r.key, ...r.doc })),
    );
    await notify(ctx, notices);
    const reroutes = new Set<string>();
    for (const r of reminders) {
      if (!fresh.has(r.key)) continue;
      if (r.stage === 'warn') out.warned++;
      else {
        out.breached++;
        out.escalated++;
        if (r.kind === 'accept' && r.t.status === 'assigned') reroutes.add(r.t._id);
      }
    }
    await inBatches(due, async (t) => {
      const marked = marks.get(t._id)!;
      // Only if nobody changed the ticket meanwhile; otherwise the next run looks again
      // (and the keyed reminders above stop anything from being said twice).
      await ctx.db
        .collection('tickets')
        .where({ _id: t._id, updatedAt: t.updatedAt })
        .update({ deadlines: marked, nextReminderAt: reminderAt(marked, t.status) ?? null });
      if (reroutes.has(t._id) && (await reroute(ctx, t, now))) out.rerouted++;
    });
  }

  // 2. Resolutions become callback tasks, by policy.
  for (;;) {
    if (!left()) return { ...out, more: true };
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
          // The first-contact owner calls back; without one, the service desk's queue.
          assigneeStaffId: t.ownerStaffId ?? null,
          dueAt,
          status: 'open',
          attempts: [],
          nextReminderAt: new Date(dueAt.getTime() - WARN * 60_000),
          createdAt: now,
        };
        try {
          await ctx.db.collection('callbacks').add(cb);
          out.callbacksCreated++;
          await notify(ctx, [
            callbackMessage(cb, 'callback', '待回访', `${t.no} 请于 ${durationText(settings.dueHours * 60)}内完成回访（${formatMinute(dueAt)} 前）`, now, `${cb._id}:created`),
          ]);
        } catch (e) {
          if (!isDuplicate(e)) throw e;
        }
      } else out.callbacksSkipped++;
      await ctx.db.collection('tickets').where({ _id: t._id, callbackDue: true, resolutionCount: t.resolutionCount }).update({ callbackDue: false });
    });
  }

  // 3. Callback timers, and callbacks made moot (the ticket was reopened or rated well).
  for (;;) {
    if (!left()) return { ...out, more: true };
    const cbs = (
      await ctx.db
        .collection('callbacks')
        .where({ nextReminderAt: _.lte(now) })
        .orderBy('nextReminderAt', 'asc')
        .limit(BATCH)
        .get()
    ).data as CallbackDoc[];
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
    if (!left()) return { ...out, more: true };
    const waiting = (
      await ctx.db
        .collection('tickets')
        .where({ confirmReminderAt: _.lte(now) })
        .orderBy('confirmReminderAt', 'asc')
        .limit(BATCH)
        .get()
    ).data as TicketDoc[];
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

/** A deadline message to the people named, keyed by the reminder (one per person and reminder). */
function deadlineMessage(
  staffIds: (string | null | undefined)[],
  t: TicketDoc,
  kind: 'deadline-warning' | 'deadline-breach' | 'escalation',
  title: string,
  body: string,
  at: Date,
  key: string,
): Outgoing {
  return {
    key,
    to: staffRecipients(staffIds),
    kind,
    title,
    body,
    communityId: t.communityId,
    target: target(t),
    subscribe: { template: 'deadline', page: staffTicketPage(t._id), data: staffData(t, title, at) },
  };
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

/** Nobody accepted in time: give it to someone else on duty (per the routing rules). */
async function reroute(ctx: ActionContext, t: TicketDoc, now: Date): Promise<boolean> {
  const rule = ruleFor(await loadRules(ctx.db, t.communityId), t.category);
  const pick = pickAssignee((await candidatesFor(ctx.db, t.communityId, rule.department)).filter((c) => c.staffId !== t.assigneeStaffId));
  if (!pick) return false;
  const who = (await ctx.db.collection('staff').doc(pick.staffId).get()).data[0] as any;
  let done = false;
  try {
    await ctx.db.runTransaction(async (tx: any) => {
      const cur = (await tx.collection('tickets').doc(t._id).get()).data as TicketDoc | null;
      if (!cur || cur.status !== 'assigned' || cur.assigneeStaffId !== t.assigneeStaffId) return;
      const seq = (cur.eventCount ?? 0) + 1;
      await tx.collection('tickets').doc(t._id).update({ assigneeStaffId: who._id, assigneeName: who.name, eventCount: seq, updatedAt: now });
      await tx.collection('ticket_events').add({
        ticketId: t._id,
        seq,
        communityId: t.communityId,
        at: now,
        action: 'rerouted',
        actor: { kind: 'system', id: 'reminders', name: '系统' },
        channel: 'system',
        visibility: 'public',
        text: `超时未接单，已改派给 ${who.name}`,
      });
      done = true;
    }, 1);
  } catch (e) {
    if ((e as any)?.code !== 'DATABASE_TRANSACTION_CONFLICT') throw e;
  }
  if (done) {
    await markAssigned(ctx.db, who._id, now);
    await notify(ctx, [assignedMessage(t, who._id, `${t._id}:rerouted:${who._id}:${now.getTime()}`, `${t.no} ${t.location.label}（原处理人超时未接单）`, now)]);
  }
  return done;
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
