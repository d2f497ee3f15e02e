import { EVENT_LIMITS } from '../../src/domain/events';
import { formatMonthDay } from '../../src/domain/time';
import type { ActionContext } from '../_lib/handler';
import { notify } from '../_lib/notify';
import { EVENTS, REGS, type EventDoc, type RegistrationDoc } from './model';

/**
 * Every few minutes: a reminder before the start to everyone confirmed, and after the end a
 * request for feedback. Messages are keyed by event (and change count), and the flag is set only
 * after they are stored, so an overlapping or retried run sends nothing twice.
 */
export async function tick(_: unknown, ctx: ActionContext) {
  const now = ctx.clock.now();
  const _c = ctx.db.command;
  const soon = new Date(now.getTime() + EVENT_LIMITS.reminderHours * 3600_000);
  const due = await ctx.db
    .collection(EVENTS)
    .where({ status: 'published', reminderSent: false, startAt: _c.lte(soon).and(_c.gt(now)) })
    .limit(50)
    .get();
  let reminded = 0;
  for (const e of due.data as EventDoc[]) {
    const regs = await people(ctx, e._id, ['confirmed']);
    if (regs.length)
      await notify(ctx, [
        {
          key: `${e._id}:reminder:${(e.changes ?? []).length}`,
          to: regs.map((r) => ({ openid: r.openid, name: r.name })),
          kind: 'event-reminder',
          title: `活动提醒：${e.title}`,
          body: `您报名的活动将于 ${formatMonthDay(e.startAt)} 在 ${e.place} 开始，请准时参加并出示签到码。`,
          communityId: e.communityId,
          target: { kind: 'event', id: e._id },
        },
      ]);
    await ctx.db.collection(EVENTS).doc(e._id).update({ reminderSent: true });
    reminded++;
  }
  const ended = await ctx.db
    .collection(EVENTS)
    .where({ status: _c.in(['published', 'closed']), feedbackSent: false, endAt: _c.lte(now) })
    .limit(50)
    .get();
  let asked = 0;
  for (const e of ended.data as EventDoc[]) {
    const regs = await people(ctx, e._id, ['confirmed', 'attended']);
    if (regs.length)
      await notify(ctx, [
        {
          key: `${e._id}:feedback`,
          to: regs.map((r) => ({ openid: r.openid, name: r.name })),
          kind: 'event-feedback',
          title: `请评价活动：${e.title}`,
          body: '感谢您的参与！花一分钟为本次活动打分，帮助我们把下一次活动办得更好。',
          communityId: e.communityId,
          target: { kind: 'event', id: e._id },
        },
      ]);
    await ctx.db.collection(EVENTS).doc(e._id).update({ feedbackSent: true });
    asked++;
  }
  return { reminded, asked };
}

async function people(ctx: ActionContext, eventId: string, statuses: string[]): Promise<RegistrationDoc[]> {
  const res = await ctx.db
    .collection(REGS)
    .where({ eventId, status: ctx.db.command.in(statuses) })
    .limit(1000)
    .get();
  return res.data as RegistrationDoc[];
}
