import { ruleFor, pickAssignee } from '../../src/domain/tickets/routing';
import { DEFAULT_SLA, DEADLINE_LABELS } from '../../src/domain/tickets/sla';
import { callbackNeeded, dueStages, markStages, nextReminderAt, type StagedDeadline } from '../../src/domain/tickets/reminders';
import { settingsCache } from '../_lib/community-settings';
import { CATEGORY_BY_CODE } from '../../src/domain/tickets/catalog';
import type { ActionContext } from '../_lib/handler';
import { isDuplicate } from '../_lib/ids';
import { takeConsent } from '../_lib/subscriptions';
import { reminderAt, type TicketDoc } from '../tickets/model';
import { noticeStaff, supervisorsOf, TEMPLATES } from '../tickets/notify';
import { candidatesFor, loadRules, markAssigned } from '../tickets/routing';

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

/** Insert-first: true only for the one run that records this document. */
async function claim(ctx: ActionContext, collection: string, doc: Record<string, any>): Promise<boolean> {
  try {
    await ctx.db.collection(collection).add(doc);
    return true;
  } catch (e) {
    if (isDuplicate(e)) return false;
    throw e;
  }
}

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
    const fetched = (await ctx.db.collection('tickets').where({ nextReminderAt: _.lte(now) }).orderBy('nextReminderAt', 'asc').limit(BATCH).get()).data as TicketDoc[];
    // A ticket changed by someone while we looked keeps its reminder time; it is left for
    // the next run rather than looked at again in this one.
    const due = fetched.filter((t) => !seen.has(t._id));
    if (due.length === 0) break;
    due.forEach((t) => seen.add(t._id));
    // Decide every reminder of the batch first, then record them and their notices in a
    // few bulk writes; each keeps its key, so a repeat decides and delivers nothing twice.
    const reminders: { key: string; doc: Record<string, unknown>; kind: string; stage: string; t: TicketDoc }[] = [];
    const notices: Record<string, unknown>[] = [];
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
            if (stage === 'warn') notices.push(...noticeDocs(who, t, 'deadline-warning', `${t.no} 的${label}将在 ${WARN} 分钟内到期`, now, key));
            else {
              notices.push(...noticeDocs(who, t, 'deadline-breach', `${t.no} 已超过${label}`, now, key));
              notices.push(...noticeDocs(sup, t, 'escalation', `超时上报：${t.no}（${CATEGORY_BY_CODE.get(t.category)?.label ?? ''}）已超过${label}`, now, `${key}:escalate`));
            }
          }
          return stages.length ? markStages(d, stages) : d;
        }),
      );
    }
    const fresh = await insertMissing(ctx, 'reminders', reminders.map((r) => ({ _id: r.key, ...r.doc })));
    await insertMissing(ctx, 'staff_notices', notices);
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
          await noticeStaff(ctx.db, [cb.assigneeStaffId], t, 'callback', `待回访：${t.no}，请于 24 小时内完成`, now, undefined, `${cb._id}:created`);
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
    const cbs = (await ctx.db.collection('callbacks').where({ nextReminderAt: _.lte(now) }).orderBy('nextReminderAt', 'asc').limit(BATCH).get()).data as CallbackDoc[];
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
        await ctx.db.collection('callbacks').where({ _id: cb._id, status: 'open' }).update({ status: 'skipped', reason: t && t.rating && t.rating >= 4 ? 'rated-well' : 'reopened', closedAt: now, nextReminderAt: null });
        return;
      }
      const d: StagedDeadline = { kind: 'resolve', dueAt: cb.dueAt, stages: cb.stages };
      const stages = dueStages(d, now, WARN);
      for (const stage of stages) {
        const key = `${cb._id}:${new Date(cb.dueAt).getTime()}:${stage}`;
        const fresh = await claim(ctx, 'reminders', { _id: key, ticketId: cb.ticketId, communityId: cb.communityId, kind: 'callback', stage, dueAt: cb.dueAt, at: now, channel: 'in-app' });
        const who = cb.assigneeStaffId ? [cb.assigneeStaffId] : await deskOf(ctx, cb.communityId);
        if (stage === 'warn') await noticeStaff(ctx.db, who, t!, 'callback-warning', `${cb.no} 的回访将在 ${WARN} 分钟内到期`, now, undefined, key);
        else {
          await noticeStaff(ctx.db, who, t!, 'callback-breach', `${cb.no} 的回访已超时`, now, undefined, key);
          await noticeStaff(ctx.db, await supervisors(cb.communityId), t!, 'escalation', `超时上报：${cb.no} 未在 24 小时内回访`, now, undefined, `${key}:escalate`);
        }
        if (fresh) out.callbackWarnings++;
      }
      const m = markStages(d, stages);
      await ctx.db.collection('callbacks').where({ _id: cb._id, status: 'open' }).update({ stages: m.stages, nextReminderAt: nextReminderAt([m], WARN) ?? null });
    });
  }

  // 4. Residents whose completion awaits their confirmation.
  for (;;) {
    if (!left()) return { ...out, more: true };
    const waiting = (await ctx.db.collection('tickets').where({ confirmReminderAt: _.lte(now) }).orderBy('confirmReminderAt', 'asc').limit(BATCH).get()).data as TicketDoc[];
    if (waiting.length === 0) break;
    await inBatches(waiting, async (t) => {
      const key = `${t._id}:confirm:${t.resolutionCount ?? 1}`;
      if (t.status === 'resolved' && t.reporterOpenid && (await claim(ctx, 'reminders', { _id: key, ticketId: t._id, communityId: t.communityId, kind: 'confirm', stage: 'remind', at: now }))) {
        await remindResident(ctx, t, key, now);
        out.confirmReminders++;
      }
      await ctx.db.collection('tickets').where({ _id: t._id, confirmReminderAt: t.confirmReminderAt }).update({ confirmReminderAt: null });
    });
  }
  return out;
}

/** In-app notices with ids derived from the reminder's key (one per person and reminder). */
function noticeDocs(staffIds: (string | null | undefined)[], t: TicketDoc, kind: string, text: string, at: Date, key: string) {
  return [...new Set(staffIds.filter((x): x is string => !!x))].map((staffId) => ({ _id: `${key}:${staffId}`, staffId, communityId: t.communityId, ticketId: t._id, no: t.no, kind, text, at, read: false }));
}

/**
 * Inserts the documents whose ids do not exist yet, in bulk, and answers which ids this
 * call inserted. A concurrent run inserting some of the same ids makes the bulk insert fail
 * as a whole; then each goes in alone and the other run's stand.
 */
async function insertMissing(ctx: ActionContext, collection: string, docs: Record<string, any>[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  const _ = ctx.db.command;
  for (let i = 0; i < docs.length; i += 500) {
    const chunk = docs.slice(i, i + 500);
    const existing = new Set((await ctx.db.collection(collection).where({ _id: _.in(chunk.map((d) => d._id)) }).field({ _id: true }).limit(1000).get()).data.map((d: any) => d._id));
    const missing = chunk.filter((d) => !existing.has(d._id));
    if (!missing.length) continue;
    try {
      await ctx.db.collection(collection).add(missing);
      missing.forEach((d) => inserted.add(d._id));
    } catch (e) {
      if (!isDuplicate(e)) throw e;
      for (const d of missing) if (await claim(ctx, collection, d)) inserted.add(d._id);
    }
  }
  return inserted;
}

async function deskOf(ctx: ActionContext, communityId: string): Promise<string[]> {
  const res = await ctx.db.collection('staff').where({ communityId, active: true, roles: 'desk' }).limit(20).get();
  return res.data.map((s: any) => s._id);
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
      await tx.collection('ticket_events').add({ ticketId: t._id, seq, communityId: t.communityId, at: now, action: 'rerouted', actor: { kind: 'system', id: 'reminders', name: '系统' }, channel: 'system', visibility: 'public', text: `超时未接单，已改派给 ${who.name}` });
      done = true;
    }, 1);
  } catch (e) {
    if ((e as any)?.code !== 'DATABASE_TRANSACTION_CONFLICT') throw e;
  }
  if (done) {
    await markAssigned(ctx.db, who._id, now);
    await noticeStaff(ctx.db, [who._id], t, 'assigned', `新工单 ${t.no}（原处理人超时未接单）`, now, undefined, `${t._id}:rerouted:${who._id}:${now.getTime()}`);
  }
  return done;
}

/** Subscribe message when a consent is left; otherwise an in-app notice. Either way, recorded once. */
async function remindResident(ctx: ActionContext, t: TicketDoc, key: string, now: Date) {
  const templateId = TEMPLATES.done;
  const channel = (await takeConsent(ctx.db, t.reporterOpenid, templateId, now)) ? 'subscribe' : 'in-app';
  if (channel === 'subscribe') {
    const res: any = await ctx.app.callWxOpenApi({
      apiName: '/cgi-bin/message/subscribe/send',
      requestData: {
        touser: t.reporterOpenid,
        template_id: templateId,
        page: `pages/ticket/index?id=${t._id}`,
        data: { character_string1: { value: t.no }, thing2: { value: '维修已完成，请确认结果' }, phrase3: { value: '待确认' }, time4: { value: now.toISOString().slice(0, 16).replace('T', ' ') } },
      },
    } as any);
    await ctx.db.collection('reminders').doc(key).update({ channel, errcode: res?.result?.errcode ?? 0 });
    return;
  }
  try {
    await ctx.db.collection('resident_notices').add({ _id: key, openid: t.reporterOpenid, ticketId: t._id, text: `${t.no} 已处理完成，请确认结果或提出意见`, at: now, read: false });
  } catch (e) {
    if (!isDuplicate(e)) throw e;
  }
  await ctx.db.collection('reminders').doc(key).update({ channel });
}
