import type { Relation } from './roles';

/** Pure rules about homes and households, shared by the functions and the client. */

export interface RegistryEntry {
  ownerName?: string;
  ownerPhone?: string;
}

/** An owner whose name and phone match the developer's owner registry is approved at once. */
export function canAutoApprove(unit: RegistryEntry, req: { name: string; phone: string; relation: Relation }): boolean {
  return (
    req.relation === 'owner' &&
    !!unit.ownerName &&
    !!unit.ownerPhone &&
    unit.ownerName.trim() === req.name.trim() &&
    unit.ownerPhone.trim() === req.phone.trim()
  );
}

/** 13912345678 → 139****5678 */
export function maskPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}

/**
 * Who may approve or reject a pending binding: the service desk or an admin of the
 * community, or an approved owner of the same unit for a family member or tenant.
 */
export function canDecideBinding(
  actor: { staffCommunityId?: string | null; staffRoles: string[]; ownerOfUnits: string[] },
  target: { communityId: string; unitId: string; relation: Relation },
): boolean {
  const staffOk =
    actor.staffCommunityId === target.communityId && actor.staffRoles.some((r) => r === 'desk' || r === 'admin');
  const ownerOk = target.relation !== 'owner' && actor.ownerOfUnits.includes(target.unitId);
  return staffOk || ownerOk;
}

/** An owner may remove family members and tenants of their unit; anyone may leave a home. */
export function canRemoveMember(
  actor: { openid: string; ownerOfUnits: string[] },
  target: { openid: string; unitId: string; relation: Relation },
): boolean {
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
