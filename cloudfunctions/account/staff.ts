import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import type { accountInputs, StaffView } from '../../src/domain/identity';
import { INVITE_TTL_DAYS, inviteCodeFrom } from '../../src/domain/membership';
import type { StaffDoc } from '../_lib/caller';
import type { ActionContext } from '../_lib/handler';
import { stableId } from '../_lib/ids';
import { audit, communityName, staffView } from './views';

type In<K extends keyof typeof accountInputs> = z.infer<(typeof accountInputs)[K]>;

export async function createInvite(input: In<'createInvite'>, { db, caller, clock }: ActionContext) {
  const now = clock.now();
  const code = inviteCodeFrom(randomBytes(8));
  const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * 86400_000);
  await db
    .collection('invites')
    .add({ _id: code, communityId: caller.staff!.communityId, roles: [...new Set(input.roles)], note: input.note ?? '', createdBy: caller.openid, createdAt: now, expiresAt });
  await audit(db, { communityId: caller.staff!.communityId, actor: caller.openid!, action: 'invite.created', target: code, at: now, detail: input.roles });
  return { code, expiresAt: expiresAt.toISOString() };
}

/**
 * Redeem a one-time invite: marking the invite used and creating the staff record happen
 * in one transaction, so a code can never be used twice, even by two people at once.
 */
export async function redeemInvite(input: In<'redeemInvite'>, { db, caller, clock }: ActionContext): Promise<StaffView> {
  const now = clock.now();
  const openid = caller.openid!;
  let created: StaffDoc | undefined;
  try {
    await db.runTransaction(async (tx: any) => {
      const invite = (await tx.collection('invites').doc(input.code).get()).data as any;
      if (!invite) throw new AppError('NOT_FOUND', '邀请码无效');
      if (invite.redeemedBy) throw new AppError('CONFLICT', '该邀请码已被使用');
      if (new Date(invite.expiresAt).getTime() < now.getTime()) throw new AppError('CONFLICT', '邀请码已过期，请联系管理员重新生成');
      // One person, one community (the multi-community model is a later issue): refuse loudly.
      if (caller.staff && caller.staff.communityId !== invite.communityId) {
        throw new AppError(
          'CONFLICT',
          `您已是「${await communityName(db, caller.staff.communityId)}」的员工，暂不支持同时在多个小区任职；如需调动，请先由原小区管理员停用您的账号`,
          { reason: 'staff-other-community' },
        );
      }
      const id = stableId('st', openid, invite.communityId);
      const existing = (await tx.collection('staff').doc(id).get()).data as StaffDoc | null;
      if (existing && existing.active) throw new AppError('CONFLICT', '您已是该小区的员工');
      created = { _id: id, openid, communityId: invite.communityId, name: input.name, phone: input.phone, roles: invite.roles, active: true, onDuty: false, createdAt: now };
      const { _id, ...rest } = created;
      await tx.collection('staff').doc(id).set(rest);
      await tx.collection('invites').doc(input.code).update({ redeemedBy: openid, redeemedAt: now });
    }, 1);
  } catch (e) {
    if (e instanceof AppError) throw e;
    if ((e as any)?.code === 'DATABASE_TRANSACTION_CONFLICT') throw new AppError('CONFLICT', '该邀请码已被使用');
    throw e;
  }
  await audit(db, { communityId: created!.communityId, actor: openid, action: 'invite.redeemed', target: input.code, at: now });
  return staffView(db, created!);
}

export async function listStaff(_input: unknown, { db, caller }: ActionContext): Promise<StaffView[]> {
  // One community: its name is read once (alongside the list), not once per member.
  const [res, name] = await Promise.all([
    db.collection('staff').where({ communityId: caller.staff!.communityId }).orderBy('createdAt', 'asc').limit(200).get(),
    communityName(db, caller.staff!.communityId),
  ]);
  return Promise.all((res.data as StaffDoc[]).map((s) => staffView(db, s, name)));
}

export async function updateStaff(input: In<'updateStaff'>, { db, caller, clock }: ActionContext): Promise<StaffView> {
  const target = (await db.collection('staff').doc(input.staffId).get()).data[0] as StaffDoc | undefined;
  if (!target || target.communityId !== caller.staff!.communityId) throw new AppError('NOT_FOUND', '员工不存在');
  if (input.roles === undefined && input.active === undefined) throw new AppError('INVALID_INPUT', '没有需要修改的内容');
  if (target._id === caller.staff!._id && (input.active === false || (input.roles && !input.roles.includes('admin')))) {
    throw new AppError('CONFLICT', '不能停用自己或移除自己的管理员角色');
  }
  const patch: Partial<StaffDoc> = {};
  if (input.roles) patch.roles = [...new Set(input.roles)];
  if (input.active !== undefined) patch.active = input.active;
  if (input.active === false) patch.onDuty = false;
  // Other roles (or a pause) change which alerts are theirs: the unread count kept by notify
  // no longer holds; the inbox counts it until their next 全部已读.
  await db
    .collection('staff')
    .doc(target._id)
    .update({ ...patch, alertsUnread: db.command.remove() });
  await audit(db, { communityId: target.communityId, actor: caller.openid!, action: 'staff.updated', target: target._id, at: clock.now(), detail: patch });
  return staffView(db, { ...target, ...patch });
}

export async function setOnDuty(input: In<'setOnDuty'>, { db, caller }: ActionContext): Promise<StaffView> {
  await db.collection('staff').doc(caller.staff!._id).update({ onDuty: input.onDuty });
  return staffView(db, { ...caller.staff!, onDuty: input.onDuty });
}
