import { AppError } from '../../src/domain/errors';
import type { StaffRole } from '../../src/domain/roles';
import type { Database } from './cloud';

export interface MembershipDoc {
  _id: string;
  openid: string;
  unitId: string;
  communityId: string;
  name: string;
  phone: string;
  relation: 'owner' | 'family' | 'tenant';
  status: 'pending' | 'approved' | 'rejected' | 'removed';
  requestKey: string;
  createdAt: Date;
  decidedAt?: Date;
  decidedBy?: string;
  reason?: string;
  autoApproved?: boolean;
  /** Why an owner claim waits for the desk instead of the registry (see `ReviewReason`). */
  review?: string;
  /** Refused or removed by someone else: this person's next request for the unit is never auto-approved. */
  barred?: boolean;
  revokedBy?: string;
  /** An approval or refusal made in 绑定审核: the staff member (an approval can be undone for a short while). */
  decidedByStaffId?: string;
  decidedByName?: string;
  /** The unit's flag an owner approval cleared (put back if the approval is undone). */
  clearedFlag?: { at: Date; misses?: number; reason?: string };
}

export interface StaffDoc {
  _id: string;
  openid: string;
  communityId: string;
  name: string;
  phone: string;
  roles: StaffRole[];
  active: boolean;
  onDuty: boolean;
  createdAt: Date;
}

/** Who is calling, resolved from the OPENID CloudBase attaches to the invocation. */
export interface Caller {
  openid: string | null;
  /** Approved homes of the caller. */
  homes: MembershipDoc[];
  /** The staff record of the community this call acts in (the one chosen, see `resolveCaller`). */
  staff: StaffDoc | null;
  /** Roles in that community only. */
  roles: Set<StaffRole>;
  /** Every active staff record of the person, one per community (for the switcher); empty when the staff part was not read. */
  staffships: StaffDoc[];
  /** Which parts were read (an action that does not need a part leaves it unread: empty). */
  resolved: CallerParts;
}

/** The parts of a caller an action reads: approved homes (one read), the staff record (one read). */
export interface CallerParts {
  homes: boolean;
  staff: boolean;
}

export const ALL_PARTS: CallerParts = { homes: true, staff: true };

/** How many communities one person may serve at once (one read returns them all). */
export const MAX_STAFF_COMMUNITIES = 20;

/**
 * The staff record a call acts with. `chosen` is the community the client sent in the request
 * envelope (`communityId`, beside `action`/`data`): a claim, checked here against the person's own
 * active records — a community they are not staff of is FORBIDDEN, never trusted. Without a
 * choice, the person's earliest community (stable, so an old client keeps working). A person who
 * is staff nowhere is not staff, whatever they send.
 */
export function pickStaff(records: readonly StaffDoc[], chosen: string | null | undefined): StaffDoc | null {
  // Not staff anywhere: a choice means nothing (residents are unaffected by a stale one).
  if (!records.length) return null;
  if (chosen) {
    const hit = records.find((s) => s.communityId === chosen);
    if (!hit) throw new AppError('FORBIDDEN', '您不是该小区的员工，请切换小区', { reason: 'community-not-staff', communityId: chosen });
    return hit;
  }
  return [...records].sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || (a._id < b._id ? -1 : 1))[0];
}

/**
 * Who is calling, with one indexed read per part asked for, all in parallel (at most two
 * reads, one round-trip step); a part not asked for is not read and stays empty. A person may be
 * staff of several communities (one record each, roles per community); `community` picks which.
 */
export async function resolveCaller(db: Database, openid: string | null, parts: CallerParts = ALL_PARTS, community?: string | null): Promise<Caller> {
  if (!openid) return { openid: null, homes: [], staff: null, roles: new Set(), staffships: [], resolved: { homes: false, staff: false } };
  const [homes, staff] = await Promise.all([
    parts.homes ? db.collection('memberships').where({ openid, status: 'approved' }).limit(50).get() : { data: [] },
    parts.staff ? db.collection('staff').where({ openid, active: true }).limit(MAX_STAFF_COMMUNITIES).get() : { data: [] },
  ]);
  const staffships = staff.data as StaffDoc[];
  // A resident-only call ignores the choice (residents are unaffected); a staff call is refused
  // when the chosen community is not one of the person's.
  const member = parts.staff ? pickStaff(staffships, community) : null;
  return { openid, homes: homes.data as MembershipDoc[], staff: member, roles: new Set(member?.roles ?? []), staffships, resolved: { ...parts } };
}
