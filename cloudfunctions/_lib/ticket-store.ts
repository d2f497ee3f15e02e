import { randomBytes } from 'node:crypto';
import { AppError } from '../../src/domain/errors';
import { UNCLAIMED_ALERT_ROLE } from '../../src/domain/inbox';
import { CATEGORY_BY_CODE, DEPARTMENT_ROLE, type Department } from '../../src/domain/tickets/catalog';
import { reportProblem } from '../../src/domain/tickets/report';
import { initialDeadlines } from '../../src/domain/tickets/sla';
import type { StaffDoc } from './caller';
import type { Database } from './cloud';
import { mergeSla } from './community-settings';
import { workClock } from './work-calendar';
import { checkText } from './content-check';
import { claimFiles } from './files';
import type { ActionContext } from './handler';
import { isDuplicate, stableId } from './ids';
import { claim } from './bulk';
import { notify, type Outgoing } from './notify';
import { grantConsents } from './subscriptions';
import { TEMPLATES } from './templates';
import { assignedMessage, staffData, staffTicketPage, target, type TicketRef } from './ticket-messages';
import { derived, type EventDoc, type TicketDoc } from './ticket-model';
import { decide, markAssigned, rulesOf } from './ticket-routing';
import { ruleFor } from '../../src/domain/tickets/routing';
import type { TimelineAction } from '../../src/domain/tickets/timeline';

/**
 * The shared ticket store: opening a ticket (numbering, locating, routing, deadlines, derived
 * fields, the first timeline entries, notifications) for every function that creates tickets.
 * Contract: /work/notes/ticket-store-contract.md. Callers check who may open what; the store
 * checks what a ticket must be.
 */
export interface OpenTicketInput {
  /** Idempotency key: the ticket id is derived from it (same key → same ticket, `created: false`). */
  key: string;
  communityId: string;
  type: 'repair' | 'complaint' | 'consultation';
  /** A code from src/domain/tickets/catalog.ts. */
  category: string;
  /** Default: the category's rule. */
  emergency?: boolean;
  description: string;
  location: { kind: 'home'; unitId: string } | { kind: 'public'; building?: string; floor?: string; area: string };
  /** The resident it is for (their 服务 list shows it) — null for a public-area ticket staff found. */
  reporter: { openid: string | null; name: string; phone: string };
  /** 'staff' = found by staff (inspection, patrol, round). */
  channel: 'app' | 'phone' | 'walk_in' | 'staff';
  /** File ids ALREADY verified by the caller (_lib/files.ts `verifyFiles` against `ticketFileTarget(key)`); claimed here with the ticket. */
  photos?: string[];
  /** What the ticket came from, shown on its timeline and detail (e.g. 验房问题, 巡检异常). */
  origin?: { kind: 'movein-inspection' | 'facility-round' | 'facility-asset' | 'announcement'; id: string; label: string };
  /** First-contact owner (首问负责制): the staff member who found/logged it, if any. */
  firstContactStaffId?: string | null;
  /** Routed as usual unless given: e.g. a developer-warranty item is not routed to our engineers. */
  routing?: 'auto' | 'none';
  /** Optional extras of a resident's own report: a verified video, an appointment window, subscribe consents. */
  video?: string;
  window?: { start: string; end: string };
  subscribed?: string[];
  /** The reporter has no approved home in the community (an emergency in a public area): the desk verifies who sent it. */
  verifyReporter?: boolean;
}

export const ticketIdFor = (key: string) => stableId('t', key);
/** The target a caller verifies the ticket's files against before `openTicket`. */
export const ticketFileTarget = (key: string) => `ticket:${ticketIdFor(key)}`;

export async function loadTicket(ctx: Pick<ActionContext, 'db'>, ticketId: string): Promise<TicketDoc | undefined> {
  return (await ctx.db.collection('tickets').doc(ticketId).get()).data[0] as TicketDoc | undefined;
}

/** A human ticket number: BX-20261128-0007 (type, day, daily sequence per community). */
const TYPE_PREFIX = { repair: 'BX', complaint: 'TS', consultation: 'ZX' } as const;
async function nextNumber(ctx: ActionContext, communityId: string, type: keyof typeof TYPE_PREFIX, now: Date): Promise<string> {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  const id = `${communityId}:${day}`;
  const next = () =>
    ctx.db
      .collection('counters')
      .where({ _id: id })
      .updateAndReturn({ seq: ctx.db.command.inc(1) }) as Promise<any>;
  // The day's counter exists after its first ticket: one round trip; the first creates it.
  let res = await next();
  if (!res?.doc) {
    await claim(ctx.db, 'counters', { _id: id, seq: 0 });
    res = await next();
  }
  return `${TYPE_PREFIX[type]}-${day}-${String(res.doc.seq).padStart(4, '0')}`;
}

/**
 * Where the ticket is and what its community routes by, in one read: the home's unit (or, for a
 * public area, the community) with the community's settings, its routing rules and its staff
 * joined in by the database (it took four reads, three of them one after another). With
 * `ticketId`, the ticket that id names (a retry's) is joined in too. A read of the input only:
 * a caller may send it before checking who asks (`prefetch`) and pass it to `openTicket`.
 */
export async function readPlace(
  db: Database,
  loc: OpenTicketInput['location'],
  communityId: string | null,
  ticketId?: string,
  opts: { members?: boolean } = {},
): Promise<PlaceRead> {
  const joins = (q: any) => {
    q = q
      .lookup({ from: 'routing_rules', localField: 'communityId', foreignField: '_id', as: 'rules' })
      .lookup({ from: 'staff', localField: 'communityId', foreignField: 'communityId', as: 'staff' });
    // The ticket this request may have made already (the idempotency check), joined in by its id.
    if (ticketId) q = q.addFields({ ticketId }).lookup({ from: 'tickets', localField: 'ticketId', foreignField: '_id', as: 'existing' });
    return q.end();
  };
  let root =
    loc.kind === 'home'
      ? db.collection('units').aggregate().match({ _id: loc.unitId }).limit(1).lookup({ from: 'communities', localField: 'communityId', foreignField: '_id', as: 'community' })
      : db.collection('communities').aggregate().match({ _id: communityId }).limit(1).addFields({ communityId: '$_id' });
  // The home's memberships (`members`): who may report for it, judged without reading the caller's homes.
  if (opts.members && loc.kind === 'home') root = root.lookup({ from: 'memberships', localField: '_id', foreignField: 'unitId', as: 'members' });
  return { loc, ticketId, found: ((await joins(root)) as any).data[0] };
}

/** What `readPlace` read, and for which location and ticket id. */
export interface PlaceRead {
  loc: OpenTicketInput['location'];
  ticketId?: string;
  found: any;
}

function place(read: PlaceRead, communityId: string) {
  const { loc, found } = read;
  let location: TicketDoc['location'];
  if (loc.kind === 'home') {
    if (!found || found.communityId !== communityId) throw new AppError('NOT_FOUND', '房屋不存在');
    location = { kind: 'home', unitId: found._id, label: found.label };
  } else {
    location = { ...loc, label: [loc.building, loc.floor, loc.area].filter(Boolean).join(' ') };
  }
  const community = loc.kind === 'home' ? found?.community?.[0] : found;
  return {
    location,
    sla: mergeSla(community?.settings?.sla),
    work: workClock(community?.deskHours),
    known: { rules: rulesOf(found?.rules?.[0]), staff: (found?.staff ?? []) as StaffDoc[] },
  };
}

async function ownerOf(ctx: ActionContext, staffId: string | null | undefined, communityId: string) {
  if (!staffId) return null;
  if (ctx.caller.staff?._id === staffId) return { staffId, name: ctx.caller.staff.name };
  const s = (await ctx.db.collection('staff').doc(staffId).get()).data[0] as StaffDoc | undefined;
  if (!s || s.communityId !== communityId) throw new AppError('INVALID_INPUT', '首问负责人不存在');
  return { staffId, name: s.name };
}

/**
 * `absent`: the caller has just read that no ticket has this key (saves reading it again);
 * `joined`: look for it with the ticket's other reads (one round trip less, none before them).
 */
export async function openTicket(
  ctx: ActionContext,
  input: OpenTicketInput,
  opts: { absent?: boolean; joined?: boolean; placed?: PlaceRead } = {},
): Promise<{ ticketId: string; no: string; created: boolean }> {
  const { db, clock } = ctx;
  const id = ticketIdFor(input.key);
  // `placed`: the caller read the place (with this ticket id joined in) already, e.g. while resolving who asks.
  const placed = opts.placed && opts.placed.ticketId === id && sameLocation(opts.placed.loc, input.location) ? opts.placed : undefined;
  const existing = opts.absent || opts.joined || placed ? placed?.found?.existing?.[0] : await loadTicket(ctx, id);
  if (existing) return { ticketId: existing._id, no: existing.no, created: false };

  const cat = CATEGORY_BY_CODE.get(input.category);
  if (!cat || cat.type !== input.type) throw new AppError('INVALID_INPUT', '问题类别与类型不符');
  const emergency = input.emergency ?? !!cat.emergency;
  const photos = input.photos ?? [];
  const problem = reportProblem({ emergency, description: input.description, photoCount: photos.length, hasVideo: !!input.video });
  if (problem) throw new AppError('INVALID_INPUT', problem);
  if (input.window && new Date(input.window.end) <= new Date(input.window.start)) throw new AppError('INVALID_INPUT', '预约结束时间需晚于开始时间');
  const pub = input.location.kind === 'public' ? input.location : null;
  const communityId = input.communityId;
  const now = clock.now();
  // With the place read ahead and good, the day's number is taken while the text is checked (one
  // step less for every report); a text refused leaves a gap in the day's numbers, as a lost race could.
  const early = placed?.found && placed.found.communityId === communityId && !input.firstContactStaffId ? nextNumber(ctx, communityId, input.type, now) : undefined;
  early?.catch(() => undefined); // awaited below; not an unhandled rejection if a check refuses first
  // The content check and the reads the ticket is made of go out together (one step instead of
  // five); a refusal is reported in the order they were checked one by one before.
  const settled = await Promise.allSettled([
    checkText(ctx, input.description, input.reporter.name, pub?.building, pub?.floor, pub?.area),
    placed ?? readPlace(db, input.location, communityId, opts.joined ? id : undefined),
    ownerOf(ctx, input.firstContactStaffId, communityId),
  ] as const);
  // A retry gets the ticket it made, whatever the checks would say now.
  const made = settled[1].status === 'fulfilled' ? settled[1].value.found?.existing?.[0] : undefined;
  if (made) return { ticketId: made._id, no: made.no, created: false };
  const [, read, owner] = inOrder(settled);
  const { location, sla, work, known: routing } = place(read, communityId);
  // Everything is checked: the day's number is taken (if not yet) while routing weighs the candidates' loads.
  const numbering = early ?? nextNumber(ctx, communityId, input.type, now);
  numbering.catch(() => undefined); // awaited below; not an unhandled rejection if routing throws first
  const route =
    input.routing === 'none'
      ? {
          department: ruleFor(routing.rules, input.category).department,
          mode: 'none' as const,
          assigneeStaffId: null,
          assigneeName: null,
          grabDeadline: null,
          alertSupervisor: false,
        }
      : await decide(db, communityId, { category: input.category, emergency }, now, routing);
  const window = input.window ? { start: new Date(input.window.start), end: new Date(input.window.end) } : null;
  const deadlines = initialDeadlines({ type: input.type, category: input.category, emergency, window }, now, sla, work);
  const no = await numbering;
  const status = route.assigneeStaffId ? 'assigned' : 'pending';
  const files = [...photos, ...(input.video ? [input.video] : [])];
  const ticket: Omit<TicketDoc, '_id'> = {
    no,
    communityId,
    type: input.type,
    category: input.category,
    emergency,
    description: input.description,
    photos,
    ...(input.video ? { video: input.video } : {}),
    location,
    unitId: location.kind === 'home' ? location.unitId : null,
    contactName: input.reporter.name,
    contactPhone: input.reporter.phone,
    window,
    reporterOpenid: input.reporter.openid ?? '',
    channel: input.channel,
    ...(input.origin ? { origin: input.origin } : {}),
    ...(input.origin?.kind === 'announcement' ? { announcementId: input.origin.id } : {}),
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
    ...derived(deadlines, status, { emergency, now }),
    callbackDue: false,
    resolutionCount: 0,
    confirmReminderAt: null,
    consent: null,
    rating: null,
    ratingComment: '',
    subscribed: input.subscribed ?? [],
    resolvedAt: null,
    autoConfirmAt: null,
    closedAt: null,
    eventCount: 0,
    ...(input.verifyReporter ? { reporterUnverified: true } : {}),
    createdAt: now,
    updatedAt: now,
  };
  const base = { ticketId: id, communityId, at: now };
  const system = { kind: 'system' as const, id: 'router', name: '系统' };
  const sys = (action: TimelineAction, visibility: EventDoc['visibility'], text: string): Omit<EventDoc, 'seq'> => ({
    ...base,
    action,
    actor: system,
    channel: 'system',
    visibility,
    text,
  });
  // The community's staff are read already (`place`): its active supervisors, as supervisorsOf reads them.
  const supervisors = route.alertSupervisor
    ? routing.staff
        .filter((x) => x.active === true && x.roles?.includes('supervisor'))
        .slice(0, 20)
        .map((x) => x._id)
    : [];
  const events: Omit<EventDoc, 'seq'>[] = [
    {
      ...base,
      action: owner ? 'logged' : 'created',
      actor: owner ? { kind: 'staff', id: owner.staffId, name: owner.name } : { kind: 'resident', id: input.reporter.openid ?? '', name: input.reporter.name },
      channel: input.channel,
      visibility: 'public',
      text: input.description,
      photos,
      ...(input.origin ? { meta: { origin: input.origin } } : {}),
    },
    route.assigneeStaffId
      ? sys('routed', 'public', `已派给 ${route.assigneeName}`)
      : route.mode === 'grab'
        ? sys('pooled', 'internal', '等待接单')
        : route.mode === 'none'
          ? sys('routed', 'internal', '不自动派单，等待客服处理')
          : sys('routed', 'internal', '暂无在岗人员，等待客服派单'),
    ...(route.alertSupervisor ? [sys('escalated', 'internal', '紧急工单，已通知主管')] : []),
    ...(input.verifyReporter ? [sys('verify', 'internal', '报告人尚未绑定本小区房屋，请客服电话核实')] : []),
  ];
  ticket.eventCount = events.length;
  // No transaction (two requests fewer): the ticket's insert is the commit point. Its files are
  // bound to it first (their own transaction; a retry binds them to the same ticket again), then its
  // first entries, marked with this attempt, then the ticket naming the attempt. Readers keep an
  // opening entry only if the ticket names its attempt (`isTicketEntry`), so a crash between the two
  // inserts, or a twin that loses the insert, leaves entries nobody sees: never a ticket without
  // its entries, nor entries of another attempt's routing.
  const opening = randomBytes(6).toString('hex');
  ticket.opening = opening;
  if (files.length) await db.runTransaction(async (tx: any) => claimFiles(tx, ctx, files, `ticket:${id}`));
  await db.collection('ticket_events').add(events.map((e, i) => ({ ...e, seq: i + 1, opening })));
  try {
    await db.collection('tickets').add({ _id: id, ...ticket });
  } catch (e) {
    if (!isDuplicate(e)) throw e;
    // A twin (a double tap, a retry) inserted it first: theirs is the ticket. This attempt's entries
    // go — only if the ticket is not this attempt's own (an insert retried under us after it had
    // committed) — and a failed clean-up leaves entries nobody sees rather than failing the answer.
    const again = await loadTicket(ctx, id);
    if (!again) throw e;
    if (again.opening !== opening) await Promise.allSettled([db.collection('ticket_events').where({ ticketId: id, opening }).remove()]);
    return { ticketId: again._id, no: again.no, created: false };
  }
  const known = new Set<string>(Object.values(TEMPLATES));
  const consents = (input.subscribed ?? []).filter((x) => known.has(x));
  await Promise.all([markAssigned(db, route.assigneeStaffId, now), input.reporter.openid && consents.length ? grantConsents(db, input.reporter.openid, consents, now) : undefined]);
  const ref = {
    _id: id,
    communityId,
    no,
    type: input.type,
    categoryLabel: cat.label,
    locationLabel: location.label,
    emergency,
    department: route.department,
    pool: route.mode === 'grab',
  };
  await notifyCreated(ctx, ref, route.assigneeStaffId, supervisors, now);
  return { ticketId: id, no, created: true };
}

/** A place read ahead is used for the same home only (a public area's read needs the community, known later). */
const sameLocation = (a: OpenTicketInput['location'], b: OpenTicketInput['location']) => a.kind === 'home' && b.kind === 'home' && a.unitId === b.unitId;

/** The values of settled work, or its first rejection in list order (not in time), as if awaited one by one. */
function inOrder<T extends readonly PromiseSettledResult<unknown>[]>(settled: T): { -readonly [K in keyof T]: T[K] extends PromiseSettledResult<infer V> ? V : never } {
  for (const r of settled) if (r.status === 'rejected') throw r.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as any;
}

/** A new ticket: its assignee, the supervisors for an emergency (recorded on the timeline), the pool's role. */
async function notifyCreated(
  ctx: ActionContext,
  t: TicketRef & { categoryLabel: string; locationLabel: string; emergency: boolean; department: Department; pool: boolean },
  assigneeStaffId: string | null,
  supervisorIds: string[],
  at: Date,
) {
  const out: Outgoing[] = [];
  const desc = `${t.categoryLabel}（${t.locationLabel}）`;
  if (t.emergency) {
    out.push({
      key: `${t._id}:emergency`,
      to: [...(assigneeStaffId ? [{ staffId: assigneeStaffId }] : []), ...supervisorIds.map((staffId) => ({ staffId }))],
      kind: 'emergency',
      title: `紧急：${t.categoryLabel}`,
      body: `${t.no} ${desc}，请立即处理`,
      communityId: t.communityId,
      target: target(t),
      subscribe: { template: 'emergency', page: staffTicketPage(t._id), data: staffData(t, `紧急：${desc}`, at) },
      timeline: { ticketId: t._id },
    });
  } else if (assigneeStaffId) {
    out.push(assignedMessage(t, assigneeStaffId, `${t._id}:assigned:${assigneeStaffId}`, `${t.no} ${desc}`, at));
  }
  if (!assigneeStaffId) {
    // Nobody holds it yet: one alert shared by the role that picks it up.
    const role = t.pool ? DEPARTMENT_ROLE[t.department] : UNCLAIMED_ALERT_ROLE;
    out.push({
      key: `${t._id}:${t.pool ? 'pool' : 'unrouted'}`,
      to: [{ role, communityId: t.communityId }],
      kind: t.pool ? 'pool' : 'unclaimed',
      title: t.pool ? '抢单池有新工单' : '新工单待派单',
      body: `${t.no} ${desc}`,
      communityId: t.communityId,
      target: target(t),
    });
  }
  // Only the invocation that inserted the ticket gets here (a retry or a twin returns before): every key is new.
  await notify(ctx, out, { firstTime: true });
}

/** What a change writes: the ticket's patch and its one timeline entry (the rest is filled in). */
export interface TicketChange {
  patch: Partial<TicketDoc>;
  event: Pick<EventDoc, 'action' | 'actor' | 'channel' | 'visibility'> & Partial<Pick<EventDoc, 'text' | 'photos' | 'meta' | 'outcome'>> & { action: TimelineAction };
  /** Further writes of the same transaction (e.g. claiming the entry's files). */
  also?: (tx: any) => Promise<void>;
}

/**
 * Update a ticket and append its timeline entry, together or not at all: the ticket is read in
 * the transaction, `decide` sees the current state (null: the ticket is gone) and returns the
 * change, or null to leave it be. The derived fields follow the new status, timers and pause.
 * A transaction conflict (someone else changed it meanwhile) is thrown to the caller.
 */
export async function changeTicket(
  ctx: Pick<ActionContext, 'db' | 'clock'>,
  ticketId: string,
  decide: (cur: TicketDoc | null, tx: any) => Promise<TicketChange | null> | TicketChange | null,
): Promise<{ ticket: TicketDoc; event: EventDoc } | null> {
  let out: { ticket: TicketDoc; event: EventDoc } | null = null;
  await ctx.db.runTransaction(async (tx: any) => {
    out = null;
    const cur = (await tx.collection('tickets').doc(ticketId).get()).data as TicketDoc | null;
    const change = await decide(cur, tx);
    if (!cur || !change) return;
    const now = ctx.clock.now();
    const status = change.patch.status ?? cur.status;
    const deadlines = change.patch.deadlines ?? cur.deadlines;
    const pause = 'pause' in change.patch ? change.patch.pause : cur.pause;
    const seq = (cur.eventCount ?? 0) + 1;
    const at = { pause, emergency: change.patch.emergency ?? cur.emergency, now };
    const full: Partial<TicketDoc> = { ...change.patch, deadlines, ...derived(deadlines, status, at), updatedAt: now, eventCount: seq };
    const event: EventDoc = { ticketId, seq, communityId: cur.communityId, at: now, ...change.event };
    await change.also?.(tx);
    await tx.collection('tickets').doc(ticketId).update(full);
    await tx.collection('ticket_events').add(event);
    out = { ticket: { ...cur, ...full } as TicketDoc, event };
  }, 1);
  return out;
}
