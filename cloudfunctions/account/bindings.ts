import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import type { accountInputs, BindingRequestView, HomeView } from '../../src/domain/identity';
import {
  barsReapplication,
  BINDING_UNDO_EXPIRED,
  BINDING_UNDO_FORBIDDEN,
  BINDING_UNDO_NOT_APPROVED,
  bindingWait,
  canAutoApprove,
  canDecideBinding,
  canRemoveMember,
  canRevokeMembership,
  hasRegistry,
  maskPhoneTail,
  OWNER_CLAIM_LIMITS,
  ownerClaimOutcome,
  type ReviewReason,
  undoApprovalVerdict,
  undoUntil,
} from '../../src/domain/membership';
import type { MembershipDoc, StaffDoc } from '../_lib/caller';
import type { ActionContext, PrefetchContext } from '../_lib/handler';
import { isDuplicate, stableId } from '../_lib/ids';
import { notify, type Outgoing } from '../_lib/notify';
import { giveBack, take, used, type RateLimit } from '../_lib/rate-limit';
import { audit, homeViews, placedViews, withPlaces, type PlacedMembership } from './views';

type In<K extends keyof typeof accountInputs> = z.infer<(typeof accountInputs)[K]>;

const ownerUnits = (ctx: ActionContext) => ctx.caller.homes.filter((h) => h.relation === 'owner').map((h) => h.unitId);

async function view(ctx: ActionContext, m: MembershipDoc): Promise<HomeView> {
  return (await homeViews(ctx.db, [m], { revealPhoneOf: ctx.caller.openid ?? undefined }))[0];
}

/** Failed registry matches: per person and unit (ever), per unit (per Beijing day). */
const MISS_PERSON: RateLimit = { limit: OWNER_CLAIM_LIMITS.perPersonUnit, windowSec: null };
const MISS_UNIT: RateLimit = { limit: OWNER_CLAIM_LIMITS.perUnitPerDay, windowSec: 86400 };
const MISS_PERSON_SCOPE = 'owner-claim-miss:person';
const MISS_UNIT_SCOPE = 'owner-claim-miss:unit';

interface UnitDoc {
  _id: string;
  communityId: string;
  label: string;
  ownerName?: string;
  ownerPhone?: string;
}

/**
 * Decides an owner claim. Each registry check takes a slot of both guess counters first
 * (atomically, so concurrent guesses cannot overrun them); a match gives the slots back, a
 * miss keeps them. With no slot left — or a claimant once refused or removed — the claim
 * waits for the desk and the unit is flagged. The counters live apart from the membership,
 * so deleting a pending request and asking again resets nothing.
 */
async function judgeOwnerClaim(ctx: ActionContext, unit: UnitDoc, input: In<'requestBinding'>, barred: boolean, now: Date) {
  const { db } = ctx;
  const personKey = `${ctx.caller.openid}:${unit._id}`;
  if (barred) return ownerClaimOutcome({ barred, withinLimits: true, registryMatch: false });
  // No registry entry: nothing to guess, no counter to spend; the desk checks the deeds.
  if (!hasRegistry(unit)) return ownerClaimOutcome({ barred, withinLimits: true, registryMatch: false, hasRegistry: false });
  const [p, u] = await Promise.all([take(db, MISS_PERSON_SCOPE, personKey, MISS_PERSON, now), take(db, MISS_UNIT_SCOPE, unit._id, MISS_UNIT, now)]);
  if (!p.ok || !u.ok) {
    await Promise.all([p.ok && giveBack(db, MISS_PERSON_SCOPE, personKey, MISS_PERSON, now), u.ok && giveBack(db, MISS_UNIT_SCOPE, unit._id, MISS_UNIT, now)]);
    await flagUnit(ctx, unit, personKey, now);
    return ownerClaimOutcome({ barred, withinLimits: false, registryMatch: false });
  }
  const registryMatch = canAutoApprove(unit, input);
  if (registryMatch) {
    await Promise.all([giveBack(db, MISS_PERSON_SCOPE, personKey, MISS_PERSON, now), giveBack(db, MISS_UNIT_SCOPE, unit._id, MISS_UNIT, now)]);
  } else {
    // This miss may have used the last slot: flag the unit for the desk now, not at the next guess.
    const [pu, uu] = await Promise.all([used(db, MISS_PERSON_SCOPE, personKey, MISS_PERSON, now), used(db, MISS_UNIT_SCOPE, unit._id, MISS_UNIT, now)]);
    if (pu >= MISS_PERSON.limit || uu >= MISS_UNIT.limit) await flagUnit(ctx, unit, personKey, now, Math.max(pu, uu));
  }
  return ownerClaimOutcome({ barred, withinLimits: true, registryMatch });
}

/** Marks the unit in the desk's binding review (cleared when the desk approves an owner of it). */
async function flagUnit(ctx: ActionContext, unit: UnitDoc, personKey: string, now: Date, known?: number) {
  const misses = known ?? Math.max(...(await Promise.all([used(ctx.db, MISS_PERSON_SCOPE, personKey, MISS_PERSON, now), used(ctx.db, MISS_UNIT_SCOPE, unit._id, MISS_UNIT, now)])));
  await ctx.db
    .collection('units')
    .doc(unit._id)
    .update({ bindingFlag: { at: now, misses, reason: 'owner-claim-misses' } });
}

/** Residents hear of claims on and revocations of their homes through the message centre (keyed: a retry tells nobody twice). */
function homeMessage(key: string, openids: string[], communityId: string, membershipId: string | null, title: string, body: string): Outgoing {
  const target = membershipId ? { kind: 'binding' as const, id: membershipId } : { kind: 'none' as const, id: '' };
  return { key, to: openids.map((openid) => ({ openid })), kind: 'binding', tone: 'warning', title, body, communityId, target };
}

/** Every approved owner of the unit hears of every owner claim on it (but not the claimant themself). */
async function notifyOwners(ctx: ActionContext, unit: UnitDoc, claim: Omit<MembershipDoc, '_id'> & { _id: string }) {
  const owners = (await ctx.db.collection('memberships').where({ unitId: unit._id, status: 'approved', relation: 'owner' }).limit(20).get()).data as MembershipDoc[];
  const outcome = claim.status === 'approved' ? '已按业主登记信息自动通过' : '正在等待物业审核';
  const text = `有人以业主身份申请绑定您的房屋 ${unit.label}（申请人：${claim.name}，手机尾号 ${claim.phone.slice(-4)}），${outcome}。如不是您或您的家人，请立即联系物业客服。`;
  const to = owners.filter((o) => o.openid !== claim.openid).map((o) => o.openid);
  await notify(ctx, [homeMessage(`owner-claim:${claim._id}:${claim.requestKey}`, to, claim.communityId, null, '有人申请成为您房屋的业主', text)]);
}

/**
 * Ask to bind a home. One membership document per (person, unit) — its id is derived
 * from both — so a double tap, a retry or two racing requests can never create two.
 */
export async function requestBinding(input: In<'requestBinding'>, ctx: ActionContext): Promise<HomeView> {
  const { db, caller, clock } = ctx;
  const openid = caller.openid!;
  const unit = (await db.collection('units').doc(input.unitId).get()).data[0] as UnitDoc | undefined;
  if (!unit) throw new AppError('NOT_FOUND', '房屋不存在，请重新选择');
  const id = stableId('m', openid, input.unitId);
  const requestKey = `${openid}:${input.clientRequestId}`;
  const existing = (await db.collection('memberships').doc(id).get()).data[0] as MembershipDoc | undefined;
  if (existing && existing.requestKey === requestKey) {
    // A retry: the owners may not have been told if the first call died after writing.
    if (existing.relation === 'owner') await notifyOwners(ctx, unit, existing);
    return view(ctx, existing);
  }
  if (existing && existing.status === 'approved') throw new AppError('CONFLICT', '您已绑定该房屋');
  if (existing && existing.status === 'pending') throw new AppError('CONFLICT', '已提交绑定申请，请等待物业审核');

  const now = clock.now();
  const outcome: { auto: boolean; review?: ReviewReason } =
    input.relation === 'owner' ? await judgeOwnerClaim(ctx, unit, input, !!existing?.barred, now) : { auto: false, review: 'not-owner' };
  const auto = outcome.auto;
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
    ...(auto ? { decidedAt: now, decidedBy: 'registry', autoApproved: true } : { review: outcome.review }),
  };
  if (existing) {
    // A rejected or removed membership is asked for again: start over on the same document
    // (keeping `barred`), but only if nobody else restarted it in the meantime.
    const _ = db.command;
    const res = await db
      .collection('memberships')
      .where({ _id: id, requestKey: existing.requestKey })
      .update({
        ...doc,
        reason: _.remove(),
        revokedBy: _.remove(),
        decidedBy: auto ? 'registry' : _.remove(),
        decidedAt: auto ? now : _.remove(),
        autoApproved: auto ? true : _.remove(),
        review: auto ? _.remove() : outcome.review,
      });
    if (res.updated !== 1) return requestBinding(input, ctx);
  } else {
    try {
      await db.collection('memberships').add({ _id: id, ...doc });
    } catch (e) {
      if (!isDuplicate(e)) throw e;
      return requestBinding(input, ctx);
    }
  }
  const saved = { _id: id, ...doc, ...(existing?.barred ? { barred: true } : {}) } as MembershipDoc;
  if (input.relation === 'owner') await notifyOwners(ctx, unit, saved);
  await audit(db, {
    communityId: unit.communityId,
    actor: openid,
    action: auto ? 'binding.auto-approved' : 'binding.requested',
    target: id,
    at: now,
    ...(outcome.review ? { detail: outcome.review } : {}),
  });
  return view(ctx, saved);
}

/** Members of a home the caller belongs to; phones masked (last 4 digits) except the caller's own. */
/** The unit's household with places joined in, read alongside the caller (used only once they are shown to live there). */
export function householdOf(input: In<'householdMembers'>, { db }: PrefetchContext): Promise<PlacedMembership[]> {
  return withPlaces(db, { unitId: input.unitId, status: db.command.in(['approved', 'pending']) }, { sort: 1, limit: 50 });
}

export async function householdMembers(input: In<'householdMembers'>, ctx: ActionContext): Promise<HomeView[]> {
  if (!ctx.caller.homes.some((h) => h.unitId === input.unitId)) throw new AppError('FORBIDDEN', '您不是该房屋的住户');
  return placedViews(ctx.prefetched as PlacedMembership[], { revealPhoneOf: ctx.caller.openid ?? undefined });
}

export async function removeMember(input: In<'removeMember'>, ctx: ActionContext) {
  const { db, caller, clock } = ctx;
  const m = (await db.collection('memberships').doc(input.membershipId).get()).data[0] as MembershipDoc | undefined;
  if (!m || !['approved', 'pending'].includes(m.status)) throw new AppError('NOT_FOUND', '该成员不存在或已解除');
  if (!canRemoveMember({ openid: caller.openid!, ownerOfUnits: ownerUnits(ctx) }, m)) throw new AppError('FORBIDDEN', '只有业主可以移除家庭成员');
  const barred = barsReapplication({ status: 'removed', by: caller.openid!, openid: m.openid });
  const res = await db
    .collection('memberships')
    .where({ _id: m._id, status: m.status })
    .update({ status: 'removed', decidedAt: clock.now(), decidedBy: caller.openid, ...(barred ? { barred: true } : {}) });
  if (res.updated !== 1) throw new AppError('CONFLICT', '该成员状态已变化，请刷新');
  await audit(db, { communityId: m.communityId, actor: caller.openid!, action: 'binding.removed', target: m._id, at: clock.now() });
  return { removed: true };
}

/** Binding requests of the staff member's community, newest first; phones masked except a pending claimant's. */
export async function listBindingRequests(input: In<'listBindingRequests'>, ctx: ActionContext): Promise<{ items: BindingRequestView[]; total: number; nextCursor?: string }> {
  const { db, caller } = ctx;
  const where = { communityId: caller.staff!.communityId, status: input.status };
  const offset = input.cursor ? Number.parseInt(input.cursor, 10) || 0 : 0;
  // Pending requests come with their flats' members joined in (the review facts): no read after.
  const pending = input.status === 'pending';
  const [page, count] = await Promise.all([
    withPlaces(db, where, { sort: -1, skip: offset, limit: input.pageSize, household: pending }),
    db.collection('memberships').where(where).count(),
  ]);
  let items = placedViews(page, { forDesk: true });
  if (pending) items = withReviewFacts(ctx, items, page);
  const next = offset + page.length;
  return { items, total: count.total, ...(next < count.total ? { nextCursor: String(next) } : {}) };
}

/**
 * What the desk needs to judge pending requests: how long each has waited (by the server's
 * clock), and who already lives in the flat (approved members, phones masked) — joined into
 * the page's read (`withPlaces` with `household`).
 */
function withReviewFacts(ctx: ActionContext, items: BindingRequestView[], page: PlacedMembership[]): BindingRequestView[] {
  const now = ctx.clock.now();
  const order = { owner: 0, family: 1, tenant: 2 } as const;
  return items.map((i, n) => ({
    ...i,
    wait: bindingWait(i.createdAt, now),
    household: (page[n].household ?? [])
      .filter((m) => m.status === 'approved' && m._id !== i.membershipId)
      .sort((a, b) => order[a.relation] - order[b.relation])
      .map((m) => ({ name: m.name, relation: m.relation, phoneMasked: maskPhoneTail(m.phone), since: new Date(m.decidedAt ?? m.createdAt).toISOString() })),
  }));
}

/**
 * 绑定审核 history: approved and refused requests of the caller's community, newest decision
 * first, with who decided; an approval the caller may still undo carries `undoUntil`.
 */
export async function bindingHistory(input: In<'bindingHistory'>, ctx: ActionContext): Promise<{ items: BindingRequestView[]; total: number; nextCursor?: string }> {
  const { db, caller } = ctx;
  const _ = db.command;
  const where = { communityId: caller.staff!.communityId, status: _.in(['approved', 'rejected']), decidedAt: _.exists(true) };
  const offset = input.cursor ? Number.parseInt(input.cursor, 10) || 0 : 0;
  const [page, count] = await Promise.all([
    db.collection('memberships').where(where).orderBy('decidedAt', 'desc').skip(offset).limit(input.pageSize).get(),
    db.collection('memberships').where(where).count(),
  ]);
  const ms = page.data as MembershipDoc[];
  // Names of staff deciders recorded before decisions carried them: one query.
  const unknown = [...new Set(ms.filter((m) => !m.decidedByName && m.decidedBy && m.decidedBy !== 'registry').map((m) => m.decidedBy!))];
  const staff = unknown.length
    ? ((
        await db
          .collection('staff')
          .where({ openid: _.in(unknown), communityId: caller.staff!.communityId })
          .field({ openid: true, name: true })
          .limit(100)
          .get()
      ).data as Pick<StaffDoc, 'openid' | 'name'>[])
    : [];
  const staffName = new Map(staff.map((s) => [s.openid, s.name]));
  const now = ctx.clock.now();
  const actor = { openid: caller.openid!, staffCommunityId: caller.staff!.communityId, staffRoles: [...caller.roles] };
  const views = await homeViews(db, ms, { forDesk: true });
  const items = views.map((v, i) => {
    const m = ms[i];
    const label = m.decidedBy === 'registry' || m.autoApproved ? '业主登记自动通过' : (m.decidedByName ?? staffName.get(m.decidedBy ?? '') ?? '业主审核');
    const undo = m.status === 'approved' && undoApprovalVerdict(actor, m, now) === 'ok';
    return { ...v, decidedByLabel: label, ...(undo ? { undoUntil: undoUntil(m.decidedAt!).toISOString() } : {}) };
  });
  const next = offset + ms.length;
  return { items, total: count.total, ...(next < count.total ? { nextCursor: String(next) } : {}) };
}

/**
 * Undo an approval made in 绑定审核, within BINDING_UNDO_MINUTES, by its approver or a supervisor
 * of the community: the membership goes back to pending (the request is decided again), a unit
 * flag the approval cleared comes back, and the resident is told. After the window it is refused.
 */
export async function undoBindingApproval(input: In<'undoBindingApproval'>, ctx: ActionContext): Promise<HomeView> {
  const { db, caller, clock } = ctx;
  const m = (await db.collection('memberships').doc(input.membershipId).get()).data[0] as MembershipDoc | undefined;
  const now = clock.now();
  const verdict = m ? undoApprovalVerdict({ openid: caller.openid!, staffCommunityId: caller.staff?.communityId, staffRoles: [...caller.roles] }, m, now) : 'not-found';
  if (!m || verdict === 'not-found') throw new AppError('NOT_FOUND', '该申请不存在');
  if (verdict === 'forbidden') throw new AppError('FORBIDDEN', BINDING_UNDO_FORBIDDEN);
  if (verdict === 'not-approved') throw new AppError('CONFLICT', BINDING_UNDO_NOT_APPROVED);
  if (verdict === 'expired') throw new AppError('CONFLICT', BINDING_UNDO_EXPIRED);
  const _ = db.command;
  // Only this approval is undone: a second tap, or a change in between, finds nothing to update.
  const res = await db.collection('memberships').where({ _id: m._id, status: 'approved', decidedAt: m.decidedAt }).update({
    status: 'pending',
    decidedAt: _.remove(),
    decidedBy: _.remove(),
    decidedByStaffId: _.remove(),
    decidedByName: _.remove(),
    clearedFlag: _.remove(),
  });
  if (res.updated !== 1) throw new AppError('CONFLICT', BINDING_UNDO_NOT_APPROVED);
  if (m.clearedFlag) await db.collection('units').doc(m.unitId).update({ bindingFlag: m.clearedFlag });
  const label = ((await db.collection('units').doc(m.unitId).field({ label: true }).get()).data[0] as { label?: string } | undefined)?.label ?? '';
  await notify(ctx, [
    homeMessage(
      `${m._id}:undo:${new Date(m.decidedAt!).getTime()}`,
      [m.openid],
      m.communityId,
      m._id,
      '房屋绑定审核已撤回',
      `物业撤回了您绑定房屋 ${label} 的审核结果，申请已恢复为待审核，物业核实后会再次通知您。如有疑问请联系物业客服。`,
    ),
  ]);
  await audit(db, {
    communityId: m.communityId,
    actor: caller.openid!,
    action: 'binding.approval-undone',
    target: m._id,
    at: now,
    detail: { approvedAt: m.decidedAt, approver: m.decidedBy },
  });
  const { decidedAt: _at, decidedBy: _by, ...rest } = m;
  return (await homeViews(db, [{ ...rest, status: 'pending' }]))[0];
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
  // Decided in 绑定审核 (not by an owner of the unit): the staff member is on record, and an approval can be undone for a while.
  const byStaff = caller.staff?.communityId === m.communityId && (caller.roles.has('desk') || caller.roles.has('admin'));
  const clearFlag = input.approve && m.relation === 'owner' && byStaff;
  const flag = clearFlag ? ((await db.collection('units').doc(m.unitId).field({ bindingFlag: true }).get()).data[0] as any)?.bindingFlag : undefined;
  const patch = {
    status: input.approve ? 'approved' : 'rejected',
    decidedAt: now,
    decidedBy: caller.openid!,
    ...(byStaff ? { decidedByStaffId: caller.staff!._id, decidedByName: caller.staff!.name } : {}),
    ...(flag ? { clearedFlag: flag } : {}),
    ...(input.reason ? { reason: input.reason } : {}),
    // A refused claimant's next request for this unit waits for the desk.
    ...(input.approve ? {} : { barred: true }),
  } as const;
  const res = await db.collection('memberships').where({ _id: m._id, status: 'pending' }).update(patch);
  if (res.updated !== 1) throw new AppError('CONFLICT', '该申请已被他人处理');
  // The desk has checked this unit's owner in person: its flag has done its work.
  if (clearFlag) await db.collection('units').doc(m.unitId).update({ bindingFlag: db.command.remove() });
  await audit(db, {
    communityId: m.communityId,
    actor: caller.openid!,
    action: input.approve ? 'binding.approved' : 'binding.rejected',
    target: m._id,
    at: now,
    detail: input.reason,
  });
  return (await homeViews(db, [{ ...m, ...patch }]))[0];
}

/**
 * The desk or an admin ends any approved or pending membership (a hijacked home, a tenant who
 * moved out) with a reason on record. The membership, the household's notices and the bar on
 * automatic re-approval are written in one transaction; the audit log records who and why.
 */
export async function revokeMembership(input: In<'revokeMembership'>, ctx: ActionContext): Promise<HomeView> {
  const { db, caller, clock } = ctx;
  const m = (await db.collection('memberships').doc(input.membershipId).get()).data[0] as MembershipDoc | undefined;
  if (!m || m.communityId !== caller.staff?.communityId) throw new AppError('NOT_FOUND', '该成员不存在');
  if (m.status !== 'approved' && m.status !== 'pending') throw new AppError('CONFLICT', '该成员已解除或未通过，无需撤销');
  if (!canRevokeMembership({ staffCommunityId: caller.staff.communityId, staffRoles: [...caller.roles] }, m)) throw new AppError('FORBIDDEN');
  const now = clock.now();
  const unit = (await db.collection('units').doc(m.unitId).field({ label: true }).get()).data[0] as { label?: string } | undefined;
  const others = ((await db.collection('memberships').where({ unitId: m.unitId, status: 'approved' }).limit(50).get()).data as MembershipDoc[]).filter(
    (o) => o._id !== m._id && o.openid !== m.openid,
  );
  const label = unit?.label ?? '';
  const key = `${m._id}:${m.requestKey}:${m.status}`;
  const messages = [
    homeMessage(`${key}:self`, [m.openid], m.communityId, m._id, '房屋绑定已被撤销', `物业已撤销您与房屋 ${label} 的绑定，原因：${input.reason}。如有疑问请联系物业客服。`),
    homeMessage(
      `${key}:household`,
      others.map((o) => o.openid),
      m.communityId,
      null,
      '家庭成员绑定已被撤销',
      `物业已撤销 ${m.name}（手机尾号 ${maskPhoneTail(m.phone).slice(-4)}）与房屋 ${label} 的绑定，原因：${input.reason}。`,
    ),
  ];
  const patch = { status: 'removed' as const, decidedAt: now, decidedBy: caller.openid!, revokedBy: caller.openid!, reason: input.reason, barred: true };
  try {
    await db.runTransaction(async (tx: any) => {
      const cur = (await tx.collection('memberships').doc(m._id).get()).data as MembershipDoc | null;
      if (!cur || cur.status !== m.status || cur.requestKey !== m.requestKey) throw new AppError('CONFLICT', '该成员状态已变化，请刷新');
      await tx.collection('memberships').doc(m._id).update(patch);
    }, 1);
  } catch (e) {
    if (e instanceof AppError) throw e;
    if ((e as any)?.code === 'DATABASE_TRANSACTION_CONFLICT') throw new AppError('CONFLICT', '该成员状态已变化，请刷新');
    throw e;
  }
  // After the change is committed; keyed, so telling the household again never duplicates.
  await notify(ctx, messages);
  await audit(db, {
    communityId: m.communityId,
    actor: caller.openid!,
    action: 'binding.revoked',
    target: m._id,
    at: now,
    detail: { reason: input.reason, from: m.status, relation: m.relation },
  });
  return (await homeViews(db, [{ ...m, ...patch }]))[0];
}
