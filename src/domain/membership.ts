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
