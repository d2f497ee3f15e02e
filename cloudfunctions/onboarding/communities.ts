import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import { COMMUNITY_TIMEZONE } from '../../src/domain/onboarding';
import type { onboardingInputs } from '../../src/domain/onboarding-api';
import { claim } from '../_lib/bulk';
import type { StaffDoc } from '../_lib/caller';
import type { ActionContext } from '../_lib/handler';
import { stableId } from '../_lib/ids';
import { writeInvite } from '../_lib/invites';
import { companyAdminOf, requireCompanyAdmin, requireManager, type CompanyAdminDoc } from './access';

type In<K extends keyof typeof onboardingInputs> = z.infer<(typeof onboardingInputs)[K]>;

const view = (c: any) => ({
  id: c._id,
  name: c.name,
  address: c.address ?? '',
  hotline: c.hotline ?? '',
  deskHours: c.deskHours ?? null,
  timezone: c.timezone ?? COMMUNITY_TIMEZONE,
});

/** Only the company admin creates communities; a retry with the same clientRequestId creates nothing new. */
export async function createCommunity(input: In<'createCommunity'>, ctx: ActionContext) {
  await requireCompanyAdmin(ctx);
  const now = ctx.clock.now();
  const { clientRequestId, ...fields } = input;
  const doc = {
    _id: stableId('cm', ctx.caller.openid!, clientRequestId),
    ...fields,
    timezone: COMMUNITY_TIMEZONE,
    settings: { bindingReview: 'auto-when-registry-matches' },
    createdBy: ctx.caller.openid,
    createdAt: now,
  };
  if (await claim(ctx.db, 'communities', doc)) {
    await ctx.db.collection('audit_log').add({ communityId: doc._id, actor: ctx.caller.openid, action: 'community.created', target: doc._id, at: now });
    return view(doc);
  }
  return view((await ctx.db.collection('communities').doc(doc._id).get()).data[0]);
}

/** The company admin sees every community, a community admin their own; each with its key counts. */
export async function listCommunities(_input: unknown, ctx: ActionContext) {
  const { db } = ctx;
  const _ = db.command;
  // Read with resolving the caller (the action's prefetch), or here.
  const company = ctx.prefetched !== undefined ? (ctx.prefetched as CompanyAdminDoc | null) : await companyAdminOf(ctx);
  let only: { communityId: string } | {};
  if (company) only = {};
  else if (ctx.caller.staff && ctx.caller.roles.has('admin')) only = { communityId: ctx.caller.staff.communityId };
  else throw new AppError('FORBIDDEN', '只有公司管理员或小区管理员可以查看');
  // The communities and each count grouped by community, all in one step (not five counts per community).
  const perCommunity = async (coll: string, where: object) => {
    const res = await db
      .collection(coll)
      .aggregate()
      .match({ ...only, ...where })
      .group({ _id: '$communityId', n: _.aggregate.sum(1) })
      .end();
    return new Map(((res as any).data as { _id: string; n: number }[]).map((g) => [g._id, g.n]));
  };
  const [list, units, owners, residents, staff, openTickets] = await Promise.all([
    company
      ? db.collection('communities').orderBy('createdAt', 'asc').limit(100).get()
      : db
          .collection('communities')
          .doc((only as { communityId: string }).communityId)
          .get(),
    perCommunity('units', {}),
    perCommunity('units', { ownerPhone: _.exists(true) }),
    perCommunity('memberships', { status: 'approved' }),
    perCommunity('staff', { active: true }),
    perCommunity('tickets', { open: true }),
  ]);
  return (list.data as any[]).map((c) => {
    const n = (m: Map<string, number>) => m.get(c._id) ?? 0;
    return { ...view(c), counts: { units: n(units), owners: n(owners), residents: n(residents), staff: n(staff), openTickets: n(openTickets) } };
  });
}

/**
 * Appoints staff of a community through a one-time invite of the same shape `account` writes,
 * redeemed with `account.redeemInvite`. The company admin appoints anyone anywhere (community
 * admins, supervisors); a community admin appoints staff of their own community.
 */
export async function appointStaff(input: In<'appointStaff'>, ctx: ActionContext) {
  const { community } = await requireManager(ctx, input.communityId);
  const now = ctx.clock.now();
  const invite = await writeInvite(ctx.db, { communityId: community._id, roles: input.roles, note: input.note, createdBy: ctx.caller.openid!, now });
  await ctx.db.collection('audit_log').add({ communityId: community._id, actor: ctx.caller.openid, action: 'invite.created', target: invite.code, at: now, detail: input.roles });
  return invite;
}

/**
 * The company's staff, one row per person (their records grouped by OPENID), for appointing an
 * existing person to another community. Company admin only: it spans every community.
 */
export async function listPeople(_input: unknown, ctx: ActionContext) {
  await requireCompanyAdmin(ctx);
  const [staff, communities] = await Promise.all([
    ctx.db.collection('staff').where({ active: true }).orderBy('createdAt', 'asc').limit(1000).get(),
    ctx.db.collection('communities').field({ name: true }).limit(100).get(),
  ]);
  const names = new Map((communities.data as any[]).map((c) => [c._id, c.name as string]));
  const people = new Map<string, { staffId: string; name: string; phoneTail: string; communities: { communityId: string; communityName: string; roles: string[] }[] }>();
  for (const s of staff.data as StaffDoc[]) {
    const p = people.get(s.openid) ?? { staffId: s._id, name: s.name, phoneTail: s.phone.slice(-4), communities: [] };
    p.communities.push({ communityId: s.communityId, communityName: names.get(s.communityId) ?? '', roles: s.roles });
    people.set(s.openid, p);
  }
  return [...people.values()];
}

/**
 * Appoints a person already on staff somewhere (named by any of their staff records) to another
 * community: one more record keyed by (person, community) with the roles there. Appointing again
 * sets the roles (and re-activates a stopped record); the person's other communities are untouched.
 */
export async function appointExisting(input: In<'appointExisting'>, ctx: ActionContext) {
  await requireCompanyAdmin(ctx);
  const [source, community] = await Promise.all([ctx.db.collection('staff').doc(input.staffId).get(), ctx.db.collection('communities').doc(input.communityId).get()]);
  const from = source.data[0] as StaffDoc | undefined;
  if (!from || !from.active) throw new AppError('NOT_FOUND', '员工不存在');
  if (!community.data[0]) throw new AppError('NOT_FOUND', '小区不存在');
  const now = ctx.clock.now();
  const roles = [...new Set(input.roles)];
  // The person's record there, whatever its id (seeded, invited or appointed): never a second one.
  const prior = (await ctx.db.collection('staff').where({ openid: from.openid, communityId: input.communityId }).limit(1).get()).data[0] as StaffDoc | undefined;
  const id = prior?._id ?? stableId('st', from.openid, input.communityId);
  const doc = {
    openid: from.openid,
    communityId: input.communityId,
    name: from.name,
    phone: from.phone,
    roles,
    active: true,
    onDuty: prior?.onDuty ?? false,
    createdAt: prior?.createdAt ?? now,
  };
  await ctx.db.collection('staff').doc(id).set(doc);
  await ctx.db.collection('audit_log').add({ communityId: input.communityId, actor: ctx.caller.openid, action: 'staff.appointed', target: id, at: now, detail: roles });
  return { staffId: id, communityId: input.communityId, communityName: community.data[0].name as string, name: from.name, roles };
}
