import { CATEGORY_BY_CODE, DEPARTMENT_LABELS, TICKET_TYPE_LABELS } from '../../src/domain/tickets/catalog';
import { DEADLINE_LABELS, deadlineState, metText, remainingText, type Deadline } from '../../src/domain/tickets/sla';
import { timelineLabel } from '../../src/domain/tickets/timeline';
import { availableActions, isHandling, STATUS_LABELS, timersRun, type Actor } from '../../src/domain/tickets/state-machine';
import type { DeadlineView, TicketDetail, TicketSummary, TimelineEntry } from '../../src/domain/tickets/api';
import { maskPhone } from '../../src/domain/membership';
import type { ActionContext } from '../_lib/handler';
import type { EventDoc, TicketDoc } from './model';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : undefined);

export function deadlineView(d: Deadline, now: Date): DeadlineView {
  const state = deadlineState(d, now);
  // A met timer has nothing remaining: say whether it was met in time.
  const remaining = d.metAt ? metText(d) : remainingText(d, now);
  return { kind: d.kind, label: DEADLINE_LABELS[d.kind], dueAt: iso(d.dueAt)!, ...(d.metAt ? { metAt: iso(d.metAt) } : {}), state, remaining };
}

export function summary(t: TicketDoc, now: Date): TicketSummary {
  const running = t.deadlines.filter((d) => !d.metAt).sort((a, b) => new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime());
  const open = timersRun(t.status);
  return {
    ticketId: t._id,
    no: t.no,
    type: t.type,
    typeLabel: TICKET_TYPE_LABELS[t.type],
    category: t.category,
    categoryLabel: CATEGORY_BY_CODE.get(t.category)?.label ?? t.category,
    emergency: t.emergency,
    status: t.status,
    statusLabel: STATUS_LABELS[t.status],
    locationLabel: t.location.label,
    ...(t.unitId ? { unitId: t.unitId } : {}),
    description: t.description,
    createdAt: iso(t.createdAt)!,
    ...(t.assigneeName ? { assigneeName: t.assigneeName } : {}),
    ...(open && running[0] ? { nextDue: deadlineView(running[0], now) } : {}),
  };
}

/** The detail of a ticket with its timeline as the actor may see it (`evs`, in order). */
export async function detail(ctx: ActionContext, t: TicketDoc, actor: Actor, evs: EventDoc[], hotline?: string): Promise<TicketDetail> {
  const now = ctx.clock.now();
  const fileIds = [...new Set([...t.photos, ...(t.video ? [t.video] : []), ...evs.flatMap((e) => e.photos ?? [])])];
  const urls = new Map<string, string>();
  if (fileIds.length) {
    const res: any = await ctx.app.getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge: 3600 })) } as any);
    for (const f of res.fileList ?? []) if (f.code === 'SUCCESS') urls.set(f.fileID, f.tempFileURL);
  }
  const url = (id: string) => urls.get(id) ?? id;
  // The phone number is shown only to the resident and to staff handling the ticket.
  const revealPhone = actor.kind === 'resident' || isHandling(t, actor);
  const timeline: TimelineEntry[] = evs.map((e) => ({
    at: iso(e.at)!,
    action: e.action,
    label: timelineLabel(e.action),
    actorName: e.actor.name,
    actorKind: e.actor.kind,
    channel: e.channel,
    ...(e.text ? { text: e.text } : {}),
    ...(e.photos?.length ? { photos: e.photos.map(url) } : {}),
    visibility: e.visibility,
  }));
  return {
    ...summary(t, now),
    department: t.department,
    departmentLabel: DEPARTMENT_LABELS[t.department],
    contactName: t.contactName,
    contactPhone: revealPhone ? t.contactPhone : maskPhone(t.contactPhone),
    photoUrls: t.photos.map(url),
    ...(t.video ? { videoUrl: url(t.video) } : {}),
    ...(t.window ? { window: { start: iso(t.window.start)!, end: iso(t.window.end)! } } : {}),
    ...(t.ownerName ? { ownerName: t.ownerName } : {}),
    pool: t.pool,
    channel: t.channel,
    deadlines: t.deadlines.map((d) => deadlineView(d, now)),
    timeline,
    actions: availableActions(t, actor),
    ...(t.pause ? { pause: { reason: t.pause.reason, expectedAt: iso(t.pause.expectedAt)! } } : {}),
    ...(t.consent ? { consent: { by: t.consent.by, scope: t.consent.scope, at: iso(t.consent.at)!, ...(t.consent.refused ? { refused: true } : {}) } } : {}),
    ...(t.rating ? { rating: { score: t.rating, comment: t.ratingComment } } : {}),
    ...(t.autoConfirmAt && t.status === 'resolved' ? { autoConfirmAt: iso(t.autoConfirmAt) } : {}),
    ...(hotline ? { hotline } : {}),
    ...(t.completion ? { completion: t.completion } : {}),
  };
}
