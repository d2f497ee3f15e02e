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
  staff: StaffDoc | null;
  roles: Set<StaffRole>;
  /** Which parts were read (an action that does not need a part leaves it unread: empty). */
  resolved: CallerParts;
}

/** The parts of a caller an action reads: approved homes (one read), the staff record (one read). */
export interface CallerParts {
  homes: boolean;
  staff: boolean;
}

export const ALL_PARTS: CallerParts = { homes: true, staff: true };

/**
 * Who is calling, with one indexed read per part asked for, all in parallel (at most two
 * reads, one round-trip step); a part not asked for is not read and stays empty.
 */
export async function resolveCaller(db: Database, openid: string | null, parts: CallerParts = ALL_PARTS): Promise<Caller> {
  if (!openid) return { openid: null, homes: [], staff: null, roles: new Set(), resolved: { homes: false, staff: false } };
  const [homes, staff] = await Promise.all([
    parts.homes ? db.collection('memberships').where({ openid, status: 'approved' }).limit(50).get() : { data: [] },
    parts.staff ? db.collection('staff').where({ openid, active: true }).limit(2).get() : { data: [] },
  ]);
  // One person is staff of one community (the multi-community model is a later issue):
  // two active records are refused loudly instead of silently picking one.
  if (staff.data.length > 1) throw new AppError('CONFLICT', '您的账号同时是多个小区的员工，暂不支持，请联系管理员停用其中一个', { reason: 'staff-ambiguous' });
  const member = (staff.data[0] as StaffDoc | undefined) ?? null;
  return { openid, homes: homes.data as MembershipDoc[], staff: member, roles: new Set(member?.roles ?? []), resolved: { ...parts } };
}
