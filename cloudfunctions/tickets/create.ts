import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import type { ticketInputs } from '../../src/domain/tickets/api';
import { CATEGORY_BY_CODE } from '../../src/domain/tickets/catalog';
import { reportProblem } from '../../src/domain/tickets/report';
import { initialDeadlines } from '../../src/domain/tickets/sla';
import { communitySettings } from '../_lib/community-settings';
import type { ActionContext } from '../_lib/handler';
import { isDuplicate, stableId } from '../_lib/ids';
import type { EventDoc, TicketDoc } from './model';
import { derived } from './model';
import { notifyCreated, supervisorsOf } from './notify';
import { decide, markAssigned } from './routing';
import { checkText } from '../_lib/content-check';
import { claimFiles, verifyFiles } from '../_lib/files';
import { grantConsents } from '../_lib/subscriptions';
import { TEMPLATES } from './notify';

type CreateIn = z.infer<typeof ticketInputs.create>;
type OnBehalfIn = z.infer<typeof ticketInputs.createOnBehalf>;

const TYPE_PREFIX = { repair: 'BX', complaint: 'TS', consultation: 'ZX' } as const;

/** A human ticket number: BX-20261128-0007 (type, day, daily sequence per community). */
async function nextNumber(ctx: ActionContext, communityId: string, type: keyof typeof TYPE_PREFIX, now: Date): Promise<string> {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  const id = `${communityId}:${day}`;
  try {
    await ctx.db.collection('counters').add({ _id: id, seq: 0 });
  } catch (e) {
    if (!isDuplicate(e)) throw e;
  }
  const res: any = await ctx.db
    .collection('counters')
    .where({ _id: id })
    .updateAndReturn({ seq: ctx.db.command.inc(1) });
  return `${TYPE_PREFIX[type]}-${day}-${String(res.doc.seq).padStart(4, '0')}`;
}

async function locate(ctx: ActionContext, loc: CreateIn['location'], allowedUnits: string[] | null, communityId: string | null) {
  if (loc.kind === 'home') {
    if (allowedUnits && !allowedUnits.includes(loc.unitId)) throw new AppError('FORBIDDEN', '只能为已绑定的房屋报事');
    const unit = (await ctx.db.collection('units').doc(loc.unitId).get()).data[0] as any;
    if (!unit || (communityId && unit.communityId !== communityId)) throw new AppError('NOT_FOUND', '房屋不存在');
    return { location: { kind: 'home' as const, unitId: unit._id, label: unit.label }, unitId: unit._id as string, communityId: unit.communityId as string };
  }
  const label = [loc.building, loc.floor, loc.area].filter(Boolean).join(' ');
  return { location: { ...loc, label }, unitId: null, communityId };
}

interface Draft {
  type: CreateIn['type'];
  category: string;
  description: string;
  photos: string[];
  video?: string;
  location: CreateIn['location'];
  contactName: string;
  contactPhone: string;
  window?: { start: string; end: string };
  subscribed: string[];
  channel: TicketDoc['channel'];
  reporterOpenid: string;
  loggedBy?: { staffId: string; name: string };
  id: string;
}

async function createTicket(ctx: ActionContext, d: Draft, units: string[] | null, community: string | null): Promise<{ ticketId: string; no: string; created: boolean }> {
  const { db, clock } = ctx;
  const existing = (await db.collection('tickets').doc(d.id).get()).data[0] as TicketDoc | undefined;
  if (existing) return { ticketId: existing._id, no: existing.no, created: false };

  const cat = CATEGORY_BY_CODE.get(d.category)!;
  if (cat.type !== d.type) throw new AppError('INVALID_INPUT', '问题类别与类型不符');
  const problem = reportProblem({ emergency: !!cat.emergency, description: d.description, photoCount: d.photos.length, hasVideo: !!d.video });
  if (problem) throw new AppError('INVALID_INPUT', problem);
  if (d.window && new Date(d.window.end) <= new Date(d.window.start)) throw new AppError('INVALID_INPUT', '预约结束时间需晚于开始时间');
  const loc = d.location.kind === 'public' ? d.location : null;
  await checkText(ctx, d.description, d.contactName, loc?.building, loc?.floor, loc?.area);
  const files = [...d.photos, ...(d.video ? [d.video] : [])];
  const target = `ticket:${d.id}`;
  await verifyFiles(ctx, files, target);

  const place = await locate(ctx, d.location, units, community);
  if (!place.communityId) throw new AppError('FORBIDDEN', '请先绑定房屋');
  const now = clock.now();
  const window = d.window ? { start: new Date(d.window.start), end: new Date(d.window.end) } : null;
  const deadlines = initialDeadlines({ type: d.type, category: d.category, emergency: !!cat.emergency, window }, now, (await communitySettings(db, place.communityId)).sla);
  const route = await decide(db, place.communityId, { category: d.category, emergency: !!cat.emergency }, now);
  const no = await nextNumber(ctx, place.communityId, d.type, now);
  const owner = d.loggedBy ?? null;
  const status = route.assigneeStaffId ? 'assigned' : 'pending';
  const ticket: Omit<TicketDoc, '_id'> = {
    no,
    communityId: place.communityId,
    type: d.type,
    category: d.category,
    emergency: !!cat.emergency,
    description: d.description,
    photos: d.photos,
    ...(d.video ? { video: d.video } : {}),
    location: place.location,
    unitId: place.unitId,
    contactName: d.contactName,
    contactPhone: d.contactPhone,
    window,
    reporterOpenid: d.reporterOpenid,
    channel: d.channel,
    department: route.department,
    pool: route.mode === 'grab',
    grabDeadline: route.grabDeadline,
    assigneeStaffId: route.assigneeStaffId,
    assigneeName: route.assigneeName,
    ownerStaffId: owner?.staffId ?? null,
    ownerName: owner?.name ?? null,
    pausedFrom: null,
    pause: null,
    deadlines,
    ...derived(deadlines, status),
    callbackDue: false,
    resolutionCount: 0,
    confirmReminderAt: null,
    consent: null,
    rating: null,
    ratingComment: '',
    subscribed: d.subscribed,
    resolvedAt: null,
    autoConfirmAt: null,
    closedAt: null,
    eventCount: 0,
    createdAt: now,
    updatedAt: now,
  };
  const system = { kind: 'system' as const, id: 'router', name: '系统' };
  const supervisors = route.alertSupervisor ? await supervisorsOf(db, place.communityId) : [];
  const events: Omit<EventDoc, 'seq'>[] = [
    {
      ticketId: d.id,
      communityId: place.communityId,
      at: now,
      action: owner ? 'logged' : 'created',
      actor: owner ? { kind: 'staff', id: owner.staffId, name: owner.name } : { kind: 'resident', id: d.reporterOpenid, name: d.contactName },
      channel: d.channel,
      visibility: 'public',
      text: d.description,
      photos: d.photos,
    },
    route.assigneeStaffId
      ? { ticketId: d.id, communityId: place.communityId, at: now, action: 'routed', actor: system, channel: 'system', visibility: 'public', text: `已派给 ${route.assigneeName}` }
      : route.mode === 'grab'
        ? { ticketId: d.id, communityId: place.communityId, at: now, action: 'pooled', actor: system, channel: 'system', visibility: 'internal', text: '等待接单' }
        : {
            ticketId: d.id,
            communityId: place.communityId,
            at: now,
            action: 'routed',
            actor: system,
            channel: 'system',
            visibility: 'internal',
            text: '暂无在岗人员，等待客服派单',
          },
    ...(route.alertSupervisor
      ? [
          {
            ticketId: d.id,
            communityId: place.communityId,
            at: now,
            action: 'escalated',
            actor: system,
            channel: 'system' as const,
            visibility: 'internal' as const,
            text: '紧急工单，已通知主管',
          },
        ]
      : []),
  ];
  ticket.eventCount = events.length;
  try {
    // The ticket and its first log entries are written together, or not at all.
    await db.runTransaction(async (tx: any) => {
      await claimFiles(tx, ctx, files, target);
      await tx.collection('tickets').add({ _id: d.id, ...ticket });
      for (const [i, e] of events.entries()) await tx.collection('ticket_events').add({ ...e, seq: i + 1 });
    }, 1);
  } catch (e) {
    if (isDuplicate(e) || (e as any)?.code === 'DATABASE_TRANSACTION_CONFLICT') {
      const again = (await db.collection('tickets').doc(d.id).get()).data[0] as TicketDoc | undefined;
      if (again) return { ticketId: again._id, no: again.no, created: false };
    }
    throw e;
  }
  await markAssigned(db, route.assigneeStaffId, now);
  const known = new Set(Object.values(TEMPLATES));
  if (d.reporterOpenid && d.subscribed.length)
    await grantConsents(
      db,
      d.reporterOpenid,
      d.subscribed.filter((x) => known.has(x)),
      now,
    );
  const ref = {
    _id: d.id,
    communityId: place.communityId,
    no,
    type: d.type,
    categoryLabel: cat.label,
    locationLabel: place.location.label,
    emergency: !!cat.emergency,
    department: route.department,
    pool: route.mode === 'grab',
  };
  await notifyCreated(ctx, ref, route.assigneeStaffId, supervisors, now);
  return { ticketId: d.id, no, created: true };
}

export async function create(input: CreateIn, ctx: ActionContext) {
  const { caller } = ctx;
  // The contact is the caller as registered for the home in question (or their first home).
  const loc = input.location;
  const home = (loc.kind === 'home' ? caller.homes.find((h) => h.unitId === loc.unitId) : undefined) ?? caller.homes[0];
  return createTicket(
    ctx,
    {
      ...input,
      contactName: home?.name ?? '住户',
      channel: 'app',
      reporterOpenid: caller.openid!,
      id: stableId('t', caller.openid!, input.clientRequestId),
    },
    caller.homes.map((h) => h.unitId),
    input.location.kind === 'public' ? (home?.communityId ?? null) : null,
  );
}

/** A resident's question on a notice becomes a consultation ticket linked to it. */
export async function createLinkedConsultation(ctx: ActionContext, input: { question: string; announcementId: string; clientRequestId: string; communityId: string }) {
  const home = ctx.caller.homes.find((h) => h.communityId === input.communityId) ?? ctx.caller.homes[0];
  if (!home) throw new AppError('FORBIDDEN', '请先绑定房屋');
  const res = await createTicket(
    ctx,
    {
      type: 'consultation',
      category: 'consultation_other',
      description: input.question,
      photos: [],
      location: { kind: 'home', unitId: home.unitId },
      contactName: home.name,
      contactPhone: home.phone,
      subscribed: [],
      channel: 'app',
      reporterOpenid: ctx.caller.openid!,
      id: stableId('t', ctx.caller.openid!, input.clientRequestId),
    },
    ctx.caller.homes.map((h) => h.unitId),
    null,
  );
  if (res.created) await ctx.db.collection('tickets').doc(res.ticketId).update({ announcementId: input.announcementId });
  return res;
}

/** A desk member logs a call or a visit; they become its first-contact owner (首问负责制). */
export async function createOnBehalf(input: OnBehalfIn, ctx: ActionContext) {
  const s = ctx.caller.staff!;
  return createTicket(
    ctx,
    {
      ...input,
      photos: [],
      subscribed: [],
      reporterOpenid: '',
      loggedBy: { staffId: s._id, name: s.name },
      id: stableId('t', s.openid, input.clientRequestId),
    },
    null,
    s.communityId,
  );
}
