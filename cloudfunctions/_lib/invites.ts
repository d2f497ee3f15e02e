import { randomBytes } from 'node:crypto';
import type { StaffRole } from '../../src/domain/roles';
import { INVITE_TTL_DAYS, inviteCodeFrom } from '../../src/domain/membership';
import type { Database } from './cloud';

/**
 * Writes a one-time staff invite of the same shape `account.createInvite` writes (see
 * cloudfunctions/account/staff.ts), so `account.redeemInvite` redeems it unchanged. For
 * functions other than `account` that appoint staff (onboarding: a company admin appointing a
 * community's admins and supervisors).
 */
export async function writeInvite(db: Database, p: { communityId: string; roles: readonly StaffRole[]; note?: string; createdBy: string; now: Date }) {
  const code = inviteCodeFrom(randomBytes(8));
  const expiresAt = new Date(p.now.getTime() + INVITE_TTL_DAYS * 86400_000);
  await db
    .collection('invites')
    .add({ _id: code, communityId: p.communityId, roles: [...new Set(p.roles)], note: p.note ?? '', createdBy: p.createdBy, createdAt: p.now, expiresAt });
  return { code, expiresAt: expiresAt.toISOString() };
}
