import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import type { ticketInputs } from '../../src/domain/tickets/api';
import type { ActionContext, PrefetchContext } from '../_lib/handler';
import type { MembershipDoc } from '../_lib/caller';
import { verifyFiles } from '../_lib/files';
import { openTicket, readPlace, ticketFileTarget, ticketIdFor, loadTicket, type PlaceRead } from '../_lib/ticket-store';
import { take } from '../_lib/rate-limit';
import type { TicketDoc } from '../_lib/ticket-model';
import { CATEGORY_BY_CODE } from '../../src/domain/tickets/catalog';
import { unboundReportProblem } from '../../src/domain/tickets/report';
import { UNBOUND_EMERGENCY_PER_DAY, UNBOUND_EMERGENCY_TOO_MANY } from '../../src/domain/limits';

type CreateIn = z.infer<typeof ticketInputs.create>;
type OnBehalfIn = z.infer<typeof ticketInputs.createOnBehalf>;
type EmergencyIn = z.infer<typeof ticketInputs.reportEmergency>;
type StaffReportIn = z.infer<typeof ticketInputs.staffReport>;

const createKey = (openid: string, input: CreateIn) => `${openid}\u0001${input.clientRequestId}`;

/**
 * `create`'s prefetch: a home's place (unit, community settings, routing rules, staff, and the
 * ticket a retry made) read while the caller is resolved — one round-trip step less. A read of
 * what the input names: nothing of it is used before `create` has checked the home is the caller's.
 */
export async function placeOfReport(input: CreateIn, { db, openid }: PrefetchContext): Promise<PlaceRead | undefined> {
  return input.location.kind === 'home' ? readPlace(db, input.location, null, ticketIdFor(createKey(openid, input)), { members: true }) : undefined;
}

/** The caller's approved membership of the home reported for, from `placeOfReport` (the handler keeps only the caller's approved ones). */
export const reportersHome = (placed: unknown) => (placed as PlaceRead | undefined)?.found?.members as MembershipDoc[] | undefined;

/** A report for a home is judged on the caller's membership of it (`reportersHome`); a public area's on all their homes. */
export const reportNeeds = (input: CreateIn) => (input.location.kind === 'home' ? [] : (['homes'] as const));

/** A resident reports for one of their homes (or a public area of their community). */
export async function create(input: CreateIn, ctx: ActionContext) {
  const { caller } = ctx;
  const key = createKey(caller.openid!, input);
  // A retry (same request id) gets its ticket back: the store looks for it with its other reads (`joined`),
  // for a home in the place read sent with resolving the caller (`placed`).
  // The contact is the caller as registered for the home in question (or their first home).
  const loc = input.location;
  if (loc.kind === 'home' && !caller.homes.some((h) => h.unitId === loc.unitId)) throw new AppError('FORBIDDEN', '只能为已绑定的房屋报事');
  const home = (loc.kind === 'home' ? caller.homes.find((h) => h.unitId === loc.unitId) : undefined) ?? caller.homes[0];
  if (!home) throw new AppError('FORBIDDEN', '请先绑定房屋');
  await verifyFiles(ctx, [...input.photos, ...(input.video ? [input.video] : [])], ticketFileTarget(key));
  return openTicket(
    ctx,
    {
      key,
      communityId: home.communityId,
      type: input.type,
      category: input.category,
      description: input.description,
      location: input.location,
      reporter: { openid: caller.openid!, name: home.name ?? '住户', phone: input.contactPhone },
      channel: 'app',
      photos: input.photos,
      ...(input.video ? { video: input.video } : {}),
      ...(input.window ? { window: input.window } : {}),
      subscribed: input.subscribed,
    },
    { joined: true, placed: ctx.prefetched as PlaceRead | undefined },
  );
}

/** A desk member logs a call or a visit; they become its first-contact owner (首问负责制). */
export async function createOnBehalf(input: OnBehalfIn, ctx: ActionContext) {
  const s = ctx.caller.staff!;
  return openTicket(ctx, {
    key: `${s.openid}\u0001${input.clientRequestId}`,
    communityId: s.communityId,
    type: input.type,
    category: input.category,
    description: input.description,
    location: input.location,
    reporter: { openid: null, name: input.contactName, phone: input.contactPhone },
    channel: input.channel,
    firstContactStaffId: s._id,
  });
}

/**
 * An emergency in a public area from anyone signed in, bound or not (a pending binding, a
 * visitor): only emergencies, only public areas (the domain rule), at most a few a day per
 * person. Routed as usual; without an approved home here it is marked for the desk to verify.
 */
export async function reportEmergency(input: EmergencyIn, ctx: ActionContext) {
  const { caller, db, clock } = ctx;
  const key = `${caller.openid!}\u0001${input.clientRequestId}`;
  const again = await loadTicket(ctx, ticketIdFor(key));
  if (again) return { ticketId: again._id, no: again.no, created: false };
  const cat = CATEGORY_BY_CODE.get(input.category);
  const problem = unboundReportProblem({ emergency: !!cat?.emergency, location: input.location });
  if (!cat || problem) throw new AppError('FORBIDDEN', problem ?? '问题类别不存在');
  const community = (await db.collection('communities').doc(input.communityId).get()).data[0] as { _id: string } | undefined;
  if (!community) throw new AppError('NOT_FOUND', '小区不存在');
  const member = caller.homes.some((h) => h.communityId === input.communityId);
  if (!member) {
    const taken = await take(db, 'unbound-emergency', caller.openid!, { limit: UNBOUND_EMERGENCY_PER_DAY, windowSec: 86400 }, clock.now());
    if (!taken.ok) throw new AppError('RATE_LIMITED', UNBOUND_EMERGENCY_TOO_MANY);
  }
  await verifyFiles(ctx, input.photos, ticketFileTarget(key));
  return openTicket(ctx, {
    key,
    communityId: community._id,
    type: 'repair',
    category: input.category,
    description: input.description,
    location: input.location,
    reporter: { openid: caller.openid!, name: input.contactName, phone: input.contactPhone },
    channel: 'app',
    photos: input.photos,
    subscribed: input.subscribed,
    ...(member ? {} : { verifyReporter: true }),
  });
}

/**
 * An engineer or security guard files what they found on patrol (issue #17): a public area or a
 * unit of their own community (the store refuses another community's unit as missing), routed as
 * usual, with the reporter as first-contact owner (首问负责人) and contact. Idempotent per request id.
 */
export async function staffReport(input: StaffReportIn, ctx: ActionContext) {
  const s = ctx.caller.staff!;
  const key = `${s.openid}\u0001staff-report\u0001${input.clientRequestId}`;
  await verifyFiles(ctx, input.photos, ticketFileTarget(key));
  // A retry gets its ticket back: the store looks for it with its other reads (it was read twice before).
  return openTicket(
    ctx,
    {
      key,
      communityId: s.communityId,
      type: input.type,
      category: input.category,
      description: input.description,
      location: input.location,
      reporter: { openid: null, name: s.name, phone: s.phone },
      channel: 'staff',
      photos: input.photos,
      firstContactStaffId: s._id,
    },
    { joined: true },
  );
}
