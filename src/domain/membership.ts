import type { Relation } from './roles';

/** Pure rules about homes and households, shared by the functions and the client. */

export interface RegistryEntry {
  ownerName?: string;
  ownerPhone?: string;
}

/** Whether the developer's registry has an owner to check a claim against (without one, nothing is guessed). */
export const hasRegistry = (unit: RegistryEntry) => !!unit.ownerName && !!unit.ownerPhone;

/** An owner whose name and phone match the developer's owner registry is approved at once. */
export function canAutoApprove(unit: RegistryEntry, req: { name: string; phone: string; relation: Relation }): boolean {
  return (
    req.relation === 'owner' &&
    // Only a whole mobile number can match: a masked one (`*******5678`) never does.
    /^1\d{10}$/.test(req.phone.trim()) &&
    !!unit.ownerName &&
    !!unit.ownerPhone &&
    unit.ownerName.trim() === req.name.trim() &&
    unit.ownerPhone.trim() === req.phone.trim()
  );
}

/** 13912345678 → 139****5678 (staff views of a ticket's contact). */
export function maskPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}

/**
 * 13912345678 → *******5678: what household members and the binding review see of someone
 * else's phone. The last 4 digits only, so the rest (10^7 numbers) cannot be guessed
 * within the owner-claim limits below.
 */
export function maskPhoneTail(phone: string): string {
  return /^\d{11}$/.test(phone) ? `*******${phone.slice(7)}` : '****';
}

/**
 * Owner claims checked against the registry. A failed match (a wrong name or phone) counts;
 * after `perPersonUnit` failures of one person for one unit (ever), or `perUnitPerDay`
 * failures of anyone for one unit in a Beijing day, every further owner claim for that
 * unit waits for the desk and the unit is flagged. Deleting a pending request resets nothing.
 */
export const OWNER_CLAIM_LIMITS = { perPersonUnit: 3, perUnitPerDay: 5 } as const;

/** Why a request waits for review instead of the registry's automatic approval. */
export type ReviewReason = 'not-owner' | 'no-registry' | 'registry-mismatch' | 'too-many-misses' | 'barred';
export const REVIEW_REASON_LABELS: Record<ReviewReason, string> = {
  'not-owner': '家属/租户，需审核',
  'no-registry': '该房屋无业主登记信息',
  'registry-mismatch': '与业主登记信息不符',
  'too-many-misses': '多次业主信息不符，已转人工审核',
  barred: '曾被拒绝或移除，需人工审核',
};

/**
 * How an owner claim is decided: the registry approves it only when it matches, the claimant
 * was never refused or removed for this unit, and the guess limits still allow a check.
 */
export function ownerClaimOutcome(c: { registryMatch: boolean; barred: boolean; withinLimits: boolean; hasRegistry?: boolean }): { auto: boolean; review?: ReviewReason } {
  if (c.barred) return { auto: false, review: 'barred' };
  if (c.hasRegistry === false) return { auto: false, review: 'no-registry' };
  if (!c.withinLimits) return { auto: false, review: 'too-many-misses' };
  return c.registryMatch ? { auto: true } : { auto: false, review: 'registry-mismatch' };
}

/**
 * A refusal, or a removal by someone else (owner, desk, admin), bars the person's next request
 * for that unit from automatic approval. Leaving a home oneself does not.
 */
export function barsReapplication(end: { status: 'rejected' | 'removed'; by: string; openid: string }): boolean {
  return end.status === 'rejected' || end.by !== end.openid;
}

/** The desk or an admin of the membership's community may revoke any approved or pending membership. */
export function canRevokeMembership(actor: { staffCommunityId?: string | null; staffRoles: string[] }, target: { communityId: string; status: string }): boolean {
  return (
    actor.staffCommunityId === target.communityId && actor.staffRoles.some((r) => r === 'desk' || r === 'admin') && (target.status === 'approved' || target.status === 'pending')
  );
}

/**
 * Who may approve or reject a pending binding: the service desk or an admin of the
 * community, or an approved owner of the same unit for a family member or tenant.
 */
export function canDecideBinding(
  actor: { staffCommunityId?: string | null; staffRoles: string[]; ownerOfUnits: string[] },
  target: { communityId: string; unitId: string; relation: Relation },
): boolean {
  const staffOk = actor.staffCommunityId === target.communityId && actor.staffRoles.some((r) => r === 'desk' || r === 'admin');
  const ownerOk = target.relation !== 'owner' && actor.ownerOfUnits.includes(target.unitId);
  return staffOk || ownerOk;
}

/** An owner may remove family members and tenants of their unit; anyone may leave a home. */
export function canRemoveMember(actor: { openid: string; ownerOfUnits: string[] }, target: { openid: string; unitId: string; relation: Relation }): boolean {
  if (actor.openid === target.openid) return true;
  return target.relation !== 'owner' && actor.ownerOfUnits.includes(target.unitId);
}

const INVITE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** An 8-character invite code without look-alike characters (0/O, 1/I). */
export function inviteCodeFrom(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += INVITE_ALPHABET[bytes[i] % INVITE_ALPHABET.length];
  return s;
}
export const INVITE_TTL_DAYS = 7;

// 绑定审核 (issue #12): waiting times, quick reject reasons, undo of an approval.

/** A request waiting at least this long is highlighted in 绑定审核. */
export const BINDING_LONG_WAIT_HOURS = 24;

/** How long a request has waited, in words, and whether that is long (北京时间 plays no part: a duration). */
export function bindingWait(createdAt: Date | string, now: Date): { minutes: number; text: string; long: boolean } {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(createdAt).getTime()) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const text = minutes < 1 ? '刚刚提交' : minutes < 60 ? `已等待 ${minutes} 分钟` : days < 1 ? `已等待 ${hours} 小时` : `已等待 ${days} 天${hours ? ` ${hours} 小时` : ''}`;
  return { minutes, text, long: minutes >= BINDING_LONG_WAIT_HOURS * 60 };
}

/** Chips that fill the reason of a refusal (the resident reads it). Each fits the 100-character limit. */
export const BINDING_REJECT_REASONS = [
  '房号与实际不符，请核对后重新申请',
  '与业主登记信息不符，请携带房产证明到物业服务中心办理',
  '电话无法联系到您核实身份，请致电物业客服',
  '家属/租户请由业主本人在小程序中审核',
  '重复申请',
] as const;

/** An approval made in 绑定审核 can be undone by its approver or a supervisor for this long. */
export const BINDING_UNDO_MINUTES = 10;
export const BINDING_UNDO_EXPIRED = `审核通过已超过 ${BINDING_UNDO_MINUTES} 分钟，不能撤回；如需解除请使用“撤销绑定”并填写原因`;
export const BINDING_UNDO_FORBIDDEN = '只有审核人本人或主管可以撤回这次审核';
export const BINDING_UNDO_NOT_APPROVED = '该申请当前不是已通过状态，无法撤回';

export const undoUntil = (decidedAt: Date | string) => new Date(new Date(decidedAt).getTime() + BINDING_UNDO_MINUTES * 60_000);

/**
 * Whether `actor` may undo the approval `m` at `now`: a staff approval of the actor's community
 * (registry and owner approvals are not undone here), within the window, by the approver
 * themself or a supervisor of that community.
 */
export function undoApprovalVerdict(
  actor: { openid: string; staffCommunityId?: string | null; staffRoles: string[] },
  m: { communityId: string; status: string; decidedAt?: Date | string | null; decidedBy?: string; decidedByStaffId?: string },
  now: Date,
): 'ok' | 'not-found' | 'forbidden' | 'not-approved' | 'expired' {
  if (!actor.staffCommunityId || actor.staffCommunityId !== m.communityId) return 'not-found';
  // Staff of the community may see every request's state: saying it is no longer approved leaks nothing.
  if (m.status !== 'approved' || !m.decidedByStaffId || !m.decidedAt) return 'not-approved';
  const approver = m.decidedBy === actor.openid;
  const supervisor = actor.staffRoles.includes('supervisor');
  if (!approver && !supervisor) return 'forbidden';
  if (now.getTime() > undoUntil(m.decidedAt).getTime()) return 'expired';
  return 'ok';
}
