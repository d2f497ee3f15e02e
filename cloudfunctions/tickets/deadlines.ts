import { pickAssignee, ruleFor } from '../../src/domain/tickets/routing';
import { DEFAULT_SLA, DEADLINE_LABELS } from '../../src/domain/tickets/sla';
import { dueStages, markStages, stageMarks, type StagedDeadline } from '../../src/domain/tickets/reminders';
import { CATEGORY_BY_CODE } from '../../src/domain/tickets/catalog';
import { durationText, formatMinute } from '../../src/domain/time';
import type { ActionContext } from '../_lib/handler';
import { insertMissing } from '../_lib/bulk';
import { notify, type Outgoing } from '../_lib/notify';
import { assignedMessage, staffData, staffRecipients, staffTicketPage, supervisorsCache, target, what } from '../_lib/ticket-messages';
import { dueBatch, drain, inParallel, timeBudget } from '../_lib/timer-run';
import { reminderAt, type TicketDoc } from '../_lib/ticket-model';
import { urgencyOf } from '../../src/domain/tickets/urgency';
import { candidatesFor, loadRules, markAssigned } from '../_lib/ticket-routing';
import { changeTicket } from '../_lib/ticket-store';

const BATCH = 500;
const PARALLEL = 20;
/** Tickets per conditional update (each names its own `updatedAt`: the condition grows with it). */
const WRITE_BATCH = 100;
const WARN = DEFAULT_SLA.warnBeforeMinutes;
/** Work stops after this long; the next run resumes from the data (indexed due times). */
const BUDGET_MS = 12_000;

/**
 * Ticket timers, part of the tickets timer: warning → breach → supervisor, re-routing of
 * unaccepted tickets, and paused tickets past their expected resume time. Works through the
 * indexed `nextReminderAt` in batches; every effect is keyed (the `reminders` collection and
 * the notify keys), so overlapping runs, a run that crashed half-way and is run again, or two
 * runs for the same minute decide each reminder once.
 */
export async function deadlines(ctx: ActionContext) {
  const left = timeBudget(BUDGET_MS);
  const out = { warned: 0, breached: 0, escalated: 0, rerouted: 0, pauseOverdue: 0, more: false };
  const now = ctx.clock.now();
  const _ = ctx.db.command;
  const supervisors = supervisorsCache(ctx.db);

  const seen = new Set<string>();
  // A ticket changed by someone while we looked keeps its reminder time; it is left for the
  // next run rather than looked at again in this one.
  const next = async () => (await dueBatch<TicketDoc>(ctx.db, 'tickets', 'nextReminderAt', now, BATCH)).filter((t) => !seen.has(t._id));
  const finished = await drain(left, next, async (due) => {
    due.forEach((t) => seen.add(t._id));
    // Decide every reminder of the batch first, then record them and their notices in a
    // few bulk writes; each keeps its key, so a repeat decides and delivers nothing twice.
    const reminders: { key: string; doc: Record<string, unknown>; kind: string; stage: string; t: TicketDoc }[] = [];
    const notices: Outgoing[] = [];
    const writes = new Map<string, { patch: Record<string, unknown>; tickets: TicketDoc[] }>();
    const write = (t: TicketDoc, patch: Record<string, unknown>) => {
      // Tickets due in the same minute get the same marks: one update for all of them.
      const k = JSON.stringify(patch);
      const w = writes.get(k) ?? writes.set(k, { patch, tickets: [] }).get(k)!;
      w.tickets.push(t);
    };
    for (const t of due) {
      if (t.status === 'paused') {
        write(t, { nextReminderAt: null });
        // The timers stand still; the expected resume time is watched instead (once per pause).
        if (!t.pause) continue;
        const key = `${t._id}:pause:${new Date(t.pause.at).getTime()}`;
        reminders.push({
          key,
          kind: 'pause',
          stage: 'overdue',
          t,
          doc: { ticketId: t._id, communityId: t.communityId, kind: 'pause', stage: 'overdue', dueAt: t.pause.expectedAt, at: now, channel: 'in-app' },
        });
        notices.push({
          key,
          to: staffRecipients([t.assigneeStaffId, t.ownerStaffId]),
          kind: 'pause-overdue',
          title: '暂停已超过预计恢复时间',
          body: `${t.no} ${what(t)} 暂停（${t.pause.reason}）预计 ${formatMinute(t.pause.expectedAt)} 恢复，请恢复处理或更新预计时间`,
          communityId: t.communityId,
          target: target(t),
          subscribe: { template: 'deadline', page: staffTicketPage(t._id), data: staffData(t, '暂停超期', now) },
          timeline: { ticketId: t._id },
        });
        continue;
      }
      const sup = await supervisors(t.communityId);
      // The marks of the stages done now, by path (`deadlines.<i>.stages.<stage>`), so tickets
      // due in the same minute share one update; the ticket as it will be, for its next time.
      const patch: Record<string, unknown> = {};
      const marked = (t.deadlines as StagedDeadline[]).map((d, i) => {
        const stages = dueStages(d, now, WARN);
        for (const [stage, mark] of Object.entries(stageMarks(d, stages))) patch[`deadlines.${i}.stages.${stage}`] = mark;
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
      });
      // A breach moves the ticket up its queues (`urgency`): this visit, at its due time, is when
      // it becomes overdue. Written only when it changes (a warning leaves it): an unchanged rank
      // would still rewrite the queue indexes, and split the batch's shared updates.
      const urgency = urgencyOf(t, now);
      write(t, { ...patch, nextReminderAt: reminderAt(marked, t.status) ?? null, ...(urgency === t.urgency ? {} : { urgency }) });
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
      if (r.kind === 'pause') out.pauseOverdue++;
      else if (r.stage === 'warn') out.warned++;
      else {
        out.breached++;
        out.escalated++;
        if (r.kind === 'accept' && r.t.status === 'assigned') reroutes.add(r.t._id);
      }
    }
    // Each ticket only as this run read it (its `updatedAt` unchanged): one somebody changed
    // meanwhile is left for the next run, which reads it afresh (and the keyed reminders above
    // stop anything from being said twice).
    for (const { patch, tickets } of writes.values())
      for (let i = 0; i < tickets.length; i += WRITE_BATCH) {
        const part = tickets.slice(i, i + WRITE_BATCH);
        await ctx.db
          .collection('tickets')
          .where(_.and([{ _id: _.in(part.map((t) => t._id)) }, _.or(part.map((t) => ({ _id: t._id, updatedAt: t.updatedAt })))]))
          .update(patch);
      }
    await inParallel(
      due.filter((t) => reroutes.has(t._id)),
      PARALLEL,
      async (t) => {
        if (await reroute(ctx, t, now)) out.rerouted++;
      },
    );
  });
  return { ...out, more: !finished };
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

/** Nobody accepted in time: give it to someone else on duty (per the routing rules). */
async function reroute(ctx: ActionContext, t: TicketDoc, now: Date): Promise<boolean> {
  const rule = ruleFor(await loadRules(ctx.db, t.communityId), t.category);
  const pick = pickAssignee((await candidatesFor(ctx.db, t.communityId, rule.department)).filter((c) => c.staffId !== t.assigneeStaffId));
  if (!pick) return false;
  const who = (await ctx.db.collection('staff').doc(pick.staffId).get()).data[0] as any;
  let done = false;
  try {
    done = !!(await changeTicket(ctx, t._id, (cur) =>
      !cur || cur.status !== 'assigned' || cur.assigneeStaffId !== t.assigneeStaffId
        ? null
        : {
            patch: { assigneeStaffId: who._id, assigneeName: who.name },
            // Staff-only: residents see who handles their ticket on the detail, not the reason.
            event: {
              action: 'rerouted',
              actor: { kind: 'system', id: 'reminders', name: '系统' },
              channel: 'system',
              visibility: 'internal',
              text: `超时未接单，已改派给 ${who.name}`,
            },
          },
    ));
  } catch (e) {
    if ((e as any)?.code !== 'DATABASE_TRANSACTION_CONFLICT') throw e;
  }
  if (done) {
    await markAssigned(ctx.db, who._id, now);
    await notify(ctx, [assignedMessage(t, who._id, `${t._id}:rerouted:${who._id}:${now.getTime()}`, `${t.no} ${t.location.label}（原处理人超时未接单）`, now)]);
  }
  return done;
}
