import { AppError } from '../../src/domain/errors';
import { COMPLETION_PHOTO_REQUIRED } from '../../src/domain/limits-staff';
import type { ActInput } from '../../src/domain/tickets/api';
import { meet, metBy, reopenDeadlines, shiftForPause } from '../../src/domain/tickets/sla';
import { can, canSee, nextStatus, type Actor } from '../../src/domain/tickets/state-machine';
import { DEPARTMENT_ROLE } from '../../src/domain/tickets/catalog';
import type { ActionContext } from '../_lib/handler';
import type { StaffDoc } from '../_lib/caller';
import { actorFor, actorName, refuse, type EventDoc, type TicketDoc } from './model';
import { changeTicket } from '../_lib/ticket-store';
import { communitySettings } from '../_lib/community-settings';
import { notifyAct } from './notify';
import { checkText } from '../_lib/content-check';
import { claimFiles, verifyFiles } from '../_lib/files';

type Patch = Partial<TicketDoc>;

/**
 * Every ticket action: load → check with the state machine → patch the ticket and append to
 * the communication log in one transaction. Two people acting at once cannot both win
 * (the loser's transaction conflicts, is retried once, and then sees the new state).
 */
export async function act(input: ActInput, ctx: ActionContext) {
  const { db, caller, clock } = ctx;
  await checkText(ctx, ...freeTexts(input));
  const files = 'photos' in input ? input.photos : [];
  const target = `ticket:${input.ticketId}`;
  await verifyFiles(ctx, files, target);

  let actor: Actor | undefined;
  let result: { ticket: TicketDoc; event: EventDoc } | null;
  try {
    result = await changeTicket(ctx, input.ticketId, async (t, tx) => {
      if (!t) throw new AppError('NOT_FOUND', '工单不存在');
      const a = (actor = actorFor(caller, t, input.action, t));
      if (!canSee(t, a)) throw new AppError('NOT_FOUND', '工单不存在');
      if (!can(t, a, input.action)) throw refuse(t, a, input.action);
      const now = clock.now();
      const { patch, event } = await plan(ctx, tx, t, a, input, now);
      const status = patch.status ?? nextStatus(t, input.action) ?? t.status;
      const deadlines = meet(patch.deadlines ?? t.deadlines, metBy(input.action), now);
      const full: Patch = { ...patch, status, deadlines };
      // First-contact ownership: the first staff member to take an app request owns it to the end.
      if (a.kind === 'staff' && !t.ownerStaffId && ['accept', 'grab', 'dispatch', 'answer', 'promise'].includes(input.action)) {
        full.ownerStaffId = caller.staff!._id;
        full.ownerName = caller.staff!.name;
      }
      return {
        patch: full,
        event: {
          action: input.action,
          actor: { kind: a.kind, id: a.kind === 'staff' ? a.staffId : a.openid, name: actorName(caller, a) },
          channel: 'app',
          visibility: 'public',
          ...event,
        },
        also: (tx2) => claimFiles(tx2, ctx, files, target),
      };
    });
  } catch (e) {
    if ((e as any)?.code === 'DATABASE_TRANSACTION_CONFLICT') {
      throw new AppError('CONFLICT', input.action === 'grab' ? '手慢了，工单已被他人接走' : '工单正在被他人处理，请刷新后重试');
    }
    throw e;
  }
  const { ticket, event } = result!;
  const by = actor!.kind === 'staff' ? actor!.staffId : undefined;
  await notifyAct(ctx, ticket, input.action, event, by);
  return { ticketId: ticket._id, status: ticket.status };
}

/** Every free text of an action that someone else will read (the log is shown to residents and staff). */
function freeTexts(input: ActInput): string[] {
  const out: string[] = [];
  for (const k of ['text', 'reason', 'comment', 'by', 'scope', 'parts'] as const) {
    const v = (input as Record<string, unknown>)[k];
    if (typeof v === 'string') out.push(v);
  }
  return out;
}

async function staffOf(tx: any, staffId: string, t: TicketDoc): Promise<StaffDoc> {
  const s = (await tx.collection('staff').doc(staffId).get()).data as StaffDoc | null;
  if (!s || !s.active || s.communityId !== t.communityId) throw new AppError('NOT_FOUND', '员工不存在或已停用');
  return s;
}

async function plan(
  ctx: ActionContext,
  tx: any,
  t: TicketDoc,
  actor: Actor,
  input: ActInput,
  now: Date,
): Promise<{ patch: Patch; event: Partial<Pick<EventDoc, 'text' | 'photos' | 'visibility' | 'meta' | 'outcome'>> }> {
  const me = ctx.caller.staff;
  switch (input.action) {
    case 'accept':
      return { patch: {}, event: { text: '已接单' } };
    case 'grab':
      return { patch: { assigneeStaffId: me!._id, assigneeName: me!.name, pool: false, grabDeadline: null }, event: { text: '已抢单' } };
    case 'dispatch':
    case 'transfer': {
      if (input.staffId === t.assigneeStaffId) throw new AppError('INVALID_INPUT', '该工单已由此人处理，请选择其他人');
      const s = await staffOf(tx, input.staffId, t);
      // A transfer across departments moves the ticket to the new person's department.
      const dept = (Object.keys(DEPARTMENT_ROLE) as (keyof typeof DEPARTMENT_ROLE)[]).find((d) => s.roles.includes(DEPARTMENT_ROLE[d])) ?? t.department;
      const text = input.action === 'transfer' ? `转派给 ${s.name}：${input.reason}` : `派给 ${s.name}`;
      return {
        patch: { assigneeStaffId: s._id, assigneeName: s.name, department: dept, pool: false, grabDeadline: null, status: 'assigned' },
        event: { text, meta: { to: s._id } },
      };
    }
    case 'arrive':
      return { patch: {}, event: { text: '维修人员已到场' } };
    case 'consent':
      return {
        patch: { consent: { by: input.by, scope: input.scope, at: now, recordedBy: me!._id, ...(input.refused ? { refused: true } : {}) } },
        event: { text: input.refused ? `住户拒绝入户：${input.by}，说明：${input.scope}` : `入户同意：${input.by}，范围：${input.scope}` },
      };
    case 'note':
      return { patch: {}, event: { text: input.text, photos: input.photos, visibility: input.visibility } };
    case 'pause': {
      const expectedAt = new Date(input.expectedAt);
      if (expectedAt <= now) throw new AppError('INVALID_INPUT', '预计恢复时间需晚于现在');
      return { patch: { pausedFrom: t.status, pause: { reason: input.reason, expectedAt, at: now } }, event: { text: `暂停：${input.reason}（预计 ${fmt(expectedAt)} 恢复）` } };
    }
    case 'resume': {
      const pausedMs = t.pause ? now.getTime() - new Date(t.pause.at).getTime() : 0;
      return { patch: { pause: null, pausedFrom: null, deadlines: shiftForPause(t.deadlines, pausedMs) }, event: { text: '恢复处理' } };
    }
    case 'complete':
    case 'answer': {
      const { sla, callbacks, completionPhotoRequired } = await communitySettings(ctx.db, t.communityId);
      // A repair's completion shows the work (unless the community turned this off in 工单设置).
      if (input.action === 'complete' && t.type === 'repair' && completionPhotoRequired && input.photos.length === 0)
        throw new AppError('INVALID_INPUT', COMPLETION_PHOTO_REQUIRED);
      const autoConfirmAt = new Date(now.getTime() + sla.autoConfirmDays * 86400_000);
      const confirmReminderAt = new Date(now.getTime() + callbacks.confirmReminderHours * 3600_000);
      // The reminders timer turns a resolution into a callback task (回访), by policy.
      const resolution = { resolvedAt: now, autoConfirmAt, confirmReminderAt, callbackDue: true, resolutionCount: (t.resolutionCount ?? 0) + 1 };
      if (input.action === 'answer') return { patch: resolution, event: { text: input.text } };
      const completion = { ...(input.parts ? { parts: input.parts } : {}), ...(input.fee !== undefined ? { fee: input.fee } : {}) };
      const extra = [completion.parts && `配件：${completion.parts}`, completion.fee !== undefined && `费用：${completion.fee} 元`].filter(Boolean).join('；');
      return {
        patch: { ...resolution, completion: Object.keys(completion).length ? completion : null },
        event: { text: extra ? `${input.text}（${extra}）` : input.text, photos: input.photos, ...(Object.keys(completion).length ? { meta: completion } : {}) },
      };
    }
    case 'promise': {
      const replyBy = new Date(input.replyBy);
      if (replyBy <= now) throw new AppError('INVALID_INPUT', '承诺时间需晚于现在');
      const deadlines = t.deadlines.some((d) => d.kind === 'reply')
        ? t.deadlines.map((d) => (d.kind === 'reply' ? { ...d, dueAt: replyBy } : d))
        : [...t.deadlines, { kind: 'reply' as const, dueAt: replyBy }];
      return { patch: { deadlines: meet(deadlines, ['accept'], now) }, event: { text: `承诺于 ${fmt(replyBy)} 前答复` } };
    }
    case 'confirm':
      return { patch: { closedAt: now, autoConfirmAt: null, confirmReminderAt: null }, event: { text: '住户确认已解决' } };
    case 'reopen': {
      // Back to the same hands, with fresh resolve timers from now.
      const settings = await communitySettings(ctx.db, t.communityId);
      const deadlines = reopenDeadlines(t, now, settings.sla, settings.work);
      return {
        patch: { resolvedAt: null, autoConfirmAt: null, confirmReminderAt: null, closedAt: null, callbackDue: false, deadlines },
        event: { text: `重新处理：${input.reason}` },
      };
    }
    case 'rate':
      return {
        patch: { rating: input.score, ratingComment: input.comment },
        event: { text: `评价 ${input.score} 星${input.comment ? `：${input.comment}` : ''}`, outcome: { kind: 'rating', stars: input.score } },
      };
    case 'cancel':
      return { patch: { closedAt: now, pool: false, grabDeadline: null, nextDueAt: null }, event: { text: `取消：${input.reason}` } };
    case 'message':
      return { patch: {}, event: { text: input.text, photos: input.photos } };
  }
}

const fmt = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(5, 16).replace('T', ' ');
