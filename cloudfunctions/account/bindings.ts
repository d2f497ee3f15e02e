import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import type { accountInputs, HomeView } from '../../src/domain/identity';
import { canAutoApprove, canDecideBinding, canRemoveMember } from '../../src/domain/membership';
import type { MembershipDoc } from '../_lib/caller';
import type { ActionContext } from '../_lib/handler';
import { isDuplicate, stableId } from '../_lib/ids';
import { audit, homeViews } from './views';

type In<K extends keyof typeof accountInputs> = z.infer<(typeof accountInputs)[K]>;

const ownerUnits = (ctx: ActionContext) => ctx.caller.homes.filter((h) => h.relation === 'owner').map((h) => h.unitId);

async function view(ctx: ActionContext, m: MembershipDoc): Promise<HomeView> {
  return (await homeViews(ctx.db, [m], { revealPhoneOf: ctx.caller.openid ?? undefined }))[0];
}

/**
 * Ask to bind a home. One membership document per (person, unit) — its id is derived
 * from both — so a double tap, a retry or two racing requests can never create two.
 */
export async function requestBinding(input: In<'requestBinding'>, ctx: ActionContext): Promise<HomeView> {
  const { db, caller, clock } = ctx;
  const openid = caller.openid!;
  const unit = (await db.collection('units').doc(input.unitId).get()).data[0] as any;
  if (!unit) throw new AppError('NOT_FOUND', '房屋不存在，请重新选择');
  const id = stableId('m', openid, input.unitId);
  const requestKey = `${openid}:${input.clientRequestId}`;
  const existing = (await db.collection('memberships').doc(id).get()).data[0] as MembershipDoc | undefined;
  if (existing && existing.requestKey === requestKey) return view(ctx, existing);
  if (existing && existing.status === 'approved') throw new AppError('CONFLICT', '您已绑定该房屋');
  if (existing && existing.status === 'pending') throw new AppError('CONFLICT', '已提交绑定申请，请等待物业审核');

  const now = clock.now();
  const auto = canAutoApprove(unit, input);
  const doc: Omit<MembershipDoc, '_id'> = {
    openid,
    unitId: unit._id,
    communityId: unit.communityId,
    name: input.name,
    phone: input.phone,
    relation: input.relation,
    status: auto ? 'approved' : 'pending',
    requestKey,
    createdAt: now,
    ...(auto ? { decidedAt: now, decidedBy: 'registry', autoApproved: true } : {}),
  };
  if (existing) {
    // A rejected or removed membership is asked for again: start over on the same document,
    // but only if nobody else restarted it in the meantime.
    const res = await db.collection('memberships').where({ _id: id, requestKey: existing.requestKey }).update({ ...doc, reason: db.command.remove(), decidedBy: auto ? 'registry' : db.command.remove(), decidedAt: auto ? now : db.command.remove() });
    if (res.updated !== 1) return requestBinding(input, ctx);
  } else {
    try {
      await db.collection('memberships').add({ _id: id, ...doc });
    } catch (e) {
      if (!isDuplicate(e)) throw e;
      return requestBinding(input, ctx);
    }
  }
  await audit(db, { communityId: unit.communityId, actor: openid, action: auto ? 'binding.auto-approved' : 'binding.requested', target: id, at: now });
  return view(ctx, { _id: id, ...doc } as MembershipDoc);
}

/** Members of a home the caller belongs to; phones masked except the caller's own. */
export async function householdMembers(input: In<'householdMembers'>, ctx: ActionContext): Promise<HomeView[]> {
  if (!ctx.caller.homes.some((h) => h.unitId === input.unitId)) throw new AppError('FORBIDDEN', '您不是该房屋的住户');
  const _ = ctx.db.command;
  const res = await ctx.db.collection('memberships').where({ unitId: input.unitId, status: _.in(['approved', 'pending']) }).orderBy('createdAt', 'asc').limit(50).get();
  return homeViews(ctx.db, res.data as MembershipDoc[], { revealPhoneOf: ctx.caller.openid ?? undefined });
}

export async function removeMember(input: In<'removeMember'>, ctx: ActionContext) {
  const { db, caller, clock } = ctx;
  const m = (await db.collection('memberships').doc(input.membershipId).get()).data[0] as MembershipDoc | undefined;
  if (!m || !['approved', 'pending'].includes(m.status)) throw new AppError('NOT_FOUND', '该成员不存在或已解除');
  if (!canRemoveMember({ openid: caller.openid!, ownerOfUnits: ownerUnits(ctx) }, m)) throw new AppError('FORBIDDEN', '只有业主可以移除家庭成员');
  const res = await db.collection('memberships').where({ _id: m._id, status: m.status }).update({ status: 'removed', decidedAt: clock.now(), decidedBy: caller.openid });
  if (res.updated !== 1) throw new AppError('CONFLICT', '该成员状态已变化，请刷新');
  await audit(db, { communityId: m.communityId, actor: caller.openid!, action: 'binding.removed', target: m._id, at: clock.now() });
  return { removed: true };
}

/** Binding requests of the staff member's community, newest first. */
export async function listBindingRequests(input: In<'listBindingRequests'>, ctx: ActionContext) {
  const { db, caller } = ctx;
  const where = { communityId: caller.staff!.communityId, status: input.status };
  const offset = input.cursor ? Number.parseInt(input.cursor, 10) || 0 : 0;
  const [page, count] = await Promise.all([
    db.collection('memberships').where(where).orderBy('createdAt', 'desc').skip(offset).limit(input.pageSize).get(),
    db.collection('memberships').where(where).count(),
  ]);
  const items = (await homeViews(db, page.data as MembershipDoc[])).map((v, i) => ({ ...v, phoneMasked: (page.data[i] as MembershipDoc).phone }));
  const next = offset + page.data.length;
  return { items, total: count.total, ...(next < count.total ? { nextCursor: String(next) } : {}) };
}

/** Approve or reject a pending binding. Exactly one decision wins if two people decide at once. */
export async function decideBinding(input: In<'decideBinding'>, ctx: ActionContext): Promise<HomeView> {
  const { db, caller, clock } = ctx;
  const m = (await db.collection('memberships').doc(input.membershipId).get()).data[0] as MembershipDoc | undefined;
  const actor = { staffCommunityId: caller.staff?.communityId ?? null, staffRoles: [...caller.roles], ownerOfUnits: ownerUnits(ctx) };
  // A request outside the caller's community is reported as missing, not as forbidden.
  const mine = new Set([caller.staff?.communityId, ...caller.homes.map((h) => h.communityId)]);
  if (!m || !mine.has(m.communityId)) throw new AppError('NOT_FOUND');
  if (!canDecideBinding(actor, m)) throw new AppError('FORBIDDEN');
  if (m.status !== 'pending') throw new AppError('CONFLICT', '该申请已处理');
  if (!input.approve && !input.reason) throw new AppError('INVALID_INPUT', '请填写未通过的原因');
  const now = clock.now();
  const patch = { status: input.approve ? 'approved' : 'rejected', decidedAt: now, decidedBy: caller.openid!, ...(input.reason ? { reason: input.reason } : {}) } as const;
  const res = await db.collection('memberships').where({ _id: m._id, status: 'pending' }).update(patch);
  if (res.updated !== 1) throw new AppError('CONFLICT', '该申请已被他人处理');
  await audit(db, { communityId: m.communityId, actor: caller.openid!, action: input.approve ? 'binding.approved' : 'binding.rejected', target: m._id, at: now, detail: input.reason });
  return (await homeViews(db, [{ ...m, ...patch }]))[0];
}
