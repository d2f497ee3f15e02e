import type { HomeView, MeView } from '@/domain/identity'
import type { MembershipStatus } from '@/domain/membership-status'
import { RELATION_LABELS, ROLE_LABELS, type StaffRole } from '@/domain/roles'
import type { PillTone } from '@/components/Pill'

/** The pill colour of each membership status (its words: MEMBERSHIP_STATUS_LABELS in the domain). */
export const MEMBERSHIP_STATUS_TONE: Record<MembershipStatus, PillTone> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  removed: 'neutral',
}

export const relationLabel = (r: HomeView['relation']) => RELATION_LABELS[r]
export const roleLabels = (roles: StaffRole[]) => roles.map((r) => ROLE_LABELS[r])

/** The name to greet the caller with. */
export function displayName(me: MeView | null): string {
  if (me?.staff?.name) return me.staff.name
  const named = me?.homes.find((h) => h.status === 'approved' && h.name) ?? me?.homes.find((h) => h.name)
  return named?.name || '微信用户'
}

export const approvedHomes = (me: MeView | null) => (me?.homes ?? []).filter((h) => h.status === 'approved')
export const ownedHomes = (me: MeView | null) => approvedHomes(me).filter((h) => h.relation === 'owner')
export const isActiveStaff = (me: MeView | null) => !!me?.staff && me.staff.active
export const hasRole = (me: MeView | null, ...roles: StaffRole[]) => isActiveStaff(me) && roles.some((r) => me!.staff!.roles.includes(r))
